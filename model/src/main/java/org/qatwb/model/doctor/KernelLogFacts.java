package org.qatwb.model.doctor;

import java.util.List;
import java.util.regex.Pattern;

/** What the QAT and ZFS lines of the kernel log say about this boot, for more than one check. */
final class KernelLogFacts {

    /** OpenZFS issue #14463 (DOMAIN.md section 8): the driver still counts a callback of a freed session. */
    static final Pattern REQUESTS_PENDING = Pattern.compile("cpaCySymRemoveSession\\(\\).*There (?:are|is) \\d+ requests? pending");
    /** OpenZFS's line when zfs.ko loads ({@code ZFS: Loaded module v2.2.7-1, ...}). */
    static final String ZFS_LOADED = "ZFS: Loaded module";
    /** The driver's line when a device has started ({@code qat_dev0 started 10 acceleration engines}). */
    static final Pattern QAT_STARTED = Pattern.compile("(?:qat|icp)_dev\\d+ started \\d+ acceleration engines");

    /** Which came first at boot: it decides whether the parameters are forced to 1 (DOMAIN.md section 6). */
    enum BootOrder {
        /** A QAT device started before zfs.ko loaded: zfs.ko initialised QAT itself. */
        QAT_FIRST,
        /** zfs.ko loaded with no QAT device started before it: the parameters were forced to 1. */
        ZFS_FIRST,
        /** The log no longer holds zfs.ko's load (it rotated, or could not be read). */
        UNKNOWN
    }

    private KernelLogFacts() {
    }

    /** The requests-pending lines, oldest first. */
    static List<String> requestsPending(List<String> log) {
        return log.stream().filter(l -> REQUESTS_PENDING.matcher(l).find()).toList();
    }

    /** The order of the first zfs.ko load and the QAT device starts in the log. */
    static BootOrder bootOrder(List<String> log) {
        for (String line : log) {
            if (QAT_STARTED.matcher(line).find()) {
                return log.stream().anyMatch(l -> l.contains(ZFS_LOADED)) ? BootOrder.QAT_FIRST : BootOrder.UNKNOWN;
            }
            if (line.contains(ZFS_LOADED)) {
                return BootOrder.ZFS_FIRST;
            }
        }
        return BootOrder.UNKNOWN;
    }
}
