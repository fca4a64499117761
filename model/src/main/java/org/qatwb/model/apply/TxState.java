package org.qatwb.model.apply;

import java.util.Optional;

/**
 * Where a transaction is, as the agent's {@code state} file says (docs/agent-protocol.md,
 * "Transactions"); the agent's {@code tx_kind} is the one declaration of the states, this mirrors it.
 */
public enum TxState {
    /** Checked, backed up and staged by the exec; the worker has not started. */
    PREPARED("prepared", Result.IN_PROGRESS),
    /** Staged by the exec, which waits for the client's go: without it, nothing is changed. */
    AWAITING_GO("awaiting-go", Result.IN_PROGRESS),
    COMMITTING("committing", Result.IN_PROGRESS),
    RESTARTING("restarting", Result.IN_PROGRESS),
    ARMING("arming", Result.IN_PROGRESS),
    ROLLING_BACK("rolling-back", Result.IN_PROGRESS),
    /** Restarted and verified; the rollback timer runs until the workbench confirms. */
    AWAITING_CONFIRM("awaiting-confirm", Result.AWAITING_CONFIRM),
    /**
     * Staged: the files are written and the boot check is armed; they take effect at the next
     * boot, where the boot check verifies them (or puts the previous files back).
     */
    STAGED("staged", Result.PENDING_BOOT),
    /**
     * A restart the driver refused because ZFS holds its devices: the parameters were put back, the
     * files are kept for the next boot (armed as {@link #STAGED}); nothing new runs now.
     */
    DEFERRED("deferred", Result.DEFERRED),
    /** A check failed before anything was changed. */
    REFUSED("refused", Result.NOT_APPLIED),
    /** Written for the next boot, by an agent from before the boot check (a record kept on the NAS). */
    APPLIED("applied", Result.APPLIED),
    CONFIRMED("confirmed", Result.APPLIED),
    /** The boot check found the staged files' devices up and their configuration loaded. */
    BOOTED("booted", Result.APPLIED),
    /** A step failed (or nobody confirmed) and everything is back as it was. */
    ROLLED_BACK("rolled-back", Result.NOT_APPLIED),
    /** A step failed and so did a step of the rollback: someone has to look. */
    ROLLBACK_FAILED("rollback-failed", Result.NEEDS_ATTENTION);

    /** What a state means for whoever asked for the transaction. */
    public enum Result {
        /** The new files are in place (and QAT runs on them, after a confirmed restart). */
        APPLIED,
        /** The workbench must confirm over a new connection, or the NAS rolls back by itself. */
        AWAITING_CONFIRM,
        /** Nothing changed, or everything was put back: CLI exit 1. */
        NOT_APPLIED,
        /** Could not be rolled back: CLI exit 4. */
        NEEDS_ATTENTION,
        /** Still running on the NAS. */
        IN_PROGRESS,
        /** Written; takes effect at the next boot, verified there: CLI exit 0. */
        PENDING_BOOT,
        /** The driver refused to restart busy devices; takes effect at the next boot: CLI exit 1. */
        DEFERRED
    }

    private final String wire;
    private final Result result;

    TxState(String wire, Result result) {
        this.wire = wire;
        this.result = result;
    }

    public String wire() {
        return wire;
    }

    public Result result() {
        return result;
    }

    public static Optional<TxState> ofWire(String word) {
        for (TxState s : values()) {
            if (s.wire.equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
