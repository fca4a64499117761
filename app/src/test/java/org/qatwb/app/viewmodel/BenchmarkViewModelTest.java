package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qatwb.app.tasks.SteppedTasks;
import org.qatwb.app.usecase.bench.BenchProgress;
import org.qatwb.app.usecase.bench.ScriptedBench;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.app.workbench.StatusLine;
import org.qatwb.app.workbench.Tone;
import org.qatwb.model.bench.BenchCleanup;
import org.qatwb.model.bench.BenchPass;
import org.qatwb.model.bench.BenchRequest;
import org.qatwb.model.bench.BenchRun;
import org.qatwb.model.bench.ChecksumCheck;

/**
 * The Benchmark page's view model on the synchronous executor, over real SSH to the simulated NAS,
 * with a scripted benchmark session: the plan shown or refused in one line, the run's progress, Stop,
 * the result side by side, and figures not measured shown as "—", never 0.
 */
class BenchmarkViewModelTest {

    @RegisterExtension
    final TestNas sims = TestNas.demo();

    private final ScriptedBench bench = new ScriptedBench();
    private final List<BenchStage> stages = new ArrayList<>();
    private NasViewModel nas;

    private BenchmarkViewModel open() {
        nas = sims.connect("c62x");
        BenchmarkViewModel vm = new BenchmarkViewModel(nas, agent -> bench);
        vm.stageProperty().addListener((o, a, s) -> stages.add(s));
        return vm;
    }

    private static void planDefaults(BenchmarkViewModel vm) {
        vm.plan(BenchPoolChoice.LARGEST, BenchRequest.DEFAULT_SIZE, BenchRequest.DEFAULT_COMPRESSIBILITY, false);
    }

    @Test
    void theFormOffersTheLargestPoolWithRoomFirstThenTheSnapshotsPoolsWithTheirFreeSpace() {
        BenchmarkViewModel vm = open();
        assertEquals(BenchPoolChoice.LARGEST, vm.pools().get(0));
        assertEquals("The largest pool with room", vm.pools().get(0).label());
        List<String> names = vm.pools().stream().skip(1).map(p -> p.pool().orElseThrow()).toList();
        assertEquals(List.copyOf(nas.snapshotProperty().get().pools().keySet()), names);
        assertFalse(names.isEmpty(), "the simulated NAS has pools");
        assertTrue(vm.pools().stream().skip(1).allMatch(p -> p.free().isPresent() && p.label().endsWith(" free")),
                vm.pools().toString());
        assertTrue(BenchmarkViewModel.SIZES.contains(BenchRequest.DEFAULT_SIZE));
    }

