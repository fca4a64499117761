package org.qatwb.model.snapshot;

import java.util.Optional;

/**
 * The three ZFS module parameters that switch QAT offload off (DOMAIN.md section 6):
 * {@code /sys/module/zfs/parameters/zfs_qat_<name>_disable}, 0 = use QAT.
 */
public enum ZfsParam {
    COMPRESS("compress"),
    CHECKSUM("checksum"),
    ENCRYPT("encrypt");

    private final String shortName;

    ZfsParam(String shortName) {
        this.shortName = shortName;
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
}
