package org.qatwb.app.gui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qatwb.app.tasks.DirectTasks;
import org.qatwb.app.viewmodel.ChartWindow;
import org.qatwb.app.viewmodel.LiveChartsViewModel;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.snapshot.StreamSample;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The charts' cost at rest (docs/benchmarks.md): the canvases are drawn when what they show
 * changed, not per frame, not while hidden, and once when shown again; the right edge of a long
 * window moves in steps, while the legend's values follow the samples. Also the empty state.
 * Counts draws, never times them.
 */
@ExtendWith(ApplicationExtension.class)
class ChartsPaneTest {

    private final long[] now = {1_800_000_000_000L};
    private LiveChartsViewModel vm;
    private ChartsPane pane;
    private TabPane tabs;
    private Tab chartsTab;
    private Tab otherTab;
    private int n;

    @Start
    void start(Stage stage) {
        vm = new LiveChartsViewModel(new org.qatwb.model.history.OffloadHistory(10_000), () -> now[0], new DirectTasks());
        pane = new ChartsPane(vm, stage, notice -> { });
        otherTab = new Tab("Other", new StackPane());
        chartsTab = new Tab("Charts", pane);
        tabs = new TabPane(otherTab, chartsTab);
        tabs.getSelectionModel().select(chartsTab);
        stage.setScene(new Scene(tabs, 1200, 800));
        stage.show();
    }

    @Test
    void theCanvasesAreDrawnWhenTheDataMovesNotPerFrameAndNotWhileHidden(FxRobot robot) throws Exception {
        add(true);
        add(true);
        long drawn = settle();
        assertTrue(drawn > 0, "drawn once shown with data");
        // frames go by (the pulse runs for the window's own reasons), nothing changed: no draw
        for (int i = 0; i < 5; i++) {
            robot.interact(() -> tabs.requestLayout());
            assertEquals(drawn, settle(), "nothing changed, nothing drawn");
        }
        now[0] += ChartsPane.MIN_STEP_MILLIS;
        add(true);
        assertEquals(drawn + 1, settle(), "one new sample a step later, one draw");

        robot.interact(() -> tabs.getSelectionModel().select(otherTab));
        for (int i = 0; i < 3; i++) {
            now[0] += ChartsPane.MIN_STEP_MILLIS;
            add(true);
        }
        assertEquals(drawn + 1, settle(), "hidden: samples are recorded, nothing is drawn");
        assertEquals(6, vm.history().size());
        robot.interact(() -> tabs.getSelectionModel().select(chartsTab));
        assertEquals(drawn + 2, settle(), "shown again: drawn once, with what came meanwhile");
    }

    @Test
    void aLongWindowMovesInStepsWhileTheLegendFollowsTheSamples(FxRobot robot) throws Exception {
        add(true);
        add(true);
        robot.interact(() -> vm.setWindow(ChartWindow.HOURS_24));
        settle();
        long step = WaitForAsyncUtils.asyncFx(pane::stepMillis).get(30, TimeUnit.SECONDS);
        assertTrue(step >= 2000, "a day over a plot of at most a few thousand columns: " + step);
        // just past a step's start, so that the next seconds stay within the step
        now[0] = (now[0] / step + 1) * step + 1;
        add(true);
        long drawn = settle();
        Label value = robot.lookup("#requests-value-0").queryAs(Label.class);
        String before = value.getText();
        now[0] += ChartsPane.MIN_STEP_MILLIS;
        add(true, 5000);
        assertEquals(drawn, settle(), "within one column's time the canvases stay as they are");
        assertNotEquals(before, value.getText(), "the legend shows the new sample");
        now[0] += step;
        add(true);
        assertEquals(drawn + 1, settle(), "the next step moves the axis");
    }

    @Test
    void withNothingToChartThePaneSaysWhyInsteadOfEmptyAxes(FxRobot robot) throws Exception {
        settle();
        Label detail = robot.lookup("#charts-empty-detail").queryAs(Label.class);
        assertTrue(detail.getText().startsWith("No samples yet"), detail.getText());
        assertTrue(shown(robot, "#charts-empty"));
        add(false);
        settle();
        assertTrue(detail.getText().contains("no QAT counters") && detail.getText().contains("Doctor"), detail.getText());
        assertTrue(shown(robot, "#charts-empty"));
        assertEquals(0, pane.drawCount(), "no empty axes drawn");
        add(true);
        add(true);
        settle();
        assertTrue(robot.lookup("#charts-empty").tryQuery().map(c -> c.getScene() == null).orElse(true),
                "the charts replace the empty state once there is data");
        assertTrue(pane.drawCount() > 0);
    }

    @Test
    void aMarkerLabelNearTheRightEdgeGoesLeftOfItsLineInsteadOfBeingCut() {
        double right = 600;
        assertEquals(103, OffloadChart.labelLeft(100, 70, right), "room on the right: right of the line");
        double left = OffloadChart.labelLeft(590, 70, right);
        assertTrue(left + 70 <= right && left < 590, "ends before the edge, left of the line: " + left);
        assertEquals(56, OffloadChart.labelLeft(60, 700, right), "wider than the plot: starts at the plot");
    }

    @Test
    void aForksKstatRowsGetAChartOfTheirOwnOnceTheyHaveARate(FxRobot robot) throws Exception {
        add(true);
        add(true);
        settle();
        assertTrue(robot.lookup("#chart-kstat-rows").tryQuery().isEmpty(), "OpenZFS's counters only: no such chart");
        for (long errTimeout : new long[] {10, 13}) {
            int i = ++n;
            StreamSample s = new StreamSample(i, OptionalLong.of(i * 1_000_000_000L), Optional.of(QatKstat.of(KstatParser.parse(
                    "19 1 0x01 2 48 1 2\nname                            type data\n"
                            + "comp_requests                   4    " + (1000L * i) + "\n"
                            + "err_timeout                     4    " + errTimeout + "\n"))), Map.of(), List.of());
            WaitForAsyncUtils.asyncFx(() -> vm.add(List.of(s))).get(30, TimeUnit.SECONDS);
        }
        settle();
        assertTrue(shown(robot, "#chart-kstat-rows"), "the fork's row is charted");
        Label value = robot.lookup("#kstat-rows-value-0").queryAs(Label.class);
        assertTrue(value.getText().startsWith("3"), "err_timeout went up by 3 in a second: " + value.getText());
    }

    private boolean shown(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n.getScene() != null && n.isVisible();
    }

    /** Adds one sample (with ZFS's QAT counters, or none at all) on the FX thread. */
    private void add(boolean counters) throws Exception {
        add(counters, 1000L * ++n);
    }

    private void add(boolean counters, long compRequests) throws Exception {
        int i = ++n;
        StreamSample s = new StreamSample(i, OptionalLong.of(i * 1_000_000_000L),
                counters ? Optional.of(kstat(1000L * i + compRequests)) : Optional.empty(), Map.of(), List.of());
        WaitForAsyncUtils.asyncFx(() -> vm.add(List.of(s))).get(30, TimeUnit.SECONDS);
    }

    /** Lets the pending frame (if any) run, then reads how many times the canvases were drawn. */
    private long settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents(5);
        return WaitForAsyncUtils.asyncFx(pane::canvasDrawCount).get(30, TimeUnit.SECONDS);
    }

    private static QatKstat kstat(long compRequests) throws Exception {
        return QatKstat.of(KstatParser.parse("19 1 0x01 1 48 1 2\nname                            type data\n"
                + "comp_requests                   4    " + compRequests + "\n"));
    }
}
