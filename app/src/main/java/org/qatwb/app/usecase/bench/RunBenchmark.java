package org.qatwb.app.usecase.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.qatwb.model.bench.BenchCleanup;
import org.qatwb.model.bench.BenchEvent;
import org.qatwb.model.bench.BenchPlan;
import org.qatwb.model.bench.BenchPlanner;
import org.qatwb.model.bench.BenchRefusal;
import org.qatwb.model.bench.BenchRequest;
import org.qatwb.model.bench.BenchResult;
import org.qatwb.model.bench.BenchRun;
import org.qatwb.model.parse.Snippet;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;
import org.qatwb.ssh.agent.BenchExec;

/**
 * The A/B offload benchmark on one NAS (issue 16, section 1), for the CLI and the window. The NAS
 * does the work and the clean-up (docs/decisions/0017): this drives one {@code bench-run} exec,
 * turns its events into {@link BenchProgress}, and on {@link #stop()} closes the exec's stdin,
 * which the NAS takes as "stop, clean up, and tell me how it went".
 */
public final class RunBenchmark implements BenchSession {

    /** After a stop: how long the clean-up's report is waited for before asking over a new connection. */
    static final Duration STOP_PATIENCE = Duration.ofSeconds(90);
    /** How long a new connection is tried for when the one running the benchmark was lost. */
    static final Duration ABORT_PATIENCE = Duration.ofSeconds(60);

    private final AgentClient client;
    private final AtomicBoolean stopAsked = new AtomicBoolean();
    private final AtomicReference<BenchExec> running = new AtomicReference<>();

    public RunBenchmark(AgentClient client) {
        this.client = client;
    }

    @Override
    public BenchPlan plan(BenchRequest request) throws BenchRefused, NasConnectionException, AgentFailure {
        try {
            return BenchPlanner.plan(client.benchProbe(), request);
        } catch (BenchRefusal r) {
            throw new BenchRefused(r.getMessage());
        }
    }

    @Override
    public BenchResult run(BenchPlan plan, Consumer<BenchProgress> progress) throws NasConnectionException, AgentFailure {
        stopAsked.set(false);
        String id = BenchPlanner.id(plan);
        List<BenchRun> runs = new ArrayList<>();
        AtomicReference<BenchEvent.Finished> finished = new AtomicReference<>();
        AtomicReference<String> refused = new AtomicReference<>();
        Consumer<BenchEvent> events = e -> {
            if (e instanceof BenchEvent.Started s) {
                progress.accept(new BenchProgress.Step("started " + s.id() + " on the NAS (" + s.tool() + ")"));
            } else if (e instanceof BenchEvent.Step s) {
                progress.accept(new BenchProgress.Step(s.line()));
            } else if (e instanceof BenchEvent.Phase p) {
                progress.accept(new BenchProgress.Phase(p.pass(), p.phase(), p.fraction()));
            } else if (e instanceof BenchEvent.PassDone d) {
                synchronized (runs) {
                    runs.add(d.run());
                }
                progress.accept(new BenchProgress.PassDone(d.run()));
            } else if (e instanceof BenchEvent.Refused r) {
                refused.set(r.line());
            } else if (e instanceof BenchEvent.Finished f) {
                finished.set(f);
            }
        };
        BenchExec exec = client.benchRun(id, plan.pool(), plan.request().sizeBytes() / BenchRequest.MIB,
                plan.request().compressibility(), plan.request().encrypt(), events);
        running.set(exec);
        if (stopAsked.get()) {
            exec.stop(); // stop() came while the exec was being opened
        }
        try {
            awaitEnd(exec);
        } catch (InterruptedException e) {
            exec.stop();
            Thread.currentThread().interrupt();
            try {
                exec.await(STOP_PATIENCE);
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
        } finally {
            running.set(null);
        }
        if (refused.get() != null) {
            return new BenchResult(plan, List.of(), new BenchCleanup(true, true, List.of("nothing was changed")),
                    Optional.of("refused by the NAS: " + refused.get()));
        }
        BenchEvent.Finished end = finished.get();
        Optional<String> problem = exec.problem();
        if (end == null) {
            end = askAgain(id, problem.orElse("the NAS did not report its clean-up"));
        }
        List<BenchRun> done;
        synchronized (runs) {
            done = List.copyOf(runs);
        }
        Optional<String> why = end.stoppedBecause();
        if (why.isEmpty() && done.size() < 2) {
            why = Optional.of(problem.orElse("the benchmark ended after " + done.size() + " of 2 passes"));
        }
        return new BenchResult(plan, done, end.cleanup(), why);
    }

    /** Until the exec ends; after a stop, at most {@link #STOP_PATIENCE} more. */
    private void awaitEnd(BenchExec exec) throws InterruptedException {
        while (!exec.await(Duration.ofMillis(500))) {
            if (stopAsked.get()) {
                if (!exec.await(STOP_PATIENCE)) {
                    exec.close();
                }
                return;
            }
        }
    }

    /** The exec ended without the clean-up's report: it is read over a new connection (bench-abort). */
    private BenchEvent.Finished askAgain(String id, String why) {
        try {
            for (BenchEvent e : client.benchAbort(id, ABORT_PATIENCE)) {
                if (e instanceof BenchEvent.Finished f) {
                    return new BenchEvent.Finished(f.cleanup(), f.stoppedBecause().or(() -> Optional.of(why)));
                }
            }
            return unknown(why, "the NAS reported no clean-up for " + id);
        } catch (NasConnectionException | AgentFailure e) {
            return unknown(why, "the clean-up could not be read back: " + Snippet.failure(e)
                    + "; the NAS cleans up by itself, and the next benchmark cleans whatever is left");
        }
    }

    private static BenchEvent.Finished unknown(String why, String note) {
        return new BenchEvent.Finished(new BenchCleanup(false, false, List.of(note)), Optional.of(why));
    }

    @Override
    public void stop() {
        stopAsked.set(true);
        BenchExec exec = running.get();
        if (exec != null) {
            exec.stop();
        }
    }
}
