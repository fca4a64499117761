package org.qatwb.sim.profile;

import java.util.Objects;

/**
 * A ZFS dataset of the simulated pool, with the properties that decide QAT offload (DOMAIN.md
 * section 7).
 *
 * @param name          {@code pool/child}
 * @param volume        a zvol (its block size is {@code volblocksize}; {@code recordsize} does not apply)
 * @param compression   as {@code zfs get} prints it: {@code lz4}, {@code gzip}, {@code gzip-6}, {@code off}
 * @param checksum      {@code on}, {@code sha256}, {@code sha512}, ...
 * @param encryption    {@code off}, {@code aes-256-gcm}, {@code aes-256-ccm}, ...
 * @param blockSize     recordsize (file system) or volblocksize (volume), in bytes
 * @param compressRatio the logical-to-physical ratio its data compresses to (1.0 when compression is off)
 */
public record Dataset(String name, boolean volume, String compression, String checksum, String encryption,
                      long blockSize, double compressRatio) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        if (compressRatio < 1.0) {
            throw new IllegalArgumentException("compression ratio below 1: " + compressRatio);
        }
    }

    public static Dataset fs(String name, String compression, String checksum, String encryption, long recordsize,
                             double ratio) {
        return new Dataset(name, false, compression, checksum, encryption, recordsize, ratio);
    }

    public static Dataset vol(String name, String compression, String checksum, String encryption, long volblocksize,
                              double ratio) {
        return new Dataset(name, true, compression, checksum, encryption, volblocksize, ratio);
    }

    public String pool() {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /** The parent dataset's name, or null for the pool's root dataset. */
    public String parent() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? null : name.substring(0, slash);
    }

    /** The ratio physical bytes shrink by: 1.0 when compression is off. */
    public double physicalRatio() {
        return "off".equals(compression) ? 1.0 : compressRatio;
    }
}
