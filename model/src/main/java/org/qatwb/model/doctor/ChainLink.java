package org.qatwb.model.doctor;

import java.util.OptionalInt;

/**
 * The links of the chain that must hold for ZFS to use QAT (DOMAIN.md section 1), in order, plus
 * the two places the doctor looks beyond the chain: known problems (section 8) and Z.I.A. (section 10).
 */
public enum ChainLink {
    HARDWARE(1, "a QAT 1.x card or chipset"),
    DRIVER(2, "Intel's out-of-tree QAT driver with the kernel API"),
    DEFAULTS(3, "/etc/default/qat"),
    VF_DRIVER(4, "the VF driver not blacklisted"),
    CONF_FILES(5, "one conf file per device, with [KERNEL_QAT] instances"),
    SERVICE(6, "qat.service started, devices up"),
    ZFS_BUILD(7, "ZFS built with QAT"),
    ZFS_PARAMS(8, "ZFS parameters at 0"),
    OFFLOAD(9, "offloadable datasets and growing counters"),
    KNOWN_PROBLEMS(0, "known problems in the kernel log"),
    ZIA(0, "Z.I.A. (hpc/zfs fork)");

    private final int number;
    private final String title;

    ChainLink(int number, String title) {
        this.number = number;
        this.title = title;
    }

    /** The link's number in DOMAIN.md section 1; empty for what lies beyond the chain. */
    public OptionalInt number() {
        return number == 0 ? OptionalInt.empty() : OptionalInt.of(number);
    }

    /** A short human name. */
    public String title() {
        return title;
    }

    /** The title numbered as the chain numbers it ({@code 2. QAT driver}), the title alone beyond the chain. */
    public String heading() {
        return number == 0 ? title : number + ". " + title;
    }
}
