package org.qatwb.model.history;

/** What an event marker on the charts stands for. */
public enum EventKind {
    /** A ZFS QAT parameter was changed (zfs_qat_*_disable). */
    PARAM_CHANGE,
    /** qat.service or a device was restarted. */
    RESTART,
    /** The connection to the NAS was lost and made again: rates start afresh. */
    RECONNECT,
    /** The counters went down (zfs.ko reloaded) or the NAS clock went back: no rate for a sample. */
    GAP
}
