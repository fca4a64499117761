package org.qatwb.app.gui;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.qatwb.app.settings.ConfigDir;
import org.qatwb.app.workbench.BuiltInSimulator;

/** The JavaFX application: one main window over a {@link Workbench}. */
public final class WorkbenchApp extends Application {

    private Workbench workbench;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        workbench = new Workbench(ConfigDir.user(), new BuiltInSimulator());
        window = new MainWindow(stage, workbench);
        window.show();
        workbench.viewModel().start();
        if (Boolean.getBoolean("qatwb.benchFirstFrame")) {
            reportFirstFrame();
        }
    }

    /**
     * For docs/benchmarks.md: prints the time from the JVM's start to the first frame the window
     * drew, then quits. {@code QATWB_JAVA_OPTS='-Dqatwb.benchFirstFrame=true -Dprism.order=sw' ./qatwb}
     */
    private static void reportFirstFrame() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("first frame " + ms + " ms after the JVM started");
                stop();
                Platform.exit();
            }
        }.start();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.saveSettings();
        }
        if (workbench != null) {
            workbench.close();
        }
    }
}
