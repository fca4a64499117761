package org.qatwb.model.pci;

import java.util.Objects;

/**
 * What ZFS can offload to one QAT function with the driver that owns it. A zfs.ko built
 * {@code --with-qat} is linked against Intel's package: OpenZFS's {@code config/kernel.m4}
 * ({@code ZFS_AC_QAT}) requires the package's {@code qat_api.ko} and Module.symvers, and
 * {@code module/os/linux/zfs/qat_compress.c} ({@code qat_dc_init}: {@code cpaDcGetNumInstances}) and
 * {@code qat_crypt.c} ({@code qat_cy_init}: {@code cpaCyGetNumInstances}) call its kernel QAT API.
 *
 * @param compression gzip compression (Dc instances)
 * @param checksum    SHA-256 checksums (Cy instances)
 * @param encryption  AES-GCM encryption (Cy instances)
 * @param why         one line: why, or under what condition
 */
public record ZfsUse(boolean compression, boolean checksum, boolean encryption, String why) {

    public ZfsUse {
        Objects.requireNonNull(why, "why");
    }

    public static ZfsUse nothing(String why) {
        return new ZfsUse(false, false, false, why);
    }

    public boolean any() {
        return compression || checksum || encryption;
    }

    /** {@code compression, checksums, encryption}, {@code compression only} or {@code nothing}. */
    public String summary() {
        if (compression && checksum && encryption) {
            return "compression, checksums, encryption";
        }
        if (compression && !checksum && !encryption) {
            return "compression only";
        }
        if (!any()) {
            return "nothing";
        }
        return (compression ? "compression " : "") + (checksum ? "checksums " : "") + (encryption ? "encryption" : "");
    }
}
