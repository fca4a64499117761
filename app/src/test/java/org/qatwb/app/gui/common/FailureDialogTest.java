package org.qatwb.app.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qatwb.app.logging.AppLogging;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A handler that throws on the JavaFX thread: logged with its trace, shown in one dialog, bursts counted. */
@ExtendWith(ApplicationExtension.class)
class FailureDialogTest {

    private Path log;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("qatwb-failure-test");
        log = AppLogging.configure(AppLogging.Mode.WINDOW, dir, Optional.empty());
        Button b = new Button("throw");
        b.setId("thrower");
        b.setOnAction(e -> {
            throw new IllegalStateException(); // no message: the dialog must not say "null"
        });
        stage.setScene(new Scene(b, 200, 100));
        FailureDialog.install(stage);
        stage.show();
    }

    @AfterEach
    void reset() {
        Thread.setDefaultUncaughtExceptionHandler(null);
        AppLogging.configure(AppLogging.Mode.CLI, dir.resolve("after"), Optional.of(Level.OFF));
    }

    @Test
    void aFailureOnTheFxThreadShowsOneDialogAndABurstAddsToIt(FxRobot robot) throws Exception {
        robot.clickOn("#thrower");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#failure-summary").tryQuery().isPresent());
        String summary = robot.lookup("#failure-summary").queryAs(Label.class).getText();
        assertEquals("IllegalStateException (no message)", summary);
        assertFalse(summary.contains("null"));
        assertTrue(robot.lookup("#failure-log").queryAs(Label.class).getText().contains(log.toString()));
        assertTrue(Files.readString(log).contains("at org.qatwb.app.gui.common.FailureDialogTest"), "the trace is logged");

        // a burst from the FX thread and from others
        robot.interact(() -> {
            for (int i = 0; i < 20; i++) {
                Thread t = new Thread(() -> {
                    throw new IllegalArgumentException("burst");
                });
                t.start();
            }
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#failure-summary").queryAs(Label.class)
                .getText().contains("(and 20 more)"));
        assertEquals(1, robot.lookup("#failure-dialog").queryAll().size(), "one dialog for the burst");
        DialogPane pane = robot.lookup("#failure-dialog").queryAs(DialogPane.class);
        assertEquals("21 unexpected failures inside the workbench", pane.getHeaderText());

        robot.clickOn("#failure-copy");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#failure-dialog").tryQuery().isPresent(), "copying keeps the dialog open");
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);
        assertTrue(copied.contains("21 failures") && copied.contains("IllegalStateException"), copied);
    }
}
