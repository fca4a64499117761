package org.qatwb.app.gui.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.qatwb.app.tasks.DirectTasks;
import org.qatwb.app.viewmodel.ChartWindow;
import org.qatwb.app.viewmodel.LiveChartsViewModel;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.model.kstat.CounterRates;
import org.qatwb.model.kstat.QatCounter;

/**
 * Measures (docs/benchmarks.md): the redraw of every chart over 24 hours of 1 Hz history, and
 * the heap the history holds after one and after two simulated days (an accelerated clock: the
 * samples are appended as fast as the machine goes, one simulated second apart). Runs headless
 * on Monocle's software renderer, as the TestFX tests do.
 * {@code mvn -B -q -pl app -am test-compile exec:exec@bench}
 */
public final class ChartsBenchmark {

    private static final int DAY = 86_400;
    private static final int FIRMWARE_DEVICES = 3;

    private ChartsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        long t0 = 1_790_000_000_000L;
        OffloadHistory history = new OffloadHistory();
        long heapEmpty = usedHeap();
        fill(history, t0, DAY);
        long heapDay1 = usedHeap();
        fill(history, t0 + DAY * 1000L, DAY);
        long heapDay2 = usedHeap();
        long now = t0 + 2L * DAY * 1000;

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        LiveChartsViewModel vm = new LiveChartsViewModel(history, () -> now, new DirectTasks());
        CompletableFuture<List<String>> results = new CompletableFuture<>();
        Platform.runLater(() -> {
            List<String> lines = new ArrayList<>();
            ChartsPane pane = new ChartsPane(vm, null, n -> { });
            Stage stage = new Stage();
            stage.setScene(new Scene(pane, 1440, 900));
            stage.show();
            vm.tick();
            pane.applyCss();
            pane.layout();
            pane.redrawNow();
            pane.applyCss();
            pane.layout();
            for (ChartWindow w : new ChartWindow[] {ChartWindow.HOURS_24, ChartWindow.HOUR_1, ChartWindow.MINUTES_5}) {
                vm.setWindow(w);
                lines.add(String.format(Locale.ROOT, "redraw of all %d charts, %s window: %s", pane.chartCount(), w.label(),
                        time(pane::redrawNow)));
            }
            stage.close();
            results.complete(lines);
        });
        for (String line : results.get()) {
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "heap in use: empty history %.1f MiB, after 1 simulated day %.1f MiB, after 2 days %.1f MiB%n",
                heapEmpty / 1048576.0, heapDay1 / 1048576.0, heapDay2 / 1048576.0);
        Platform.exit();
    }

    private static String time(Runnable redraw) {
        for (int i = 0; i < 30; i++) {
            redraw.run(); // warm-up
        }
        int n = 200;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            redraw.run();
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "median %.2f ms, p95 %.2f ms, max %.2f ms", nanos[n / 2] / 1e6,
                nanos[n * 95 / 100] / 1e6, nanos[n - 1] / 1e6);
    }

    /** One sample a simulated second: a varying workload with noise, a gap each hour, and firmware rates. */
    private static void fill(OffloadHistory h, long startMillis, int seconds) {
        Random r = new Random(42);
        Map<QatCounter, Double> rates = new EnumMap<>(QatCounter.class);
        Map<String, Double> fw = new HashMap<>();
        for (int i = 0; i < seconds; i++) {
            double load = 1 + 0.5 * Math.sin(i / 600.0) + 0.1 * r.nextGaussian();
            for (QatCounter c : QatCounter.values()) {
                rates.put(c, Math.max(0, load * (c.kstatName().endsWith("bytes") ? 1.5e8 : 5000)));
            }
            for (int d = 0; d < FIRMWARE_DEVICES; d++) {
                fw.put("qat_c6xx_0000:" + (0x3d + 2 * d) + ":00.0", load * 7000);
            }
            h.append(startMillis + i * 1000L, i % 3600 == 0 ? Optional.empty() : Optional.of(new CounterRates(1, rates)), fw);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
