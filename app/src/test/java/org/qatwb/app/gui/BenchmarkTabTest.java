package org.qatwb.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.sim.SimOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, headless: the NAS's fifth tab is the Benchmark page, reached with Ctrl+5. */
@ExtendWith(ApplicationExtension.class)
class BenchmarkTabTest {

    private final BuiltInSimulator sims = new BuiltInSimulator(SimOptions::demo);
    private Workbench workbench;

    @Start
    void start(Stage stage) throws IOException {
        workbench = new Workbench(Files.createTempDirectory("qatwb-bench-tab-test"), sims);
        new MainWindow(stage, workbench).show();
        workbench.viewModel().start();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(workbench::close).get(30, TimeUnit.SECONDS);
    }

    @Test
    void ctrl5ShowsTheBenchmarkPageAfterTheLayout(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#nas-views").tryQuery().map(Node::isVisible).orElse(false));
        TabPane views = robot.lookup("#nas-views").queryAs(TabPane.class);
        assertEquals(List.of("dashboard-tab", "charts-tab", "doctor-tab", "layout-tab", "benchmark-tab"),
                views.getTabs().stream().map(javafx.scene.control.Tab::getId).toList());
        // the NAS pane's shortcuts reach it through the focus: first a click into the pane, on its first tab
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#dashboard-tab").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#dashboard-tab");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "benchmark-tab".equals(views.getSelectionModel().getSelectedItem().getId()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#bench-plan").query().isVisible(), "the form, with Plan");
        assertTrue(robot.lookup("#bench-pool").query().isVisible());
    }
}
