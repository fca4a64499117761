package org.qatwb.app.gui.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qatwb.app.gui.Css;
import org.qatwb.app.tasks.DirectTasks;
import org.qatwb.app.usecase.bench.ScriptedBench;
import org.qatwb.app.viewmodel.BenchComparison;
import org.qatwb.app.viewmodel.BenchPoolChoice;
import org.qatwb.app.viewmodel.BenchmarkViewModel;
import org.qatwb.app.viewmodel.LiveChartsViewModel;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.NasLink;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.app.workbench.Prompts;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.sim.SimOptions;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.hostkey.HostKeyDecision;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Benchmark tab's pane, headless, on the simulated NAS (real SSH, the synchronous executor) with
 * a scripted benchmark session: the form, Plan, Start, and the chart's figures and labels (its
 * model and the texts written on the canvas, not its pixels).
 */
@ExtendWith(ApplicationExtension.class)
class BenchmarkPaneTest {

    private final BuiltInSimulator sims = new BuiltInSimulator(SimOptions::driven);
    private Stage stage;
    private NasViewModel nas;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            if (nas != null) {
                nas.close();
            }
            return null;
        });
        sims.close();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    /** A connected NAS and its Benchmark pane in the stage; on the FX thread. */
    private BenchmarkPane show(ScriptedBench bench) {
        Prompts refuse = new Prompts(k -> HostKeyDecision.REFUSE, Credentials.none());
        nas = new NasViewModel(new NasTarget.Simulated("c62x"), t -> NasLink.open(t, refuse, sims), new DirectTasks(),
                new LiveChartsViewModel(new OffloadHistory(60), System::currentTimeMillis, new DirectTasks()));
        BenchmarkPane pane = new BenchmarkPane(new BenchmarkViewModel(nas, agent -> bench));
        nas.connect();
        Scene scene = new Scene(pane, 1200, 900);
        scene.getStylesheets().add(Css.STYLESHEET);
        stage.setScene(scene);
        pane.applyCss();
        pane.layout();
        return pane;
    }

    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    /**
     * Fires a button or the check box as a click does (the first click into a freshly shown headless
     * scene is sometimes taken by the window), and waits for what it started.
     */
    private static void press(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.ButtonBase.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void planThenStartShowsThePlanAndThenBothPassesSideBySideLabelledSimulated(FxRobot robot) throws Exception {
        ScriptedBench bench = new ScriptedBench().saying(ScriptedBench.events(),
                List.of(ScriptedBench.on(), ScriptedBench.off()));
        BenchmarkPane pane = fx(() -> show(bench));
        ComboBox<?> pool = robot.lookup("#bench-pool").queryAs(ComboBox.class);
        assertEquals(BenchPoolChoice.LARGEST, pool.getValue());
        assertTrue(pool.getItems().size() > 1, "the snapshot's pools are offered");
        assertEquals("2 GiB per pass", robot.lookup("#bench-size").queryAs(ComboBox.class).getConverter()
                .toString(robot.lookup("#bench-size").queryAs(ComboBox.class).getValue()));
        assertEquals("50 % of each record compresses", text(robot, "#bench-compressibility-value"));
        assertFalse(shown(robot, "#bench-plan-card"));
        assertFalse(shown(robot, "#bench-result-card"));

        press(robot, "#bench-encrypt");
        press(robot, "#bench-plan");
        assertTrue(bench.planned().get(0).encrypt(), "the form's encryption was asked for");
        assertTrue(shown(robot, "#bench-plan-card"));
        assertTrue(shown(robot, "#bench-plan-sim"), "the plan says simulated");
        assertEquals("Takes about 3 min 20 s (modelled by the simulator)", text(robot, "#bench-estimate"));
        assertTrue(text(robot, "#bench-plan-summary").startsWith("Creates " + ScriptedBench.DATASET + " on tank"),
                text(robot, "#bench-plan-summary"));
        assertEquals(4, robot.lookup("#bench-plan-steps").queryAs(javafx.scene.layout.VBox.class).getChildren().size());

        press(robot, "#bench-start");
        assertTrue(shown(robot, "#bench-result-card"));
        // scrolled down to the result, below the form and the plan
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.getVvalue() > 0);
        assertTrue(shown(robot, "#bench-result-sim"), "the result says simulated");
        assertTrue(shown(robot, "#bench-progress-sim"), "what the NAS did says simulated");
        assertEquals("destroyed", text(robot, "#bench-cleanup-dataset"));
        assertEquals("restored", text(robot, "#bench-cleanup-params"));
        assertTrue(text(robot, "#bench-summary").startsWith("With QAT on: writes 2.7× as fast"), text(robot, "#bench-summary"));

        BenchChart chart = pane.chart();
        BenchComparison c = chart.comparison();
        assertTrue(c.simulated());
        assertEquals("812 MiB/s", c.row("write-mibps").orElseThrow().on().text());
        assertTrue(chart.drawCount() > 0, "drawn");
        List<String> written = fx(chart::written);
        for (String s : List.of("SIMULATED: every figure is modelled", "QAT on", "QAT off", "Written, MiB/s", "812 MiB/s",
                "301 MiB/s", "1204 MiB/s", "0.90 s", "2.90 s", "97 %", "1.98×", "verified", "higher is better",
                "lower is better")) {
            assertTrue(written.contains(s), s + " not written on the chart: " + written);
        }
        assertFalse(written.contains("0 MiB/s"));
    }

    @Test
    void aRefusalIsShownOnTheForm(FxRobot robot) throws Exception {
        ScriptedBench refusing = new ScriptedBench().refusing("no pool has three times 2 GiB free: tank has 1.5 GiB");
        fx(() -> show(refusing));
        press(robot, "#bench-plan");
        assertTrue(shown(robot, "#bench-refusal"));
        assertEquals("Refused: no pool has three times 2 GiB free: tank has 1.5 GiB", text(robot, "#bench-refusal"));
        assertFalse(shown(robot, "#bench-plan-card"));
    }

    @Test
    void aChangedFormTakesThePlanAway(FxRobot robot) throws Exception {
        ScriptedBench planning = new ScriptedBench();
        fx(() -> show(planning));
        press(robot, "#bench-plan");
        assertTrue(shown(robot, "#bench-plan-card"), planning.planned().toString());
        assertFalse(shown(robot, "#bench-refusal"));
        press(robot, "#bench-encrypt");
        assertTrue(robot.lookup("#bench-encrypt").queryAs(CheckBox.class).isSelected());
        assertFalse(shown(robot, "#bench-plan-card"), "the plan shown is always the form's");
    }
}
