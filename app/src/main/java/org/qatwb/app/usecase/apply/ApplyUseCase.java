package org.qatwb.app.usecase.apply;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.TxState;
import org.qatwb.model.apply.TxStep;
import org.qatwb.model.parse.Snippet;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;
import org.qatwb.ssh.agent.RebootRequest;
import org.qatwb.ssh.agent.RebootWait;

/**
 * One apply, for both front ends (issue 13, deliver 6): the transaction on the NAS, the confirm of a
 * verified restart over a new connection with the same patience, and for {@link When#REBOOT} the
 * reboot, the wait for the NAS and its boot check's verdict. Free of JavaFX and of printing: what
 * happens goes to the progress listener (on the calling thread), how it ended comes back as an
 * {@link ApplyResult}. Every call blocks.
 */
public final class ApplyUseCase {

    private final AgentClient client;
    private final Consumer<ApplyProgress> progress;

    public ApplyUseCase(AgentClient client, Consumer<ApplyProgress> progress) {
        this.client = Objects.requireNonNull(client, "client");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Runs {@code request}. With {@link When#REBOOT}, once the files are staged and the boot check
     * armed, {@code confirmReboot} is asked (the CLI asks on its terminal; the window asked before it
     * started and answers yes); no reboot without it.
     */
    public ApplyResult run(ApplyRequest request, BooleanSupplier confirmReboot) throws NasConnectionException, AgentFailure {
        ApplyOutcome started;
        if (request.source() instanceof ApplyRequest.Files f) {
            started = client.apply(request.plan(f));
        } else {
            ApplyRequest.Restore r = (ApplyRequest.Restore) request.source();
            started = client.restore(r.txId(), r.point(), request.when().mode(), request.confirmTimeout());
        }
        steps(started.steps());
        ApplyOutcome o = started;
        if (o.result() == TxState.Result.AWAITING_CONFIRM) {
            note("QAT is up on the new files; confirming over a new connection");
            try {
                o = client.confirm(o.tx().id(), patience(request.confirmTimeout()));
            } catch (NasConnectionException e) {
                String why = "could not confirm transaction " + o.tx().id() + " over a new connection ("
                        + Snippet.failure(e) + "): the NAS rolls back by itself when its "
                        + request.confirmTimeout().toSeconds() + " s are up";
                note(why);
                return ApplyResult.of(o, Verdict.UNREACHABLE, why);
            }
            steps(after(started.steps(), o.steps()));
        }
        if (request.when() != When.REBOOT || o.state() != TxState.STAGED) {
            return ApplyResult.of(o, Verdict.of(o), "");
        }
        return reboot(o, request.rebootLimit(), confirmReboot);
    }

    /**
     * How long to keep trying new connections to confirm: most of the timer, leaving it time to fire
     * cleanly; at least 5 s. The one rule for the CLI and the window.
     */
    public static Duration patience(Duration timeout) {
        Duration p = timeout.multipliedBy(3).dividedBy(4);
        return p.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : p;
    }

    /** After a staging that armed the boot check: asks, reboots, waits for the NAS and the check's verdict. */
    private ApplyResult reboot(ApplyOutcome o, Duration limit, BooleanSupplier confirm) throws NasConnectionException, AgentFailure {
        String id = o.tx().id();
        Optional<TxStep> arm = o.steps().stream().filter(s -> s.name().equals("boot_arm")).findFirst();
        if (arm.isEmpty() || !arm.get().ok()) {
            String why = "not rebooting: the boot check could not be armed ("
                    + arm.map(TxStep::line).orElse("no boot_arm step") + "); the files are written for the next boot"
                    + " (transaction " + id + ")";
            note(why);
            return ApplyResult.of(o, Verdict.NEEDS_ATTENTION, why);
        }
        if (!confirm.getAsBoolean()) {
            note("not rebooted: the files take effect at the next boot, where the boot check verifies them"
                    + " (transaction " + id + ")");
            return ApplyResult.of(o, Verdict.STAGED, "");
        }
        RebootRequest request = client.reboot();
        if (!request.started()) {
            String why = "the NAS did not reboot (" + request.status().wire() + ": " + request.command()
                    + "); the files take effect at the next boot (transaction " + id + ")";
            note(why);
            return ApplyResult.of(o, Verdict.NOT_REBOOTED, why);
        }
        note("rebooting the NAS (" + request.command() + "); waiting up to " + limit.toSeconds() + " s");
        RebootWait.Result waited = new RebootWait(client, line -> progress.accept(new ApplyProgress.Waiting(line)))
                .await(id, limit);
        if (waited instanceof RebootWait.NotBack n) {
            String why = n.why() + " (transaction " + id + "; ask again with qatwb apply --status " + id + ")";
            note(why);
            return ApplyResult.of(o, Verdict.NOT_BACK, why);
        }
        RebootWait.Back b = (RebootWait.Back) waited;
        ApplyOutcome booted = b.outcome();
        steps(after(o.steps(), booted.steps()));
        Verdict v = switch (booted.state()) {
            case BOOTED -> Verdict.BOOTED;
            case ROLLED_BACK -> Verdict.ROLLED_BACK_AT_BOOT;
            case ROLLBACK_FAILED -> Verdict.ROLLBACK_FAILED_AT_BOOT;
            default -> Verdict.NOT_APPLIED;
        };
        return new ApplyResult(booted, v, b.bootCheck(), Optional.of(b.down()), "");
    }

    /** The steps of {@code now} that {@code before} did not have yet. */
    private static List<TxStep> after(List<TxStep> before, List<TxStep> now) {
        return now.subList(Math.min(before.size(), now.size()), now.size());
    }

    private void steps(List<TxStep> steps) {
        steps.forEach(s -> progress.accept(new ApplyProgress.Step(s)));
    }

    private void note(String line) {
        progress.accept(new ApplyProgress.Note(line));
    }
}
