package org.qatwb.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/**
 * The window on the simulated no-qat NAS (no driver, ZFS without QAT): every empty view says why
 * and what next, controls that cannot act are disabled, and no chip is cut.
 */
@ExtendWith(ApplicationExtension.class)
class EmptyStatesWindowTest {

    private final BuiltInSimulator sims = new BuiltInSimulator(SimOptions::demo);
    private Workbench workbench;

    @Start
    void start(Stage stage) throws IOException {
        Path config = Files.createTempDirectory("qatwb-empty-test");
        workbench = new Workbench(config, sims);
        new MainWindow(stage, workbench).show();
    }

    @AfterEach
    void tearDown() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(null);
        WaitForAsyncUtils.asyncFx(workbench::close).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theNoQatNasExplainsEveryEmptyView(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.viewModel().openSimulated("no-qat"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#devices-empty-title").tryQuery().map(Node::isVisible).orElse(false)
                        && workbench.viewModel().selectedProperty().get().snapshotProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("No QAT driver on this host", text(robot, "#devices-empty-title"));
        assertTrue(text(robot, "#devices-empty-detail").contains("Doctor tab"), text(robot, "#devices-empty-detail"));
        assertTrue(robot.lookup("No content in table").tryQuery().isEmpty());

        Label why = robot.lookup("#offload-why").queryAs(Label.class);
        assertTrue(why.isVisible() && why.getText().contains("--with-qat"), why.getText());
        assertTrue(robot.lookup("#keep-button").queryAs(Button.class).isDisabled(), "nothing to keep");
        assertTrue(text(robot, "#keep-state").startsWith("Nothing to keep"), text(robot, "#keep-state"));
        for (String p : new String[] {"compress", "checksum", "encrypt"}) {
            Label chip = robot.lookup("#state-" + p).queryAs(Label.class);
            assertEquals("absent", chip.getText());
            assertTrue(chip.getWidth() + 0.5 >= chip.prefWidth(-1), p + " chip cut: " + chip.getWidth() + " < " + chip.prefWidth(-1));
        }

        robot.clickOn("#doctor-tab");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#doctor-first-failure").tryQuery().isPresent());
        String first = text(robot, "#doctor-first-failure");
        assertTrue(first.contains("adf_ctl") && first.contains("wait for it"), first);
        assertFalse(first.contains("null"), first);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
