package org.qatwb.model.apply;

import java.util.Optional;

/** Where a transaction is, as the agent's {@code state} file says (docs/agent-protocol.md, "Transactions"). */
public enum TxState {
    /** Checked, backed up and staged by the exec; the worker has not started. */
    PREPARED("prepared", Result.IN_PROGRESS),
    COMMITTING("committing", Result.IN_PROGRESS),
    RESTARTING("restarting", Result.IN_PROGRESS),
    ARMING("arming", Result.IN_PROGRESS),
    ROLLING_BACK("rolling-back", Result.IN_PROGRESS),
    /** Restarted and verified; the rollback timer runs until the workbench confirms. */
    AWAITING_CONFIRM("awaiting-confirm", Result.AWAITING_CONFIRM),
    /** A check failed before anything was changed. */
    REFUSED("refused", Result.NOT_APPLIED),
    /** Staged for the next boot: the files are written. */
    APPLIED("applied", Result.APPLIED),
    CONFIRMED("confirmed", Result.APPLIED),
    /**
     * The driver refused to stop the devices ZFS holds: the parameters are as they were, the files
     * stay committed and take effect at the next boot; nothing new runs now.
     */
    DEFERRED("deferred", Result.DEFERRED),
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
        /** Files staged for the next boot, nothing live: CLI exit 1. */
        DEFERRED,
        /** Still running on the NAS. */
        IN_PROGRESS
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
