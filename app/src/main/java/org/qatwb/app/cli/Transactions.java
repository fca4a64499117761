package org.qatwb.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.BootCheck;
import org.qatwb.model.apply.PristineFile;
import org.qatwb.model.apply.RestorePoint;
import org.qatwb.model.apply.TxHistory;
import org.qatwb.model.apply.TxRecord;
import org.qatwb.model.apply.TxState;
import org.qatwb.model.apply.TxStep;
import org.qatwb.model.parse.Snippet;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;
import org.qatwb.ssh.agent.RebootRequest;
import org.qatwb.ssh.agent.RebootWait;

/**
 * {@code apply}'s side on the NAS (issue 5): the transaction, its steps on stderr as they are
 * reported, the confirm over a new connection once a restart is verified, and the exit code CLI.md
 * gives the outcome: 0 applied, 1 not applied (refused, or rolled back), 3 the confirm could not
 * reach the NAS (which then rolls back by itself), 4 not rolled back or still running.
 */
final class Transactions {

    /** The outcome, what the command exits with, and after a reboot what the boot check recorded. */
    record Result(ApplyOutcome outcome, int exitCode, Optional<BootCheck> bootCheck) {
        Result(ApplyOutcome outcome, int exitCode) {
            this(outcome, exitCode, Optional.empty());
        }
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

    /** --confirm TX: 0 confirmed (now or before), 1 too late or nothing to confirm, 4 its rollback did not complete. */
    Result confirm(String txId) throws NasConnectionException, AgentFailure {
        ApplyOutcome o = client.confirm(txId);
        int code = o.state() == TxState.CONFIRMED ? ExitCodes.OK
                : o.result() == TxState.Result.NEEDS_ATTENTION ? ExitCodes.NEEDS_ATTENTION : ExitCodes.INPUT;
        return ended(o, "confirm", code);
    }

    /** --abort TX: 0 rolled back (or its files put back) as asked, 1 refused, 4 the rollback did not complete. */
    Result abort(String txId) throws NasConnectionException, AgentFailure {
        ApplyOutcome o = client.abort(txId);
        // a refusal is a note of this run (step abort, error) printed beside the recorded steps,
        // which may hold an earlier abort's 'ok': any failed abort step means this one was refused
        boolean aborted = o.steps().stream().anyMatch(s -> s.name().equals("abort") && s.ok())
                && o.steps().stream().noneMatch(s -> s.name().equals("abort") && !s.ok());
        int code = o.result() == TxState.Result.NEEDS_ATTENTION ? ExitCodes.NEEDS_ATTENTION
                : aborted ? ExitCodes.OK : ExitCodes.INPUT;
        return ended(o, "abort", code);
    }

    /** --unlock TX: 0 released, 1 refused (its process runs, or it awaits its confirmation), 4 its recovery did not complete. */
    Result unlock(String txId) throws NasConnectionException, AgentFailure {
        ApplyOutcome o = client.unlock(txId)
                .orElseThrow(() -> new CliException(ExitCodes.INPUT, "no transaction " + txId + " on this NAS"));
        boolean released = o.steps().stream().anyMatch(s -> s.name().equals("unlock") && s.ok());
        int code = o.result() == TxState.Result.NEEDS_ATTENTION ? ExitCodes.NEEDS_ATTENTION
                : released ? ExitCodes.OK : ExitCodes.INPUT;
        return ended(o, "unlock", code);
    }

    /** The steps on stderr; when the command did not do what it was asked, the step that says why. */
    private Result ended(ApplyOutcome o, String step, int code) {
        steps(o);
        if (code != ExitCodes.OK) {
            String why = o.steps().stream().filter(s -> s.name().equals(step) && !s.ok()).map(TxStep::line).findFirst()
                    .orElseGet(() -> explain(o));
            err.println("qatwb: " + step + " of transaction " + o.tx().id() + ": " + why);
        }
        err.flush();
        return new Result(o, code);
    }

    TxHistory.Kept history() throws NasConnectionException, AgentFailure {
        TxHistory.Kept kept = client.kept();
        for (TxRecord r : kept.transactions()) {
            err.println(r.id() + "  " + (r.mode() == ApplyMode.RESTART ? "restart" : "stage  ") + "  " + r.state().wire()
                    + "  " + r.changed().size() + " file(s) changed"
                    + r.restoreOf().map(s -> " (puts back the files " + s.point().wire() + " " + s.id() + ")").orElse(""));
        }
        if (!kept.pristine().isEmpty()) {
            err.println("the files as they were before qatwb first wrote them (kept until you remove them):");
            for (PristineFile p : kept.pristine()) {
                err.println("  " + (p.sha256().isPresent() ? p.path() : p.name() + ": did not exist")
                        + "  (backed up by " + p.txId() + ")");
            }
        }
        err.flush();
        return kept;
    }

