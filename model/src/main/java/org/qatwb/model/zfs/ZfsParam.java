package org.qatwb.model.zfs;

import java.util.Optional;
import org.qatwb.model.conf.InstanceKind;

/**
 * The three ZFS module parameters that switch QAT offload off (DOMAIN.md section 6):
 * {@code /sys/module/zfs/parameters/zfs_qat_<name>_disable}, 0 = use QAT. Each needs its kind of
 * instance: compression Dc instances ({@code qat_dc_init}), checksums and encryption Cy instances
 * ({@code qat_cy_init}).
 */
public enum ZfsParam {
    COMPRESS("compress", InstanceKind.DC, "gzip compression and decompression"),
    CHECKSUM("checksum", InstanceKind.CY, "SHA-256 checksums"),
    ENCRYPT("encrypt", InstanceKind.CY, "AES-GCM encryption and decryption");

    private final String shortName;
    private final InstanceKind instanceKind;
    private final String work;

    ZfsParam(String shortName, InstanceKind instanceKind, String work) {
        this.shortName = shortName;
        this.instanceKind = instanceKind;
        this.work = work;
    }

    /**
     * What the value means, as OpenZFS's module/os/linux/zfs/qat_compress.c and qat_crypt.c use it
     * ({@code qat_dc_use_accel}, {@code qat_crypt_use_accel}, {@code qat_checksum_use_accel}: offload
     * only while the parameter is 0; {@code param_set_qat_*} retries QAT's init on a write of 0).
     */
    public String meaning() {
        return "0: ZFS offloads " + work + " to QAT (writing 0 retries QAT's init); 1: ZFS does that work in software";
    }

    /** The kind of QAT instance ZFS needs for this work. */
    public InstanceKind instanceKind() {
        return instanceKind;
    }

    /** The name the agent's {@code set-param} takes and the CLI prints: {@code compress}. */
    public String shortName() {
        return shortName;
    }

    /** The file name under {@code /sys/module/zfs/parameters}: {@code zfs_qat_compress_disable}. */
    public String sysfsName() {
        return "zfs_qat_" + shortName + "_disable";
    }

    /** The agent's item that holds the value: {@code param:zfs_qat_compress_disable}. */
    public String itemName() {
        return "param:" + sysfsName();
    }

    public static Optional<ZfsParam> ofShortName(String name) {
        for (ZfsParam p : values()) {
            if (p.shortName.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The parameter whose sysfs file is named {@code name} ({@code zfs_qat_compress_disable}). */
    public static Optional<ZfsParam> bySysfsName(String name) {
        for (ZfsParam p : values()) {
            if (p.sysfsName().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