    @Test
    void planShowsWhatItWillDoAndChangesNothingYet() {
        BenchmarkViewModel vm = open();
        planDefaults(vm);
        assertEquals(List.of(BenchStage.PLANNING, BenchStage.PLANNED), stages);
        assertEquals(BenchStage.PLANNED, vm.stageProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals(List.of(new BenchRequest(Optional.empty(), 2 * BenchRequest.GIB, 50, false)), bench.planned());
        assertEquals(ScriptedBench.DATASET, vm.planProperty().get().dataset());
        assertTrue(vm.simulatedProperty().get(), "the plan is the simulator's");
        assertEquals("", vm.refusalProperty().get());
        assertNull(vm.resultProperty().get());

        // a pool chosen is asked for by name; a real NAS's plan is not labelled simulated
        ScriptedBench real = new ScriptedBench().real();
        BenchmarkViewModel named = new BenchmarkViewModel(nas, agent -> real);
        named.plan(vm.pools().get(1), BenchRequest.GIB, 0, true);
        assertEquals(vm.pools().get(1).pool(), real.planned().get(0).pool());
        assertTrue(real.planned().get(0).encrypt());
        assertFalse(named.simulatedProperty().get());
    }

    @Test
    void aRefusalIsOneLineOnTheFormAndNoPlan() {
        BenchmarkViewModel vm = open();
        bench.refusing("no pool has 6 GiB free (three times 2 GiB):\ntank has 4 GiB \u001b[31mfree\u001b[0m");
        planDefaults(vm);
        assertEquals(BenchStage.FORM, vm.stageProperty().get());
        assertNull(vm.planProperty().get());
        String line = vm.refusalProperty().get();
        assertTrue(line.startsWith("Refused: no pool has 6 GiB free (three times 2 GiB):"), line);
        assertFalse(line.contains("\n") || line.contains("\u001b"), "one line, no escape sequence: " + line);
        assertFalse(vm.busyProperty().get());
        assertEquals(0, bench.stops());
    }

    @Test
    void startShowsTheProgressThenBothPassesSideBySideWithTheCleanUp() {
        BenchmarkViewModel vm = open();
        bench.saying(ScriptedBench.events(), List.of(ScriptedBench.on(), ScriptedBench.off()));
        List<BenchProgress.Phase> phases = new ArrayList<>();
        List<Boolean> busyWhileRunning = new ArrayList<>();
        vm.phaseProperty().addListener((o, a, p) -> {
            if (p != null) {
                phases.add(p);
                busyWhileRunning.add(vm.busyProperty().get());
            }
        });
        planDefaults(vm);
        vm.start();

        assertEquals(List.of(BenchStage.PLANNING, BenchStage.PLANNED, BenchStage.RUNNING, BenchStage.DONE), stages);
        assertEquals(new BenchProgress.Phase(BenchPass.QAT_OFF, "read", 1.0), vm.phaseProperty().get());
        assertFalse(phases.isEmpty());
        assertTrue(busyWhileRunning.stream().allMatch(b -> b), "busy while it runs");
        assertFalse(vm.busyProperty().get(), "not busy once it returned");
        assertEquals("parameters put back; " + ScriptedBench.DATASET + " destroyed", vm.steps().get(vm.steps().size() - 1));
        assertEquals(List.of(ScriptedBench.on(), ScriptedBench.off()), vm.passesDone());

        BenchComparison c = vm.comparisonProperty().get();
        assertNotNull(c);
        assertTrue(c.simulated());
        assertEquals("812 MiB/s", c.row("write-mibps").orElseThrow().on().text());
        assertEquals("301 MiB/s", c.row("write-mibps").orElseThrow().off().text());
        assertEquals(812, c.row("write-mibps").orElseThrow().scale(), 1e-9);
        assertEquals("0.90 s", c.row("write-cpu").orElseThrow().on().text());
        assertEquals(BenchComparison.Better.LOWER, c.row("write-cpu").orElseThrow().better());
        assertEquals("97 %", c.row("qat-decompress").orElseThrow().on().text());
        assertEquals("0 %", c.row("qat-compress").orElseThrow().off().text(), "measured as none: 0, not a dash");
        assertEquals(List.of("write-mibps", "read-mibps", "write-cpu", "read-cpu", "qat-compress", "qat-decompress",
                "qat-checksum", "ratio", "failures", "checksum"), c.rows().stream().map(BenchComparison.Row::id).toList());
        assertEquals("1.98×", c.row("ratio").orElseThrow().on().text());
        assertEquals("verified", c.row("checksum").orElseThrow().off().text());
        assertEquals(Tone.GOOD, c.row("checksum").orElseThrow().on().tone());
        assertEquals("With QAT on: writes 2.7× as fast, reads 1.4× as fast; 69 % less CPU per GiB written, 50 % less"
                + " per GiB read.", c.summary());

        Map<String, StatusLine> outcome = new java.util.HashMap<>();
        vm.outcome().forEach(l -> outcome.put(l.id(), l));
        assertEquals("destroyed", outcome.get("cleanup-dataset").value());
        assertEquals(Tone.GOOD, outcome.get("cleanup-params").tone());
        assertTrue(outcome.get("cleanup-params").detail().contains("zfs_qat_compress_disable=0"));
        assertFalse(outcome.containsKey("stopped"));
        assertEquals("", vm.failureProperty().get());
    }

    @Test
    void stopAsksTheSessionAndThePageStaysBusyUntilTheRunReturnsWithItsCleanUp() {
        BenchmarkViewModel vm = open();
        bench.saying(ScriptedBench.events(), List.of(ScriptedBench.on(), ScriptedBench.off()));
        List<Boolean> busyAtStop = new ArrayList<>();
        vm.phaseProperty().addListener((o, a, p) -> {
            if (p != null && vm.stageProperty().get() == BenchStage.RUNNING) {
                vm.stop();
                busyAtStop.add(vm.busyProperty().get());
            }
        });
        planDefaults(vm);
        vm.start();

        // told at Stop, and once more at the run's next word (for a Stop that came before the run began)
        assertTrue(bench.stops() >= 1 && bench.stops() <= 2, "Stop reached the session: " + bench.stops());
        int told = bench.stops();
        assertEquals(List.of(true), busyAtStop, "still busy after Stop: the NAS cleans up first");
        assertEquals(List.of(BenchStage.PLANNING, BenchStage.PLANNED, BenchStage.RUNNING, BenchStage.STOPPING,
                BenchStage.DONE), stages);
        assertFalse(vm.busyProperty().get());
        assertEquals(Optional.of("stopped by the user"), vm.resultProperty().get().stoppedBecause());
        assertTrue(vm.steps().get(vm.steps().size() - 1).startsWith("stopped: putting the parameters back"));
        StatusLine stopped = vm.outcome().get(0);
        assertEquals("stopped", stopped.id());
        assertEquals("stopped by the user; 0 of 2 passes finished", stopped.detail());
        // no pass finished: every figure of both is a dash, never 0
        for (BenchComparison.Row r : vm.comparisonProperty().get().rows()) {
            assertEquals(BenchFormat.NONE, r.on().text(), r.id());
            assertEquals(BenchFormat.NONE, r.off().text(), r.id());
            assertTrue(r.on().value().isEmpty() && r.off().value().isEmpty(), r.id());
        }
        assertEquals("", vm.comparisonProperty().get().summary());
        vm.stop();
        assertEquals(told, bench.stops(), "Stop after the run is a no-op");
    }

    @Test
    void aFigureThatWasNotMeasuredIsADashNeverZero() {
        BenchmarkViewModel vm = open();
        BenchRun partial = new BenchRun(BenchPass.QAT_ON, OptionalDouble.of(640), OptionalDouble.empty(),
                OptionalDouble.of(Double.NaN), OptionalDouble.empty(), Map.of("compress", 0.5, "zia_extra", 0.25),
                OptionalDouble.empty(), 3, ChecksumCheck.NOT_CHECKED, List.of("fio: read: Input/output error"));
        bench.saying(List.of(), List.of(partial));
        planDefaults(vm);
        vm.start();
        BenchComparison c = vm.comparisonProperty().get();
        assertEquals("640 MiB/s", c.row("write-mibps").orElseThrow().on().text());
        assertEquals(BenchFormat.NONE, c.row("read-mibps").orElseThrow().on().text());
        assertEquals(BenchFormat.NONE, c.row("write-cpu").orElseThrow().on().text(), "NaN is not a measurement");
        assertTrue(c.row("write-cpu").orElseThrow().on().value().isEmpty());
        assertEquals(BenchFormat.NONE, c.row("ratio").orElseThrow().on().text());
        assertEquals("not checked", c.row("checksum").orElseThrow().on().text());
        assertEquals(Tone.WARN, c.row("checksum").orElseThrow().on().tone());
        assertEquals("3", c.row("failures").orElseThrow().on().text());
        assertEquals(Tone.BAD, c.row("failures").orElseThrow().on().tone());
        // a fork's own kstat group is shown after the documented ones, not dropped
        assertEquals("25 %", c.row("qat-zia_extra").orElseThrow().on().text());
        // the pass that did not run: dashes
        assertEquals(BenchFormat.NONE, c.row("write-mibps").orElseThrow().off().text());
        assertEquals(BenchFormat.NONE, c.row("failures").orElseThrow().off().text());
        assertEquals("", c.summary(), "nothing to compare");
        assertTrue(vm.outcome().stream().anyMatch(l -> l.id().equals("error-on-0")
                && l.detail().equals("fio: read: Input/output error") && l.tone() == Tone.BAD), vm.outcome().toString());
    }

    @Test
    void aCleanUpThatFailedIsToldAsANotice() {
        BenchmarkViewModel vm = open();
        bench.saying(List.of(), List.of(ScriptedBench.on(), ScriptedBench.off()))
                .cleaningUp(new BenchCleanup(false, true, List.of("zfs destroy: dataset is busy")));
        planDefaults(vm);
        vm.start();
        StatusLine dataset = vm.outcome().stream().filter(l -> l.id().equals("cleanup-dataset")).findFirst().orElseThrow();
        assertEquals("NOT destroyed", dataset.value());
        assertEquals(Tone.BAD, dataset.tone());
        assertTrue(vm.outcome().stream().anyMatch(l -> l.detail().equals("zfs destroy: dataset is busy")));
        Notice last = nas.notices().get(nas.notices().size() - 1);
        assertEquals("Benchmark clean-up incomplete", last.title());
        assertEquals(Notice.Level.ERROR, last.level());
    }

    @Test
    void aRunThatReturnsNoResultSaysWhyInOneLine() {
        BenchmarkViewModel vm = open();
        bench.saying(ScriptedBench.events(), List.of()).failing("connection lost");
        planDefaults(vm);
        vm.start();
        assertEquals(BenchStage.DONE, vm.stageProperty().get());
        assertFalse(vm.busyProperty().get());
        assertNull(vm.resultProperty().get());
        String f = vm.failureProperty().get();
        assertTrue(f.startsWith("The benchmark did not say how it ended: ") && f.contains("connection lost"), f);
        assertFalse(f.contains("\n"));
        assertFalse(vm.steps().isEmpty(), "what it said before is kept");
    }

    /** The run's progress reaches the UI thread in batches: one update for all that came before it got there. */
    @Test
    void progressIsCoalescedAndAStopWhileTheRunWaitsMeansItNeverStarts() {
        SteppedTasks tasks = new SteppedTasks();
        try (BuiltInSimulator own = TestNas.simulators()) {
            nas = TestNas.viewModel(new NasTarget.Simulated("c62x"), own, tasks);
            try {
                coalescedAndStoppedEarly(tasks);
            } finally {
                nas.close();
                tasks.drainNewestFirst();
            }
        }
    }

    private void coalescedAndStoppedEarly(SteppedTasks tasks) {
        nas.connect();
        tasks.drainNewestFirst();
        assertNotNull(nas.snapshotProperty().get());
        BenchmarkViewModel vm = new BenchmarkViewModel(nas, agent -> bench);
        bench.saying(ScriptedBench.events(), List.of(ScriptedBench.on(), ScriptedBench.off()));
        planDefaults(vm);
        tasks.drainNewestFirst();
        assertEquals(BenchStage.PLANNED, vm.stageProperty().get());

        AtomicInteger stepChanges = new AtomicInteger();
        vm.steps().addListener((ListChangeListener<String>) c -> stepChanges.incrementAndGet());
        vm.start();
        assertTrue(vm.busyProperty().get());
        tasks.drainNewestFirst();
        assertEquals(4, vm.steps().size());
        assertEquals(1, stepChanges.get(), "four lines, one update");
        assertEquals(BenchStage.DONE, vm.stageProperty().get());

        // again, but Stop before the run's turn came: it never starts, and says so
        vm.plan(BenchPoolChoice.LARGEST, BenchRequest.GIB, 50, false);
        tasks.drainNewestFirst();
        vm.start();
        vm.stop();
        assertEquals(BenchStage.STOPPING, vm.stageProperty().get());
        assertEquals(0, bench.stops(), "no session ran yet to be told");
        tasks.drainNewestFirst();
        assertEquals(BenchStage.DONE, vm.stageProperty().get());
        assertNull(vm.resultProperty().get());
        assertEquals("Stopped before it started: nothing was changed on the NAS", vm.failureProperty().get());
    }
}
