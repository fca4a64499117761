package org.qatwb.sim.zfs;

import org.qatwb.sim.profile.Dataset;

/**
 * Which of a dataset's work OpenZFS hands to QAT (DOMAIN.md section 7; OpenZFS qat_*.c and
 * zio_crypt.c): blocks of 4 KiB to 128 KiB only; gzip (any level) only; SHA-256 only; AES-GCM,
 * while AES-CCM is counted as a request and then done in software.
 */
final class Offload {

    static final long MIN_BLOCK = 4 * 1024;
    static final long MAX_BLOCK = 128 * 1024;

    private Offload() {
    }

    static boolean blockFits(Dataset d) {
        return d.blockSize() >= MIN_BLOCK && d.blockSize() <= MAX_BLOCK;
    }

    static boolean compresses(Dataset d) {
        return blockFits(d) && (d.compression().equals("gzip") || d.compression().matches("gzip-[1-9]"));
    }

    static boolean checksums(Dataset d) {
        return blockFits(d) && d.checksum().equals("sha256");
    }

    static boolean encrypts(Dataset d) {
        return blockFits(d) && d.encryption().matches("aes-(128|192|256)-gcm");
    }

    /** AES-CCM: ZFS bumps the request counter, then QAT refuses CCM and software does the work. */
    static boolean countsCcmOnly(Dataset d) {
        return blockFits(d) && d.encryption().matches("aes-(128|192|256)-ccm");
    }
}
