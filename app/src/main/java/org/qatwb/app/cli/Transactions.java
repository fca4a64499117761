package org.qatwb.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.qatwb.app.usecase.apply.ApplyProgress;
import org.qatwb.app.usecase.apply.ApplyRequest;
import org.qatwb.app.usecase.apply.ApplyResult;
import org.qatwb.app.usecase.apply.ApplyUseCase;
import org.qatwb.app.usecase.apply.Verdict;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
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

/**
 * {@code apply}'s side on the NAS, printed: the apply itself is {@link ApplyUseCase}, the window's
 * too; this prints its steps and lines on stderr as they come and gives its {@link Verdict} the exit
 * code CLI.md says: 0 applied, booted or staged, 1 not applied (refused, rolled back, deferred), 3 the
 * confirm could not reach the NAS (which then rolls back by itself) or it did not come back from a
 * reboot in time, 4 not rolled back or still running.
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

    /**
     * Runs {@code request} through the use case both front ends share, printing its steps and lines
     * as they come and, where the outcome needs it, one line explaining it; {@code confirmReboot}
     * is asked before a {@code --reboot} reboots.
     */
    Result run(ApplyRequest request, String what, BooleanSupplier confirmReboot) throws NasConnectionException, AgentFailure {
        warnBefore(request.when().mode(), request.confirmTimeout(), what);
        ApplyResult r = new ApplyUseCase(client, this::print).run(request, confirmReboot);
        if (r.rebooted()) {
            afterBoot(r);
        } else if (r.detail().isEmpty() && exitCode(r.verdict()) != ExitCodes.OK) {
            err.println("qatwb: " + explain(r.outcome()));
        }
        err.flush();
        return new Result(r.outcome(), exitCode(r.verdict()), r.bootCheck());
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

    /** The summary line after the NAS came back: what its boot check found. */
    private void afterBoot(ApplyResult r) {
        ApplyOutcome o = r.outcome();
        String words = r.bootCheck().map(c -> ": " + c.message()).orElse("");
        String id = " (transaction " + o.tx().id() + ")";
        if (o.state() == TxState.BOOTED) {
            boolean verified = r.bootCheck().map(c -> c.outcome() == BootCheck.Outcome.VERIFIED).orElse(false);
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
    }

    /** What the use case reports, on stderr as it comes. */
    private void print(ApplyProgress p) {
        if (p instanceof ApplyProgress.Step s) {
            steps(List.of(s.step()));
        } else if (p instanceof ApplyProgress.Note n) {
            err.println("qatwb: " + n.line());
        } else if (p instanceof ApplyProgress.Waiting w) {
            err.println("qatwb: " + w.line());
        }
        err.flush();
    }

    /** CLI.md's exit codes: 0 applied, booted or staged; 1 not applied; 3 unreachable or not back; 4 needs attention. */
    static int exitCode(Verdict v) {
        return switch (v) {
            case APPLIED, STAGED, BOOTED -> ExitCodes.OK;
            case NOT_APPLIED, DEFERRED, ROLLED_BACK_AT_BOOT, NOT_REBOOTED -> ExitCodes.INPUT;
            case UNREACHABLE, NOT_BACK -> ExitCodes.UNREACHABLE;
            case NEEDS_ATTENTION, ROLLBACK_FAILED_AT_BOOT -> ExitCodes.NEEDS_ATTENTION;
        };
    }

    static int exitCode(ApplyOutcome o) {
        return exitCode(Verdict.of(o));
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
