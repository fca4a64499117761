package org.qatwb.app.gui.layout;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qatwb.app.tasks.DirectTasks;
import org.qatwb.app.viewmodel.LayoutEditorViewModel;
import org.qatwb.app.viewmodel.LiveChartsViewModel;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.NasLink;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.app.workbench.Prompts;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.InstanceRef;
import org.qatwb.sim.SimOptions;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.hostkey.HostKeyDecision;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures (docs/benchmarks.md; prints, asserts nothing): one layout edit on the simulated C62x
 * (51 tiles, 56 cores), a VF's instance moved between two cores with the VF selected, from the
 * command to a laid-out scene (CSS and layout pass, software rendering, headless Monocle), and
 * the view model's share of it alone (the compilation). Not a test by name, so the suite skips it:
 * {@code mvn -B -q -o test -pl app -am -Dtest=LayoutEditBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@ExtendWith(ApplicationExtension.class)
class LayoutEditBenchmark {

    private static final int WARMUP = 150;
    private static final int RUNS = 300;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.MINUTES);
    }

    @Test
    void oneEditFromCommandToLaidOutScene() throws Exception {
        try (BuiltInSimulator sims = new BuiltInSimulator(SimOptions::driven)) {
            Prompts refuse = new Prompts(k -> HostKeyDecision.REFUSE, Credentials.none());
            NasViewModel nas = new NasViewModel(new NasTarget.Simulated("c62x"), t -> NasLink.open(t, refuse, sims),
                    new DirectTasks(), new LiveChartsViewModel(new OffloadHistory(60), System::currentTimeMillis, new DirectTasks()));
            List<String> lines = fx(() -> {
                nas.connect();
                LayoutEditorViewModel alone = new LayoutEditorViewModel(nas);
                LayoutEditorViewModel vm = new LayoutEditorViewModel(nas);
                LayoutPane pane = new LayoutPane(nas, vm, stage);
                stage.setScene(new Scene(pane, 1280, 800));
                pane.applyCss();
                pane.layout();
                DeviceKey vf = DeviceKey.parse("c6xxvf_dev4");
                InstanceRef dc = new InstanceRef(vf, "KERNEL_QAT", InstanceKind.DC, 0);
                vm.select(List.of(vf));
                alone.select(List.of(vf));
                String view = time(i -> {
                    vm.setAffinity(dc, i % 2 == 0 ? 40 : 41);
                    pane.applyCss();
                    pane.layout();
                });
                String command = time(i -> vm.setAffinity(dc, i % 2 == 0 ? 40 : 41));
                String model = time(i -> alone.setAffinity(dc, i % 2 == 0 ? 40 : 41));
                return List.of("layout edit, command to laid-out scene (51 tiles, 56 cores): " + view,
                        "layout edit, the command with the pane listening (no CSS or layout pass): " + command,
                        "layout edit, view model alone (compilation): " + model);
            });
            lines.forEach(System.out::println);
            fx(() -> {
                nas.close();
                return null;
            });
        }
    }

    private interface Edit {
        void run(int i);
    }

    private static String time(Edit e) {
        for (int i = 0; i < WARMUP; i++) {
            e.run(i);
        }
        long[] ns = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            e.run(i);
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        return String.format(Locale.ROOT, "median %.2f ms, p90 %.2f ms over %d edits", ns[RUNS / 2] / 1e6,
                ns[RUNS * 9 / 10] / 1e6, RUNS);
    }
}
