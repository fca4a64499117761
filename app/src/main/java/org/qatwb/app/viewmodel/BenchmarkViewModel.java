package org.qatwb.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.qatwb.app.tasks.Coalescer;
import org.qatwb.app.usecase.bench.BenchProgress;
import org.qatwb.app.usecase.bench.BenchSession;
import org.qatwb.app.workbench.NasLink;
import org.qatwb.app.workbench.StatusLine;
import org.qatwb.app.workbench.Tone;
import org.qatwb.model.bench.BenchPlan;
import org.qatwb.model.bench.BenchRequest;
import org.qatwb.model.bench.BenchResult;
import org.qatwb.model.bench.BenchRun;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.ssh.agent.AgentClient;

/**
 * The Benchmark page (issue 16, section 1): the form, the plan the NAS makes of it
 * ({@link BenchSession#plan}: nothing changes on the NAS), the run with its progress and Stop, and
 * the result as a side-by-side {@link BenchComparison} with the NAS's clean-up. The same
 * {@link BenchSession} the CLI's {@code qatwb bench} runs, made for this NAS's agent by
 * {@code sessions}; plan and run are requests of the NAS (one at a time, with the tab's others),
 * the run's progress reaches the UI thread coalesced (at most one update per batch, not one per
 * line). Read-only properties out, command methods in; UI thread only.
 */
public final class BenchmarkViewModel {

    /** The sizes the form offers; {@link BenchRequest#DEFAULT_SIZE} among them. */
    public static final List<Long> SIZES = List.of(256 * BenchRequest.MIB, 512 * BenchRequest.MIB, BenchRequest.GIB,
            2 * BenchRequest.GIB, 4 * BenchRequest.GIB, 8 * BenchRequest.GIB, 16 * BenchRequest.GIB, 32 * BenchRequest.GIB);
    /** The step lines kept on the page: the latest ones (a run says a few dozen). */
    static final int STEPS_KEPT = 200;

    private final NasViewModel nas;
    private final Function<AgentClient, BenchSession> sessions;

    private final ReadOnlyObjectWrapper<BenchStage> stage = new ReadOnlyObjectWrapper<>(BenchStage.FORM);
    private final ObservableList<BenchPoolChoice> pools = FXCollections.observableArrayList(BenchPoolChoice.LARGEST);
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BenchPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BenchProgress.Phase> phase = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ObservableList<BenchRun> passesDone = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BenchResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BenchComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StatusLine> outcome = FXCollections.observableArrayList();
    private final ObservableList<BenchPoolChoice> poolsView = FXCollections.unmodifiableObservableList(pools);
    private final ObservableList<String> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<BenchRun> passesDoneView = FXCollections.unmodifiableObservableList(passesDone);
    private final ObservableList<StatusLine> outcomeView = FXCollections.unmodifiableObservableList(outcome);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper simulated = new ReadOnlyBooleanWrapper();

    /** The session of this NAS's agent (made on a background thread by the first plan). */
    private final AtomicReference<Made> session = new AtomicReference<>();
    /** The session whose run is under way, for {@link #stop()}; null when none runs. */
    private final AtomicReference<BenchSession> running = new AtomicReference<>();
    private final AtomicBoolean stopAsked = new AtomicBoolean();
    /** Which run the page shows: progress of an earlier one, delivered late, is dropped. */
    private int shownRun;

    public BenchmarkViewModel(NasViewModel nas, Function<AgentClient, BenchSession> sessions) {
        this.nas = Objects.requireNonNull(nas, "nas");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        nas.snapshotOrderProperty().addListener((o, a, b) -> showPools(nas.snapshotProperty().get()));
        showPools(nas.snapshotProperty().get());
        stage.addListener((o, a, s) -> busy.set(s == BenchStage.PLANNING || s == BenchStage.RUNNING || s == BenchStage.STOPPING));
    }

    public ReadOnlyObjectProperty<BenchStage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** Planning, running or stopping: the form cannot change what is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The largest pool with room, then the pools of the latest snapshot. */
    public ObservableList<BenchPoolChoice> pools() {
        return poolsView;
    }

    /** Why the NAS refused the plan ({@code Refused: ...}), or why planning failed ({@code Not planned: ...}), in one line; empty otherwise. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** What the benchmark will do (shown before Start), or did; null on the form. */
    public ReadOnlyObjectProperty<BenchPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The plan, the run or the result is the simulator's: every figure modelled. */
    public ReadOnlyBooleanProperty simulatedProperty() {
        return simulated.getReadOnlyProperty();
    }

