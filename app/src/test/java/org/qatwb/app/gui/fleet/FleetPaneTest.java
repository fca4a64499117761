package org.qatwb.app.gui.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qatwb.app.gui.MainWindow;
import org.qatwb.app.gui.Workbench;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.viewmodel.fleet.FleetRowViewModel;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.sim.SimOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless: on the built-in simulator the fleet page shows the simulated NAS at a
 * glance, and a double-click opens one in its tab (an open one is selected, not opened again).
 */
@ExtendWith(ApplicationExtension.class)
class FleetPaneTest {

    private final BuiltInSimulator sims = new BuiltInSimulator(p -> SimOptions.driven(p).withDemoLoad(true));
    private Workbench workbench;

    @Start
    void start(Stage stage) throws IOException {
        Path config = Files.createTempDirectory("qatwb-fleet-test");
        workbench = new Workbench(config, sims);
        new MainWindow(stage, workbench).show();
        workbench.viewModel().start();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(workbench::close).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theFleetShowsTheSimulatedNasAndADoubleClickOpensOneInItsSelectedTab(FxRobot robot) throws Exception {
        // the first run opens the simulated C62x as before; the fleet was not read meanwhile
        waitUntil(() -> workbench.viewModel().openNas().size() == 1);
        assertTrue(workbench.fleet().rows().isEmpty(), "a page never shown is never read");

        robot.clickOn("#fleet-button");
        waitUntil(() -> robot.lookup("#fleet-table").tryQuery().map(n -> n.isVisible()).orElse(false));
        List<String> names = List.of("sim-c62x", "sim-dh8950", "sim-no-qat", "sim-broken", "sim-new-kernel");
        waitUntil(() -> workbench.fleet().rows().size() == 5
                && workbench.fleet().rows().stream().allMatch(r -> r.glanceProperty().get() != null));
        TableView<?> table = robot.lookup("#fleet-table").queryAs(TableView.class);
        assertEquals(5, table.getItems().size());
        for (String n : names) {
            assertTrue(robot.lookup(n).tryQuery().isPresent(), n + " in the table");
        }
        FleetRowViewModel c62x = row("sim-c62x");
        assertEquals("reachable", c62x.reachProperty().get(), c62x.detailProperty().get());
        assertEquals("on", c62x.offloadProperty(org.qatwb.model.zfs.ZfsParam.COMPRESS).get());
        assertTrue(row("sim-broken").doctorProperty().get().contains("fail"), row("sim-broken").doctorProperty().get());
        // its running system is c62x's, but the kernel that boots next would lose QAT
        assertTrue(row("sim-new-kernel").doctorProperty().get().contains("fail"), row("sim-new-kernel").doctorProperty().get());
        assertTrue(robot.lookup("#fleet-summary").queryLabeled().getText().startsWith("5 NAS · 5 reachable"),
                robot.lookup("#fleet-summary").queryLabeled().getText());

        robot.doubleClickOn("sim-dh8950");
        waitUntil(() -> workbench.viewModel().openNas().size() == 2);
        NasViewModel dh = workbench.viewModel().selectedProperty().get();
        assertEquals(new NasTarget.Simulated("dh8950"), dh.target());
        waitUntil(() -> robot.lookup("#nas-tabs").tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false));
        TabPane tabs = robot.lookup("#nas-tabs").queryAs(TabPane.class);
        assertSame(dh, tabs.getSelectionModel().getSelectedItem().getUserData(), "its tab is the selected one");
        assertFalse(workbench.viewModel().fleetShownProperty().get());

        // the C62x is open already: its tab is selected, not a second one opened
        robot.clickOn("#fleet-button");
        waitUntil(() -> robot.lookup("sim-c62x").tryQuery().isPresent());
        robot.clickOn("#fleet-open-sim-c62x");
        waitUntil(() -> !workbench.viewModel().fleetShownProperty().get());
        assertEquals(2, workbench.viewModel().openNas().size());
        assertEquals(new NasTarget.Simulated("c62x"), workbench.viewModel().selectedProperty().get().target());
        assertEquals(new NasTarget.Simulated("c62x"),
                ((NasViewModel) tabs.getSelectionModel().getSelectedItem().getUserData()).target());
    }

    private FleetRowViewModel row(String name) {
        return workbench.fleet().rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