    /** DOMAIN.md section 8: a restart now is an explicit choice, with its warning. */
    private void warnBefore(ApplyMode mode, Duration timeout, String what) {
        if (mode == ApplyMode.RESTART) {
            err.println("qatwb: writing " + what + " and restarting QAT now: ZFS stops new offloads (its parameters go to 1)"
                    + " until QAT is verified; the NAS rolls back by itself unless confirmed within " + timeout.toSeconds() + " s");
        } else {
            err.println("qatwb: staging " + what + " for the next boot (nothing is restarted now; a boot check on the NAS"
                    + " verifies them then and puts the old files back if the driver refuses them)");
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

    /**
     * {@code --reboot}: after a staging that armed the boot check, asks ({@code confirm}), reboots
     * the NAS, waits up to {@code limit} for it and its boot check, and reports: exit 0 the new
     * layout runs, 1 the boot check rolled it back (with the driver's words), 3 the NAS did not come
     * back (or its check did not decide) in time, 4 the rollback at boot failed.
     */
    Result reboot(Result staged, Duration limit, BooleanSupplier confirm) throws NasConnectionException, AgentFailure {
        ApplyOutcome o = staged.outcome();
        if (o.state() != TxState.STAGED) {
            return staged;
        }
        String id = o.tx().id();
        Optional<TxStep> arm = o.steps().stream().filter(s -> s.name().equals("boot_arm")).findFirst();
        if (arm.isEmpty() || !arm.get().ok()) {
            err.println("qatwb: not rebooting: the boot check could not be armed ("
                    + arm.map(TxStep::line).orElse("no boot_arm step") + "); the files are written for the next boot"
                    + " (transaction " + id + ")");
            err.flush();
            return new Result(o, ExitCodes.NEEDS_ATTENTION);
        }
        if (!confirm.getAsBoolean()) {
            err.println("qatwb: not rebooted: the files take effect at the next boot, where the boot check verifies them"
                    + " (transaction " + id + ")");
            err.flush();
            return staged;
        }
        RebootRequest request = client.reboot();
        if (!request.started()) {
            err.println("qatwb: the NAS did not reboot (" + request.status().wire() + ": " + request.command()
                    + "); the files take effect at the next boot (transaction " + id + ")");
            err.flush();
            return new Result(o, ExitCodes.INPUT);
        }
        err.println("qatwb: rebooting the NAS (" + request.command() + "); waiting up to " + limit.toSeconds() + " s");
        err.flush();
        RebootWait.Result waited = new RebootWait(client, line -> {
            err.println("qatwb: " + line);
            err.flush();
        }).await(id, limit);
        if (waited instanceof RebootWait.Back b) {
            return afterBoot(o, b);
        }
        RebootWait.NotBack n = (RebootWait.NotBack) waited;
        err.println("qatwb: " + n.why() + " (transaction " + id + "; ask again with qatwb apply --status " + id + ")");
        err.flush();
        return new Result(o, ExitCodes.UNREACHABLE);
    }

    private Result afterBoot(ApplyOutcome staged, RebootWait.Back b) {
        ApplyOutcome o = b.outcome();
        steps(o.steps().subList(Math.min(staged.steps().size(), o.steps().size()), o.steps().size()));
        String words = b.bootCheck().map(c -> ": " + c.message()).orElse("");
        int code = switch (o.state()) {
            case BOOTED -> ExitCodes.OK;
            case ROLLBACK_FAILED -> ExitCodes.NEEDS_ATTENTION;
            default -> ExitCodes.INPUT;
        };
        String id = " (transaction " + o.tx().id() + ")";
        if (o.state() == TxState.BOOTED) {
            boolean verified = b.bootCheck().map(c -> c.outcome() == BootCheck.Outcome.VERIFIED).orElse(false);
            err.println("qatwb: the NAS runs the new layout" + (verified ? ", verified by the driver's dev_cfg"
                    : "; its devices are up, but the driver's dev_cfg could not be compared" + words) + id);
        } else if (o.state() == TxState.ROLLED_BACK) {
            err.println("qatwb: the boot check rolled back: the old files are back and QAT runs on them" + words + id);
        } else if (o.state() == TxState.ROLLBACK_FAILED) {
            err.println("qatwb: needs attention, the boot check could not roll back" + words + id
                    + "; see qatwb apply --history");
        } else {
            err.println("qatwb: after the reboot the transaction is " + o.state().wire() + words + id);
        }
        err.flush();
        return new Result(o, code, b.bootCheck());
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
            case APPLIED, PENDING_BOOT -> ExitCodes.OK;
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
            case PENDING_BOOT -> "written; takes effect at the next boot, where the boot check verifies it" + id;
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
