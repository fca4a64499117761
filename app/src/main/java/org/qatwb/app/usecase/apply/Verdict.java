package org.qatwb.app.usecase.apply;

import org.qatwb.model.apply.ApplyOutcome;

/**
 * What an apply came to, for both front ends: the CLI derives its exit code from it (CLI.md), the
 * window its notice.
 */
public enum Verdict {
    /** QAT restarted on the new files, verified and confirmed. */
    APPLIED,
    /** Written for the next boot (also when the user chose not to reboot after all). */
    STAGED,
    /** The NAS rebooted and its boot check found the new layout running. */
    BOOTED,
    /** Refused (nothing changed) or rolled back now: the outcome's state says which. */
    NOT_APPLIED,
    /** The driver refused to restart devices ZFS holds: the files take effect at the next boot. */
    DEFERRED,
    /** The NAS rebooted and its boot check put the old files back (the driver refused the layout). */
    ROLLED_BACK_AT_BOOT,
    /** Staged, but the NAS did not start a reboot (no tool, not permitted). */
    NOT_REBOOTED,
    /** The restart could not be confirmed over a new connection: the NAS rolls back by itself. */
    UNREACHABLE,
    /** The NAS did not go down, come back, or its boot check did not decide within the limit. */
    NOT_BACK,
    /** Not rolled back, still running, not confirmed, or the boot check could not be armed. */
    NEEDS_ATTENTION,
    /** The boot check could not roll back. */
    ROLLBACK_FAILED_AT_BOOT;

    /** The verdict of a transaction's outcome as the NAS reports it, before any reboot. */
    public static Verdict of(ApplyOutcome o) {
        return switch (o.result()) {
            case APPLIED -> APPLIED;
            case PENDING_BOOT -> STAGED;
            case NOT_APPLIED -> NOT_APPLIED;
            case DEFERRED -> DEFERRED;
            case NEEDS_ATTENTION, IN_PROGRESS, AWAITING_CONFIRM -> NEEDS_ATTENTION;
        };
    }

    /** Whether the NAS's files are now the new ones (running, or waiting for a boot): the editor's new base. */
    public boolean written() {
        return switch (this) {
            case APPLIED, STAGED, BOOTED, DEFERRED, NOT_REBOOTED, NOT_BACK -> true;
            default -> false;
        };
    }
}
