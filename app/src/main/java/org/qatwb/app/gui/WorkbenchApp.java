package org.qatwb.app.gui;

import javafx.application.Application;
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
