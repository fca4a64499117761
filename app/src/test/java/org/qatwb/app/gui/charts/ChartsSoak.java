package org.qatwb.app.gui.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.qatwb.app.tasks.DirectTasks;
import org.qatwb.app.viewmodel.ChartWindow;
import org.qatwb.app.viewmodel.LiveChartsViewModel;
import org.qatwb.model.history.EventKind;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.snapshot.StreamSample;

/**
 * The 24-hour soak of docs/benchmarks.md ("Cost at rest"): days of 1 Hz stream samples (kstat and
 * three devices' firmware counters, a marker every hour, a reconnect every six) fed through
 * {@link LiveChartsViewModel} into a shown {@link ChartsPane}, on an accelerated clock (one
 * simulated second per sample, as fast as the machine goes), headless on Monocle as the TestFX
 * tests run. After each simulated day it prints the heap in use after a full collection; then it
 * opens and closes charts of other NAS tabs (each with its own 24 h history) and checks that
 * nothing keeps them. Memory must stay flat: the history is preallocated and the views keep
 * nothing per sample. Prints figures, asserts nothing (not a timed test).
 * <pre>
 * mvn -B -q -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp app/target/test-classes:app/target/classes:$(cat app/target/cp.txt) org.qatwb.app.gui.charts.ChartsSoak 2
 * </pre>
 */
public final class ChartsSoak {

    private static final int DAY = 86_400;
    private static final String[] DEVICES = {"qat_c6xx_0000:3d:00.0", "qat_c6xx_0000:3f:00.0", "qat_c6xx_0000:41:00.0"};

    private final long[] now = {1_790_000_000_000L};
    private final long[] counters = new long[QatCounter.values().length];
    private final long[] firmware = new long[DEVICES.length];
    private long uptimeSeconds = 1000;
    private int n;

    private ChartsSoak() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        new ChartsSoak().run(days);
        Platform.exit();
    }

    private void run(int days) throws Exception {
        LiveChartsViewModel vm = new LiveChartsViewModel(new OffloadHistory(), () -> now[0], new DirectTasks());
        StackPane root = new StackPane();
        ChartsPane[] pane = new ChartsPane[1];
        fx(() -> {
            pane[0] = new ChartsPane(vm, null, notice -> { });
            root.getChildren().setAll(pane[0]);
            Stage stage = new Stage();
            stage.setScene(new Scene(root, 1200, 760));
            stage.show();
            vm.setWindow(ChartWindow.HOURS_24);
        });
        report("start, empty history", vm, pane[0]);
        for (int day = 1; day <= days; day++) {
            for (int hour = 0; hour < 24; hour++) {
                int h = hour;
                // an hour of samples in batches of a minute, each drawn as the window would draw it
                for (int minute = 0; minute < 60; minute++) {
                    List<StreamSample> batch = new ArrayList<>();
                    for (int s = 0; s < 60; s++) {
                        batch.add(next());
                    }
                    fx(() -> {
                        for (StreamSample s : batch) {
                            now[0] += 1000;
                            vm.add(List.of(s));
                        }
                    });
                    fx(() -> { });   // a pulse: the pane draws what changed
                }
                fx(() -> {
                    vm.mark(EventKind.PARAM_CHANGE, "Compression offload " + (h % 2 == 0 ? "off" : "on"));
                    if (h % 6 == 5) {
                        vm.reconnected();
                    }
                });
            }
            report("after simulated day " + day, vm, pane[0]);
        }
        // other NAS tabs opened and closed: each pane with its own full history, then dropped
        for (int tab = 0; tab < 5; tab++) {
            LiveChartsViewModel other = new LiveChartsViewModel(new OffloadHistory(), () -> now[0], new DirectTasks());
            fx(() -> root.getChildren().setAll(new ChartsPane(other, null, notice -> { })));
            for (int s = 0; s < 120; s++) {
                StreamSample sample = next();
                fx(() -> {
                    now[0] += 1000;
                    other.add(List.of(sample));
                });
            }
            fx(() -> root.getChildren().setAll(pane[0]));
        }
        Thread.sleep(3000);   // a closed pane's pending clock wake-up (at most two steps) has passed
        report("after 5 other charts were opened and closed", vm, pane[0]);
    }

    /** The next 1 Hz sample: every counter moving, firmware counters in the debugfs table's form. */
    private StreamSample next() throws Exception {
        n++;
        uptimeSeconds++;
        double load = 1 + 0.5 * Math.sin(n / 600.0);
        StringBuilder kstat = new StringBuilder("19 1 0x01 21 1008 1 2\nname                            type data\n");
        QatCounter[] all = QatCounter.values();
        for (int i = 0; i < all.length; i++) {
            counters[i] += (long) (load * (all[i].kstatName().endsWith("bytes") ? 1.5e8 : 5000));
            kstat.append(String.format(Locale.ROOT, "%-31s 4    %d%n", all[i].kstatName(), counters[i]));
        }
        Map<String, String> fw = new LinkedHashMap<>();
        for (int d = 0; d < DEVICES.length; d++) {
            firmware[d] += (long) (load * 7000);
            fw.put(DEVICES[d], firmwareTable(firmware[d]));
        }
        return new StreamSample(n, OptionalLong.of(uptimeSeconds * 1_000_000_000L),
                Optional.of(QatKstat.of(KstatParser.parse(kstat.toString()))), fw, List.of());
    }

    /** fw_counters as the driver prints it, with one AE's counts; the rest zero. */
    private static String firmwareTable(long requests) {
        return "+------------------------------------------------+\n"
                + "| FW Statistics for Qat Device                   |\n"
                + "+------------------------------------------------+\n"
                + "| Firmware Requests [AE  0]:           " + requests + " |\n"
                + "| Firmware Responses[AE  0]:           " + requests + " |\n"
                + "+------------------------------------------------+\n";
    }

    private static void fx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(60, TimeUnit.SECONDS);
    }

    private static void report(String when, LiveChartsViewModel vm, ChartsPane pane) throws Exception {
        long heap = usedHeap();
        long[] facts = new long[3];
        fx(() -> {
            facts[0] = vm.history().size();
            facts[1] = vm.history().events().size();
            facts[2] = pane.canvasDrawCount();
        });
        System.out.printf(Locale.ROOT, "%-45s heap in use %6.1f MiB, RSS %4d MiB; %d samples, %d events kept; %d frames drawn%n",
                when, heap / 1048576.0, rssMiB(), facts[0], facts[1], facts[2]);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no figure
        }
        return -1;
    }
}
