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
    COMPRESS("compress", InstanceKind.DC),
    CHECKSUM("checksum", InstanceKind.CY),
    ENCRYPT("encrypt", InstanceKind.CY);

    private final String shortName;
    private final InstanceKind instanceKind;

    ZfsParam(String shortName, InstanceKind instanceKind) {
        this.shortName = shortName;
        this.instanceKind = instanceKind;
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
