package org.qatwb.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qatwb.app.gui.charts.ChartsPane;
import org.qatwb.app.settings.AuthMethod;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.model.history.KstatSeries;
import org.qatwb.model.history.Metric;
import org.qatwb.model.history.SeriesCatalog;
import org.qatwb.model.kstat.QatService;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.sim.SimOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, headless (Monocle), against the in-process simulated NAS: what a user
 * sees on the first run, a switch flipped, the charts moving, a changed host key refused.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private final BuiltInSimulator sims = new BuiltInSimulator(SimOptions::demo);
    private Workbench workbench;
    private Path config;

    @Start
    void start(Stage stage) throws IOException {
        config = Files.createTempDirectory("qatwb-ui-test");
        workbench = new Workbench(config, sims);
        new MainWindow(stage, workbench).show();
        workbench.viewModel().start();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(workbench::close).get(30, TimeUnit.SECONDS);
    }

    @Test
    void firstRunShowsTheSimulatedNasAndASwitchChangesItAndTheChartsMove(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#devices").tryQuery().isPresent()
                && ((TreeTableView<?>) robot.lookup("#devices").query()).getRoot().getChildren().size() == 3);
        assertTrue(robot.lookup("#sim-badge").query().isVisible(), "labelled as simulated");
        assertEquals("active", ((Label) robot.lookup("#status-qat-service").query()).getText());
        // each card with its generation and the driver that owns it (issue 16, section 3)
        assertEquals("Intel QAT 1.x out-of-tree 4.24.0 (qat_c62x)",
                ((Label) robot.lookup("#qat-card-0000-3d-00-0").query()).getText());

        Path param = sims.get("c62x").root().resolve("sys/module/zfs/parameters/zfs_qat_compress_disable");
        assertEquals("0", Files.readString(param).strip());
        robot.clickOn("#switch-compress");
        waitUntil(() -> Files.readString(param).strip().equals("1"));
        waitUntil(() -> ((Label) robot.lookup("#state-compress").query()).getText().equals("off"));
        robot.clickOn("#switch-compress");
        waitUntil(() -> Files.readString(param).strip().equals("0"));

        clickTab(robot, "#charts-tab");
        ChartsPane charts = robot.lookup("#charts").queryAs(ChartsPane.class);
        NasViewModel nas = workbench.viewModel().selectedProperty().get();
        KstatSeries comp = SeriesCatalog.kstat(QatService.COMPRESSION, Metric.REQUESTS_PER_S).orElseThrow();
        long drawnBefore = charts.drawCount();
        waitUntil(() -> nas.charts().history().last(comp) > 0 && charts.drawCount() > drawnBefore + 2);
        assertTrue(nas.charts().history().events().stream().anyMatch(e -> e.label().contains("Compression offload off")),
                "the switch left a marker on the charts");
    }

    @Test
    void aChangedHostKeyIsRefusedInTheWindow(FxRobot robot) throws Exception {
        SimEndpoint e = sims.get("c62x").endpoint();
        Path knownHosts = config.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + e.port()
                + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHrhCfHL6XMG4wZH1XA9r7eYxl2SbbDTxEtwMvoTstg9\n");
        SavedConnection c = new SavedConnection("old key", e.host(), e.port(), e.user(), AuthMethod.KEY,
                e.identity().toString(), false, knownHosts.toString());
        robot.interact(() -> workbench.viewModel().connect(c, false));
        waitUntil(() -> robot.lookup("#failure-title").tryQuery().map(Node::isVisible).orElse(false));
        assertEquals("Host key refused", ((Label) robot.lookup("#failure-title").query()).getText());
        String detail = ((Label) robot.lookup("#failure-detail").query()).getText();
        assertTrue(detail.contains(knownHosts + ":1"), detail);
        assertTrue(robot.lookup("#notices").queryParent().getChildrenUnmodifiable().size() > 0, "a notification too");
    }

    @Test
    void theDoctorNamesEveryBrokenLinkAndOneClickAppliesTheBlacklistFix(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.viewModel().openSimulated("broken"));
        waitUntil(() -> workbench.viewModel().selectedProperty().get().snapshotProperty().get() != null);
        clickTab(robot, "#doctor-tab");
        waitUntil(() -> robot.lookup("#doctor-status-qat-kapi").tryQuery().isPresent());
        for (String id : new String[] {"qat-vf-blacklist", "qat-kernel-instances", "zfs-params",
                "zfs-datasets-offloadable"}) {
            assertEquals("fail", ((Label) robot.lookup("#doctor-status-" + id).query()).getText(), id);
        }
        // ENABLE_KAPI is off, but this box's zfs.ko holds qat_api itself
        assertEquals("warn", ((Label) robot.lookup("#doctor-status-qat-kapi").query()).getText());
        assertEquals("pass", ((Label) robot.lookup("#doctor-status-qat-driver").query()).getText());
        assertTrue(((Label) robot.lookup("#doctor-counts").query()).getText().contains("fail"));
        scrollIntoView(robot, "#fix-qat-vf-blacklist"); // the longer messages above may push it below the fold
        robot.clickOn("#fix-qat-vf-blacklist");
        waitUntil(() -> robot.lookup("#fix-diff").tryQuery().isPresent());
        javafx.scene.control.ListView<?> diff = robot.lookup("#fix-diff").queryAs(javafx.scene.control.ListView.class);
        assertTrue(diff.getItems().stream().anyMatch(l -> l.toString().startsWith("-blacklist qat_c62xvf")), diff.getItems().toString());
        robot.clickOn("Apply");
        Path blacklist = sims.get("broken").root().resolve("etc/modprobe.d/blacklist-qat-vfs.conf");
        waitUntil(() -> !Files.readString(blacklist).contains("blacklist qat_c62xvf"));
        robot.clickOn("#doctor-run");
        // the file no longer blocks the driver, but nothing has loaded it: the link now asks for modprobe
        waitUntil(() -> robot.lookup("#doctor-qat-vf-blacklist").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("qat_c62xvf is not loaded although")).orElse(false));
    }

    @Test
    void theDashboardWarnsWhileTheKernelThatBootsNextWouldLoseQat(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#devices").tryQuery().isPresent());
        assertFalse(robot.lookup("#kernel-guard").query().isVisible(), "c62x boots its running kernel again");
        robot.interact(() -> workbench.viewModel().openSimulated("new-kernel"));
        waitUntil(() -> robot.lookup("#kernel-guard").queryAll().stream().anyMatch(Node::isVisible));
        Label notice = (Label) robot.lookup("#kernel-guard").queryAll().stream().filter(Node::isVisible).findFirst()
                .orElseThrow();
        assertTrue(notice.getText().startsWith("The next boot would lose QAT: kernel 6.1.0-31-amd64 (boots next)"),
                notice.getText());
    }

    /** Scrolls the doctor pane holding the first node of {@code query} so that the node is in its viewport. */
    private static void scrollIntoView(FxRobot robot, String query) {
        robot.interact(() -> {
            for (javafx.scene.Node n : java.util.List.<javafx.scene.Node>of(robot.lookup(query).query())) {
                javafx.scene.Node p = n.getParent();
                while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                    p = p.getParent();
                }
                if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                    double y = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
                    double room = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                    sp.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, y / room)));
                }
            }
        });
    }

    @Test
    void theZiaPanelSetsTheProviderAndAnOffloadAndSaysWhatAChangeBringsAlong(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#devices").tryQuery().isPresent());
        robot.clickOn("#simulated-menu");
        robot.clickOn("#simulated-broken-zia");
        waitUntil(() -> workbench.viewModel().selectedProperty().get().target().title().equals("Simulated broken (Z.I.A.)")
                && workbench.viewModel().selectedProperty().get().snapshotProperty().get() != null);
        clickTab(robot, "#doctor-tab");
        waitUntil(() -> robot.lookup("#zia-panel").tryQuery().isPresent());
        assertEquals("fail", ((Label) robot.lookup("#doctor-status-zia-status").query()).getText());
        robot.interact(() -> robot.lookup("#doctor-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        Path pools = sims.get(new org.qatwb.app.workbench.NasTarget.Simulated("broken", true)).root()
                .resolve(".sim/state/zpool_props.tsv");

        robot.doubleClickOn("#zia-provider-tank").eraseText(3).write("zia_software_provider");
        robot.clickOn("#zia-set-provider-tank");
        waitUntil(() -> robot.lookup("#doctor-status-zia-status").tryQuery()
                .map(n -> ((Label) n).getText().equals("pass")).orElse(false));
        assertTrue(Files.readString(pools).contains("tank\tzia_provider\tzia_software_provider\t"));

        // with zia_checksum on, a reconstruction brings nothing along: set at once
        waitUntil(() -> robot.lookup("#zia-tank-zia_raidz1_rec").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.interact(() -> robot.lookup("#doctor-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#zia-tank-zia_raidz1_rec");
        waitUntil(() -> Files.readString(pools).contains("tank\tzia_raidz1_rec\ton\t"));
        // checksums off would leave the reconstruction idle: asked first, and cancelled
        waitUntil(() -> robot.lookup("#zia-tank-zia_checksum").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.interact(() -> robot.lookup("#doctor-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#zia-tank-zia_checksum");
        waitUntil(() -> robot.lookup("#zia-consequences").tryQuery().isPresent());
        assertEquals("· zia_raidz1_rec is on, and without zia_checksum ZFS offloads no reconstruction",
                ((Label) robot.lookup("#zia-consequences").query()).getText());
        robot.clickOn("Cancel");
        assertTrue(robot.lookup("#zia-tank-zia_checksum").queryAs(atlantafx.base.controls.ToggleSwitch.class).isSelected());
        assertTrue(Files.readString(pools).contains("tank\tzia_checksum\ton\t"));

        // nothing kept yet: the panel says the next import or reboot loses it, and Keep keeps it
        assertTrue(((Label) robot.lookup("#zia-kept-tank").query()).getText().startsWith("Nothing kept"));
        assertEquals("dpusm loaded", ((Label) robot.lookup("#zia-dpusm").query()).getText());
        robot.interact(() -> robot.lookup("#doctor-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#zia-keep-tank");
        // the diff first: nothing is kept until the dialog's Keep
        waitUntil(() -> robot.lookup("#zia-keep-diff").tryQuery().isPresent());
        assertTrue(((Label) robot.lookup("#zia-kept-tank").query()).getText().startsWith("Nothing kept"));
        robot.clickOn("#zia-keep-confirm");
        waitUntil(() -> robot.lookup("#zia-kept-tank").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("Kept settings are live; set again at boot")).orElse(false));
    }

    @Test
    void draggingAnInstanceOntoACoreOfTheOtherNodeShowsTheFindingAndTheDiff(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#devices").tryQuery().isPresent());
        clickTab(robot, "#layout-tab");
        waitUntil(() -> robot.lookup("#tile-c6xxvf_dev0").tryQuery().isPresent());
        robot.clickOn("#tile-c6xxvf_dev0");
        String instance = "#instance-c6xxvf-dev0--KERNEL-QAT--Cy0";
        waitUntil(() -> robot.lookup(instance).tryQuery().isPresent());
        robot.drag(instance).dropTo("#core-14");
        waitUntil(() -> robot.lookup("#layout-findings").queryAs(javafx.scene.control.ListView.class).getItems().size() > 0);
        javafx.scene.control.ListView<?> findings = robot.lookup("#layout-findings").queryAs(javafx.scene.control.ListView.class);
        assertTrue(findings.getItems().stream().anyMatch(f -> f.toString().contains("affinity.remote-node")
                || f.toString().contains("AFFINITY_REMOTE_NODE")), findings.getItems().toString());
        // the VF's Cy and Dc moved together (one bank, one core): both are now on the other node
        assertTrue(((Label) robot.lookup("#layout-cap").query()).getText().contains("2 warning"));
        assertTrue(((Label) robot.lookup("#layout-note").query()).getText().contains("moved to core 14 together"));
        robot.clickOn("#layout-apply");
        waitUntil(() -> robot.lookup("#apply-diff").tryQuery().isPresent());
        javafx.scene.control.ListView<?> diff = robot.lookup("#apply-diff").queryAs(javafx.scene.control.ListView.class);
        assertTrue(diff.getItems().stream().anyMatch(l -> l.toString().equals("+Cy0CoreAffinity = 14")), diff.getItems().toString());
        robot.clickOn("Cancel");
    }

    @Test
    void theConnectDialogSaysWhatIsWrongBeforeConnecting(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#devices").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#connect-host").tryQuery().isPresent());
        robot.clickOn("#connect-host").write("nas.lan");
        robot.clickOn("#connect-port").write("99999");
        robot.clickOn("Connect");
        Label error = robot.lookup("#connect-error").queryAs(Label.class);
        assertEquals("Port: 99999 is not 1..65535", error.getText());
        assertTrue(robot.lookup("#connect-host").tryQuery().isPresent(), "the dialog stays open");
        robot.clickOn("Cancel");
        waitUntil(() -> robot.lookup("#connect-host").tryQuery().isEmpty());
        assertEquals(1, workbench.viewModel().openNas().size(), "nothing was opened");
        assertTrue(workbench.viewModel().savedConnections().isEmpty(), "nothing was saved");
    }

    /**
     * Waits for {@code condition}, evaluated on the FX thread: a lookup from the test thread walks the
     * scene graph while the FX thread rebuilds a pane, and then fails with an index out of bounds.
     */
    @Test
    void aVfDroppedOnACoreIsPinnedOnlyAfterTheDialogsYes(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#devices").tryQuery().isPresent());
        clickTab(robot, "#layout-tab");
        waitUntil(() -> robot.lookup("#tile-c6xxvf_dev0").tryQuery().isPresent());
        Path unit = sims.get("c62x").root().resolve(org.qatwb.model.irq.IrqPinUnit.PATH.substring(1));
        robot.drag("#tile-c6xxvf_dev0").dropTo("#core-9");
        waitUntil(() -> robot.lookup("#irq-pin-diff").tryQuery().isPresent());
        assertTrue(!Files.exists(unit), "nothing written while the diff is shown");
        robot.clickOn("Cancel");
        waitUntil(() -> robot.lookup("#irq-pin-diff").tryQuery().isEmpty());
        assertTrue(!Files.exists(unit), "Cancel writes nothing");
        assertTrue(!robot.lookup("#vf-core-report").query().isVisible(), "nothing happened to report");

        robot.drag("#tile-c6xxvf_dev0").dropTo("#core-9");
        waitUntil(() -> robot.lookup("#irq-pin-ok").tryQuery().isPresent());
        robot.clickOn("#irq-pin-ok");
        waitUntil(() -> Files.exists(unit));
        waitUntil(() -> ((Label) robot.lookup("#vf-core-report").query()).getText().contains("pinned to core 9"));
    }

    /**
     * Clicks a tab once its header is on screen: a Tab's id lands on its header node, which the tab
     * pane's skin makes at its next layout, possibly after the snapshot a test waited for arrived.
     */
    private static void clickTab(FxRobot robot, String id) throws TimeoutException {
        waitUntil(() -> robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn(id);
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** The NAS's fifth tab is the Benchmark page, reached with Ctrl+5. */
    @Test
    void ctrl5ShowsTheBenchmarkPageAfterTheLayout(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#nas-views").tryQuery().map(Node::isVisible).orElse(false));
        TabPane views = robot.lookup("#nas-views").queryAs(TabPane.class);
        assertEquals(List.of("dashboard-tab", "charts-tab", "doctor-tab", "layout-tab", "benchmark-tab"),
                views.getTabs().stream().map(Tab::getId).toList());
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
