package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.app.tasks.BackgroundTasks;
import org.qatwb.app.tasks.DirectTasks;
import org.qatwb.model.history.EventKind;
import org.qatwb.model.history.KstatSeries;
import org.qatwb.model.history.Metric;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.model.history.SeriesCatalog;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.kstat.QatService;
import org.qatwb.model.snapshot.StreamSample;

class LiveChartsViewModelTest {

    private static final KstatSeries COMP = SeriesCatalog.kstat(QatService.COMPRESSION, Metric.REQUESTS_PER_S).orElseThrow();

    private final long[] now = {1_800_000_000_000L};

    @TempDir
    Path dir;

    @Test
    void samplesBecomeRatesAndAResetIsAGapNotASpike() throws Exception {
        LiveChartsViewModel vm = new LiveChartsViewModel(new OffloadHistory(100), () -> now[0], new DirectTasks());
        vm.add(List.of(sample(1, 10, 100)));
        vm.add(List.of(sample(2, 11, 600)));
        assertEquals(500f, vm.history().last(COMP));
        vm.add(List.of(sample(3, 12, 50)));           // zfs.ko reloaded: the counter went down
        assertTrue(Float.isNaN(vm.history().last(COMP)));
        assertTrue(vm.history().events().stream().anyMatch(e -> e.kind() == EventKind.GAP));
        vm.add(List.of(sample(4, 13, 250)));
        assertEquals(200f, vm.history().last(COMP));
    }

    @Test
    void pausingFreezesTheWindowWhileSamplesAreStillRecorded() throws Exception {
        LiveChartsViewModel vm = new LiveChartsViewModel(new OffloadHistory(100), () -> now[0], new DirectTasks());
        vm.add(List.of(sample(1, 10, 100)));
        vm.togglePause();
        long frozen = vm.windowEndProperty().get();
        now[0] += 5_000;
        vm.add(List.of(sample(2, 15, 600)));
        vm.tick();
        assertEquals(frozen, vm.windowEndProperty().get());
        assertEquals(2, vm.history().size());
        vm.togglePause();
        assertEquals(now[0], vm.windowEndProperty().get());
        vm.setWindow(ChartWindow.HOUR_1);
        assertEquals(now[0] - 3_600_000, vm.windowStart());
    }

    @Test
    void csvExportReadsTheHistoryInTheBackgroundAndHoldsNewSamplesBackUntilItIsDone() throws Exception {
        List<Runnable> background = new ArrayList<>();
        BackgroundTasks later = new BackgroundTasks() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
                background.add(() -> new DirectTasks().run(work, done, failed));
            }

            @Override
            public Executor ui() {
                return Runnable::run;
            }
        };
        LiveChartsViewModel vm = new LiveChartsViewModel(new OffloadHistory(100), () -> now[0], later);
        vm.add(List.of(sample(1, 10, 100)));
        now[0] += 1000;
        vm.add(List.of(sample(2, 11, 300)));
        Path csv = dir.resolve("out.csv");
        List<Optional<String>> results = new ArrayList<>();
        vm.exportCsv(csv, results::add);
        assertTrue(vm.exportingProperty().get());
        now[0] += 1000;
        vm.add(List.of(sample(3, 12, 700)));
        assertEquals(2, vm.history().size(), "held back while the export reads");

        background.remove(0).run();

        assertEquals(List.of(Optional.empty()), results);
        assertFalse(vm.exportingProperty().get());
        assertEquals(3, vm.history().size(), "appended after the export");
        assertEquals(400f, vm.history().last(COMP));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("time,compression.requests_per_s"), lines.get(0));
        assertEquals(3, lines.size(), "a header and the two samples of the window: " + lines);
        assertTrue(lines.get(2).contains(",200"), lines.get(2));
    }

    @Test
    void whenThereIsNothingToChartItSaysWhyAndWhatToDo() throws Exception {
        LiveChartsViewModel vm = new LiveChartsViewModel(new OffloadHistory(100), () -> now[0], new DirectTasks());
        assertEquals(LiveChartsViewModel.WAITING, vm.nothingToChartProperty().get());
        // a NAS whose ZFS has no QAT and no QAT driver: samples come, with nothing in them to draw
        vm.add(List.of(bare(1, 10)));
        assertEquals(LiveChartsViewModel.NO_COUNTERS, vm.nothingToChartProperty().get());
        assertTrue(vm.nothingToChartProperty().get().contains("Doctor"), "says where to look next");
        assertEquals("", vm.missingCountersProperty().get(), "nothing charted: the empty state says it all");

        vm.add(List.of(sample(2, 11, 100)));
        assertEquals("", vm.nothingToChartProperty().get());
        assertEquals("", vm.missingCountersProperty().get());
        // zfs.ko unloaded: the charts keep what they had, and a line says why they stopped
        vm.add(List.of(bare(3, 12)));
        assertEquals("", vm.nothingToChartProperty().get());
        assertEquals(LiveChartsViewModel.NO_KSTAT, vm.missingCountersProperty().get());
        vm.add(List.of(sample(4, 13, 200)));
        assertEquals("", vm.missingCountersProperty().get());
    }

    /** A sample from a NAS without ZFS's QAT kstat and without firmware counters. */
    private static StreamSample bare(int n, long uptimeSeconds) {
        return new StreamSample(n, OptionalLong.of(uptimeSeconds * 1_000_000_000L), Optional.empty(), Map.of(), List.of());
    }

    private static StreamSample sample(int n, long uptimeSeconds, long compRequests) throws Exception {
        QatKstat k = QatKstat.of(KstatParser.parse("19 1 0x01 1 48 1 2\nname                            type data\n"
                + "comp_requests                   4    " + compRequests + "\n"));
        return new StreamSample(n, OptionalLong.of(uptimeSeconds * 1_000_000_000L), Optional.of(k), Map.of(), List.of());
    }
}
