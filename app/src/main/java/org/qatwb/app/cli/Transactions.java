package org.qatwb.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.RestorePoint;
import org.qatwb.model.apply.TxRecord;
import org.qatwb.model.apply.TxState;
import org.qatwb.model.apply.TxStep;
import org.qatwb.model.parse.Snippet;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;

/**
 * {@code apply}'s side on the NAS (issue 5): the transaction, its steps on stderr as they are
 * reported, the confirm over a new connection once a restart is verified, and the exit code CLI.md
 * gives the outcome: 0 applied, 1 not applied (refused, or rolled back), 3 the confirm could not
 * reach the NAS (which then rolls back by itself), 4 not rolled back or still running.
 */
final class Transactions {

    /** The outcome and what the command exits with. */
    record Result(ApplyOutcome outcome, int exitCode) {
    }

    private final AgentClient client;
    private final PrintWriter err;

    Transactions(AgentClient client, PrintWriter err) {
        this.client = client;
        this.err = err;
    }

    Result apply(ApplyPlan plan) throws NasConnectionException, AgentFailure {
        warnBefore(plan.mode(), plan.confirmTimeout(), plan.changes().size() + " file(s)");
        return finish(client.apply(plan), plan.confirmTimeout());
    }

    Result restore(String txId, RestorePoint point, ApplyMode mode, Duration confirmTimeout)
            throws NasConnectionException, AgentFailure {
        warnBefore(mode, confirmTimeout, "the files " + point.wire() + " transaction " + txId);
        return finish(client.restore(txId, point, mode, confirmTimeout), confirmTimeout);
    }

    Result status(String txId) throws NasConnectionException, AgentFailure {
        ApplyOutcome o = client.status(txId, Duration.ZERO)
                .orElseThrow(() -> new CliException(ExitCodes.INPUT, "no transaction " + txId + " on this NAS"));
        steps(o);
        return new Result(o, exitCode(o));
    }

    List<TxRecord> history() throws NasConnectionException, AgentFailure {
        List<TxRecord> h = client.history();
        for (TxRecord r : h) {
            err.println(r.id() + "  " + (r.mode() == ApplyMode.RESTART ? "restart" : "stage  ") + "  " + r.state().wire()
                    + "  " + r.changed().size() + " file(s) changed"
                    + r.restoreOf().map(s -> " (puts back the files " + s.point().wire() + " " + s.id() + ")").orElse(""));
        }
        err.flush();
        return h;
    }

    /** DOMAIN.md section 8: a restart now is an explicit choice, with its warning. */
    private void warnBefore(ApplyMode mode, Duration timeout, String what) {
        if (mode == ApplyMode.RESTART) {
            err.println("qatwb: writing " + what + " and restarting QAT now: ZFS stops new offloads (its parameters go to 1)"
                    + " until QAT is verified; the NAS rolls back by itself unless confirmed within " + timeout.toSeconds() + " s");
        } else {
            err.println("qatwb: staging " + what + " for the next QAT start (nothing is restarted)");
        }
        err.flush();
    }

    private Result finish(ApplyOutcome applied, Duration timeout) throws AgentFailure {
        ApplyOutcome o = applied;
        steps(o);
        if (o.result() == TxState.Result.AWAITING_CONFIRM) {
            err.println("qatwb: QAT is up on the new files; confirming over a new connection");
            err.flush();
            try {
                o = client.confirm(o.tx().id(), patience(timeout));
            } catch (NasConnectionException e) {
                err.println("qatwb: could not confirm transaction " + o.tx().id() + " over a new connection ("
                        + Snippet.oneLine(String.valueOf(e.getMessage())) + "): the NAS rolls back by itself when its "
                        + timeout.toSeconds() + " s are up");
                err.flush();
                return new Result(o, ExitCodes.UNREACHABLE);
            }
            steps(o.steps().subList(Math.min(applied.steps().size(), o.steps().size()), o.steps().size()));
        }
        int code = exitCode(o);
        if (code != ExitCodes.OK) {
            err.println("qatwb: " + explain(o));
        }
        err.flush();
        return new Result(o, code);
    }

    /** How long to keep trying new connections to confirm: most of the timer, leaving it time to fire cleanly. */
    static Duration patience(Duration timeout) {
        Duration p = timeout.multipliedBy(3).dividedBy(4);
        return p.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : p;
    }

    /**
     * Whether a QAT restart can apply a layout now, in one line: the driver refuses to stop a device
     * that ZFS's started instances hold (adf_ctl_drv.c adf_ctl_is_device_in_use), so then only the
     * next boot can.
     */
    static String restartCanApply(Optional<Boolean> heldByZfs) {
        if (heldByZfs.isEmpty()) {
            return "qatwb: whether ZFS holds QAT is unknown (no module reference count to read): a restart may be"
                    + " refused; then the layout takes effect at the next boot";
        }
        return heldByZfs.get()
                ? "qatwb: ZFS holds the QAT devices: a restart cannot apply this layout now; it will take effect at the"
                        + " next boot (apply --reboot)"
                : "qatwb: ZFS holds no QAT device: a restart can apply this layout now";
    }

    static int exitCode(ApplyOutcome o) {
        return switch (o.result()) {
            case APPLIED -> ExitCodes.OK;
            case NOT_APPLIED, DEFERRED -> ExitCodes.INPUT;
            case NEEDS_ATTENTION, IN_PROGRESS, AWAITING_CONFIRM -> ExitCodes.NEEDS_ATTENTION;
        };
    }

    /** One line: what happened, the step that decided it, the driver's first words. */
    static String explain(ApplyOutcome o) {
        String id = " (transaction " + o.tx().id() + ")";
        String failed = o.failure().map(TxStep::line).orElse("");
        String driver = o.driverErrors().isEmpty() ? "" : "; kernel log: " + Snippet.excerpt(o.driverErrors().get(0));
        return switch (o.result()) {
            case NOT_APPLIED -> (o.state() == TxState.REFUSED ? "refused, nothing was changed: " : "rolled back, the files are as they were: ")
                    + failed + driver + id;
            case NEEDS_ATTENTION -> "needs attention, the rollback did not complete: " + failed
                    + o.rollbackFailure().map(f -> "; then " + f.line()).orElse("") + driver + id + "; see qatwb apply --history";
            case IN_PROGRESS -> "still running on the NAS (" + o.state().wire() + "); ask again with qatwb apply --status "
                    + o.tx().id();
            case AWAITING_CONFIRM -> "not confirmed: the NAS rolls back by itself" + id;
            case DEFERRED -> "deferred: the files are staged and take effect at the next boot; nothing new runs now: "
                    + failed + id;
            case APPLIED -> "applied" + id;
        };
    }

    private void steps(ApplyOutcome o) {
        steps(o.steps());
    }

    private void steps(List<TxStep> steps) {
        for (TxStep s : steps) {
            err.println((s.ok() ? "  ok   " : "  FAIL ") + s.line());
        }
        err.flush();
    }
}