    /** The phase under way (which pass, write or read, how far: -1 when unknown); null before the first. */
    public ReadOnlyObjectProperty<BenchProgress.Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** What the NAS did so far, one line each (cut at {@link Snippet#MAX_OUTPUT_CODE_POINTS}), oldest first; the latest {@value #STEPS_KEPT}. */
    public ObservableList<String> steps() {
        return stepsView;
    }

    /** The passes finished so far, with their figures. */
    public ObservableList<BenchRun> passesDone() {
        return passesDoneView;
    }

    /** How the latest run ended; null until one returns. */
    public ReadOnlyObjectProperty<BenchResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The chart's values for the latest result; null until one returns. */
    public ReadOnlyObjectProperty<BenchComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** Why it stopped, each pass's errors and the clean-up, for the latest result. */
    public ObservableList<StatusLine> outcome() {
        return outcomeView;
    }

    /** Why the latest run returned no result (the connection failed under it), in one line; empty otherwise. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Asks the NAS what a benchmark of {@code request} would do; nothing changes on the NAS. */
    public void plan(BenchPoolChoice pool, long sizeBytes, int compressibility, boolean encrypt) {
        if (busy.get()) {
            return;
        }
        BenchRequest request;
        try {
            request = new BenchRequest(pool.pool(), sizeBytes, compressibility, encrypt);
        } catch (IllegalArgumentException e) {
            refusal.set(Snippet.output(e.getMessage()));
            return;
        }
        clearRun();
        plan.set(null);
        refusal.set("");
        simulated.set(false);
        stage.set(BenchStage.PLANNING);
        boolean asked = nas.ask("Planning the benchmark", n -> {
            try {
                return new Planned(Optional.of(session(n).plan(request)), "");
            } catch (BenchSession.BenchRefused r) {
                return new Planned(Optional.empty(), "Refused: " + (r.getMessage() == null ? "no reason given" : Snippet.output(r.getMessage())));
            }
        }, p -> Optional.empty(), (Planned p) -> {
            if (p.plan().isPresent()) {
                plan.set(p.plan().get());
                simulated.set(p.plan().get().simulated());
                stage.set(BenchStage.PLANNED);
            } else {
                refusal.set(p.refusal());
                stage.set(BenchStage.FORM);
            }
        }, line -> {
            refusal.set("Not planned: " + line);
            stage.set(BenchStage.FORM);
        });
        if (!asked) {
            refusal.set("Not connected to the NAS");
            stage.set(BenchStage.FORM);
        }
    }

    /** Back to the form from a plan or a result (Start not pressed, or another benchmark). */
    public void edit() {
        if (busy.get()) {
            return;
        }
        clearRun();
        plan.set(null);
        simulated.set(false);
        stage.set(BenchStage.FORM);
    }

    /** Runs the plan shown. The page stays busy until the run returns with its clean-up. */
    public void start() {
        BenchPlan p = plan.get();
        if (stage.get() != BenchStage.PLANNED || p == null) {
            return;
        }
        clearRun();
        stopAsked.set(false);
        stage.set(BenchStage.RUNNING);
        int thisRun = shownRun;
        Coalescer<BenchProgress> progress = new Coalescer<>(nas.ui(), batch -> progressed(thisRun, batch));
        boolean asked = nas.ask("Running the benchmark" + (p.simulated() ? " (simulated)" : ""), n -> {
            BenchSession s = session(n);
            running.set(s);
            try {
                if (stopAsked.get()) {
                    return new Ran(Optional.empty(), Optional.empty());   // stopped while it waited: never started
                }
                AtomicBoolean forwarded = new AtomicBoolean();
                BenchResult r = s.run(p, e -> {
                    // a Stop that came between the session's start and its run: passed on at its first word
                    if (stopAsked.get() && forwarded.compareAndSet(false, true)) {
                        s.stop();
                    }
                    progress.offer(e);
                });
                return new Ran(Optional.of(r), readAfter(n));
            } finally {
                running.set(null);
            }
        }, Ran::snapshot, this::ran, line -> {
            failure.set("The benchmark did not say how it ended: " + line
                    + ". Its clean-up runs on the NAS; Refresh shows the parameters as they are now.");
            stage.set(BenchStage.DONE);
        });
        if (!asked) {
            failure.set("Not connected to the NAS");
            stage.set(BenchStage.DONE);
        }
    }

    /**
     * Asks the run to stop; the NAS stops the pass and cleans up, and the page stays busy
     * ({@link BenchStage#STOPPING}) until the run returns with its clean-up. The session hears it in
     * the background, and once more at the run's next progress event: a Stop that came between the
     * session's start and its run (which may reset its own stop flag) is not lost.
     */
    public void stop() {
        if (stage.get() != BenchStage.RUNNING) {
            return;
        }
        stage.set(BenchStage.STOPPING);
        stopAsked.set(true);
        BenchSession s = running.get();
        if (s != null) {
            nas.outsideTheLane(s::stop);   // closing the run's input may wait on the network: not on the UI thread
        }
        nas.progress("Stopping the benchmark: the NAS cleans up");
    }

    private void ran(Ran r) {
        if (r.result().isEmpty()) {
            failure.set("Stopped before it started: nothing was changed on the NAS");
            stage.set(BenchStage.DONE);
            return;
        }
        BenchResult done = r.result().get();
        result.set(done);
        simulated.set(done.simulated());
        passesDone.setAll(done.runs());
        // the outcome before the comparison: whoever shows the comparison shows the outcome with it
        outcome.setAll(BenchOutcome.lines(done));
        comparison.set(BenchComparison.of(done));
        stage.set(BenchStage.DONE);
        if (!done.cleanup().clean()) {
            nas.notify(new Notice(Notice.Level.ERROR, "Benchmark clean-up incomplete", outcome.stream()
                    .filter(l -> l.id().startsWith("cleanup-") && l.tone() == Tone.BAD)
                    .map(l -> l.label() + " " + l.value()).reduce((a, b) -> a + "; " + b).orElse("see the Benchmark tab")));
        }
    }

    /**
     * A batch of the run's progress, on the UI thread. It may come after the run's result (the
     * executor delivers the result itself, the batch through the UI queue): its lines still belong
     * to the run shown, its phase and passes no longer (the result has the passes).
     */
    private void progressed(int run, List<BenchProgress> batch) {
        if (run != shownRun) {
            return;   // a run no longer shown
        }
        boolean under = stage.get() == BenchStage.RUNNING || stage.get() == BenchStage.STOPPING;
        List<String> lines = new ArrayList<>();
        for (BenchProgress e : batch) {
            if (e instanceof BenchProgress.Step s) {
                lines.add(Snippet.output(s.line()));
            } else if (e instanceof BenchProgress.Phase ph && under) {
                phase.set(ph);
            } else if (e instanceof BenchProgress.PassDone d && under) {
                passesDone.add(d.run());
            }
        }
        if (!lines.isEmpty()) {
            steps.addAll(lines);
            if (steps.size() > STEPS_KEPT) {
                steps.remove(0, steps.size() - STEPS_KEPT);
            }
            if (stage.get() == BenchStage.RUNNING) {
                nas.progress(lines.get(lines.size() - 1));
            }
        }
    }

    private void clearRun() {
        shownRun++;
        phase.set(null);
        steps.clear();
        passesDone.clear();
        result.set(null);
        comparison.set(null);
        outcome.clear();
        failure.set("");
    }

    private void showPools(NasSnapshot s) {
        List<BenchPoolChoice> now = BenchPoolChoice.of(s);
        if (!now.equals(pools)) {
            pools.setAll(now);
        }
    }

    /** The session of {@code n}'s agent: made once per connection (a new one after the NAS was connected again). */
    private BenchSession session(NasLink n) {
        Made m = session.get();
        if (m == null || m.agent() != n.agent()) {
            m = new Made(n.agent(), sessions.apply(n.agent()));
            session.set(m);
        }
        return m.session();
    }

    /** The NAS as the run left it (the parameters put back); empty when it cannot be read now. */
    private static Optional<NasSnapshot> readAfter(NasLink n) {
        try {
            return Optional.of(n.snapshot());
        } catch (Exception e) {
            return Optional.empty();   // the result matters more than the read; the next refresh reads it
        }
    }

    private record Made(AgentClient agent, BenchSession session) {
    }

    private record Planned(Optional<BenchPlan> plan, String refusal) {
    }

    private record Ran(Optional<BenchResult> result, Optional<NasSnapshot> snapshot) {
    }
}
