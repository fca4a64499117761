package org.qatwb.app.viewmodel;

/** A ZFS QAT parameter as a switch shows it. */
public enum ParamState {
    /** No such parameter: this zfs.ko has no QAT support. */
    ABSENT,
    /** {@code zfs_qat_*_disable} is 0: ZFS offloads this work. */
    ON,
    /** The parameter is 1 (or anything but 0). */
    OFF,
    /** Not read yet, or not readable. */
    UNKNOWN
}
