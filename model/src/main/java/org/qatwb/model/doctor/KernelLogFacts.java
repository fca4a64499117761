package org.qatwb.model.doctor;

import java.util.List;
import java.util.Optional;
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

    /** The agent's item with qat.service's journal. */
    static final String JOURNAL_ITEM = "qat_journal";

    /** journalctl's words for a user who may not read the system journal (it then shows only the user's own). */
    private static final Pattern JOURNAL_DENIED = Pattern.compile(
            "No journal files were (?:opened|found)|insufficient permissions|not seeing messages from other users");

    private KernelLogFacts() {
    }

    /** Why qat.service's journal could not be used, if it could not: denied, failed, or journalctl's own refusal. */
    static Optional<String> journalUnreadable(CheckContext c) {
        if (c.absent(JOURNAL_ITEM) || c.snapshot().itemStatus().get(JOURNAL_ITEM) == null) {
            return Optional.of("no qat.service journal: no journalctl, or an agent that does not read it");
        }
        Optional<String> problem = c.unreadable(JOURNAL_ITEM);
        if (problem.isPresent()) {
            return Optional.of("qat.service's journal could not be read (" + problem.get() + ")");
        }
        return c.snapshot().serviceJournal().stream().filter(l -> JOURNAL_DENIED.matcher(l).find()).findFirst()
                .map(l -> "journalctl could not read the system journal (" + l.strip() + "): connect as root or with"
                        + " --sudo");
    }

    /**
     * A line of the driver's access layer (qat_api): its LAC_LOG_ERROR macros print
     * {@code "%s() - : " message} with the function's name (lac_log.h), after a separate
     * {@code "[error] "} printk (osalLog, OsalServices.c) that the kernel puts on a line of its own.
     */
    static final Pattern ACCESS_LAYER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\(\\) - : \\S");

    /** The access layer's last line that is not the requests-pending message: why an init may have failed. */
    static Optional<String> accessLayerError(List<String> log) {
        for (int i = log.size() - 1; i >= 0; i--) {
            String l = log.get(i);
            if (ACCESS_LAYER.matcher(l).find() && !REQUESTS_PENDING.matcher(l).find()) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
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
