package org.qatwb.app.gui.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qatwb.app.gui.Css;
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
 * The layout editor's pane, headless, on the simulated NAS (real SSH, the synchronous executor):
 * an edit redraws the tiles and cores it changed in place and leaves every other node as it was;
 * the form is built again only for another selection; the apply button is drawn as an action
 * beside the others; a NAS without QAT says why instead of a blank grid.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutPaneTest {

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

    /**
     * A connected NAS and its layout pane in the stage, {@code width} wide (Monocle's headless
     * screen is 1280 wide: the 1600 px check is a screenshot under Xvfb); on the FX thread.
     */
    private LayoutPane show(String profile, double width) {
        Prompts refuse = new Prompts(k -> HostKeyDecision.REFUSE, Credentials.none());
        nas = new NasViewModel(new NasTarget.Simulated(profile), t -> NasLink.open(t, refuse, sims), new DirectTasks(),
                new LiveChartsViewModel(new OffloadHistory(60), System::currentTimeMillis, new DirectTasks()));
        // the pane first, as the window makes it: it draws what the first snapshot brings
        LayoutPane pane = new LayoutPane(nas, new LayoutEditorViewModel(nas), stage);
        nas.connect();
        Scene scene = new Scene(pane, width, 900);
        scene.getStylesheets().add(Css.STYLESHEET);
        stage.setScene(scene);
        stage.setWidth(width);
        pane.applyCss();
        pane.layout();
        return pane;
    }

    private static Map<String, Node> byId(Node root, String selector) {
        Map<String, Node> out = new HashMap<>();
        root.lookupAll(selector).forEach(n -> out.put(n.getId(), n));
        return out;
    }

    /** The history dialog opens at once and fills from the transactions' properties when the read arrives. */
    @Test
    void theHistoryDialogShowsWhatTheReadFound() throws Exception {
        fx(() -> {
            LayoutPane pane = show("c62x", 1280);
            Dialog<Void> none = HistoryDialog.show(stage, nas);
            ListView<?> list = (ListView<?>) none.getDialogPane().lookup("#history-list");
            assertEquals("Nothing was applied on this NAS yet", none.getHeaderText());
            assertTrue(list.getItems().isEmpty());
            none.close();

            LayoutEditorViewModel vm = vmOf(pane);
            vm.applyPreset(org.qatwb.model.layout.Preset.ZFS_COMPRESSION);
            vm.apply(org.qatwb.app.usecase.apply.When.STAGE, java.time.Duration.ofSeconds(120));
            Dialog<Void> one = HistoryDialog.show(stage, nas);
            list = (ListView<?>) one.getDialogPane().lookup("#history-list");
            assertEquals(1, list.getItems().size(), one.getHeaderText());
            assertTrue(one.getHeaderText().startsWith("1 transaction(s) kept on the NAS"), one.getHeaderText());
            one.close();

            nas.close();   // the read cannot be asked: the dialog says so instead of "nothing applied"
            Dialog<Void> failed = HistoryDialog.show(stage, nas);
            assertEquals("The history could not be read: not connected to the NAS", failed.getHeaderText());
            failed.close();
            return null;
        });
    }

    @Test
    void anEditRedrawsItsTileInPlaceAndKeepsEveryOtherNodeAndTheForm() throws Exception {
        fx(() -> {
            LayoutPane pane = show("c62x", 1280);
            LayoutEditorViewModel vm = vmOf(pane);
            Map<String, Node> tiles = byId(pane, ".device-tile");
            Map<String, Node> cores = byId(pane, ".core");
            assertEquals(51, tiles.size(), "3 PFs and 48 VFs");
            assertEquals(56, cores.size());
            DeviceKey vf = DeviceKey.parse("c6xxvf_dev4");
            vm.select(List.of(vf));
            DeviceForm form = pane.form();
            int builds = form.builds();
            Node role = pane.lookup("#layout-role");
            Label tile = (Label) tiles.get("tile-c6xxvf_dev4");
            String text = tile.getText();
            assertTrue(text.contains("cy1 dc1"), text);

            vm.setServices("dc");                    // its Cy instance goes: the tile says so, in place
            pane.applyCss();
            pane.layout();
            assertTrue(tile.getText().contains("cy0 dc1"), tile.getText());
            Map<String, Node> after = byId(pane, ".device-tile");
            assertEquals(tiles.keySet(), after.keySet());
            tiles.forEach((id, n) -> assertSame(n, after.get(id), id + " is the node it was"));
            Map<String, Node> coresAfter = byId(pane, ".core");
            cores.forEach((id, n) -> assertSame(n, coresAfter.get(id), id + " is the node it was"));
            assertEquals(builds, form.builds(), "the same selection: the form's controls updated, not built again");
            assertSame(role, pane.lookup("#layout-role"));
            assertEquals("dc", ((ChoiceBox<?>) pane.lookup("#layout-services")).getValue());

            String chipId = "#instance-c6xxvf-dev4--KERNEL-QAT--Dc0";
            Label chip = (Label) pane.lookup(chipId);
            assertNotNull(chip);
            InstanceRef dc = new InstanceRef(vf, "KERNEL_QAT", InstanceKind.DC, 0);
            int core = vm.layoutProperty().get().instance(dc).orElseThrow().core().getAsInt();
            int other = core == 40 ? 41 : 40;
            vm.setAffinity(dc, other);
            assertSame(chip, pane.lookup(chipId), "the chip stays; its text follows");
            assertTrue(chip.getText().contains("core " + other), chip.getText());
            assertTrue(((Label) pane.lookup("#core-" + other)).getTooltip().getText().contains("c6xxvf_dev4"));
            assertSame(cores.get("core-" + other), pane.lookup("#core-" + other));

            vm.select(List.of(DeviceKey.parse("c6xxvf_dev5")));
            assertEquals(builds + 1, form.builds(), "another device: built again");
            assertFalse(tile.getPseudoClassStates().contains(DeviceTile.SELECTED));
            assertTrue(tiles.get("tile-c6xxvf_dev5").getPseudoClassStates().contains(DeviceTile.SELECTED));
            return null;
        });
    }

    @Test
    void reviewAndApplyIsDrawnAsAnActionBesideTheOthersAtEveryWidth() throws Exception {
        for (double width : new double[] {1280, 1024}) {
            fx(() -> {
                LayoutPane pane = show("c62x", width);
                vmOf(pane).select(List.of(DeviceKey.parse("c6xxvf_dev4")));
                vmOf(pane).setServices("dc");        // something to apply: the button is enabled
                pane.applyCss();
                pane.layout();
                Button apply = (Button) pane.lookup("#layout-apply");
                Node history = pane.lookup("#layout-history");
                assertFalse(apply.isDisabled());
                assertTrue(apply.getText().startsWith("Review and apply"));
                double gap = apply.localToScene(apply.getBoundsInLocal()).getMinX()
                        - history.localToScene(history.getBoundsInLocal()).getMaxX();
                assertTrue(gap >= 0 && gap < 40, "beside History…, not at the window's edge: " + gap + " px at " + width);
                assertTrue(apply.localToScene(apply.getBoundsInLocal()).getMaxX() < width, "inside the window at " + width);
                Node cap = pane.lookup("#layout-cap");
                assertNotNull(cap, "the counts stay in the bar, not in its overflow menu, at " + width);
                double capRight = cap.localToScene(cap.getBoundsInLocal()).getMaxX();
                assertTrue(cap.isVisible() && capRight <= width, "the counts end at " + capRight + " of " + width);
                Color fill = (Color) apply.getTextFill();
                List<BackgroundFill> fills = apply.getBackground().getFills();
                Color bg = (Color) fills.get(fills.size() - 1).getFill();
                assertTrue(contrast(fill, bg) >= 3, "text " + fill + " on " + bg + ": contrast " + contrast(fill, bg));
                return null;
            });
        }
    }

    @Test
    void aNasWithoutQatSaysWhyAndWhatToDoAndTurnsPresetsAndApplyOff() throws Exception {
        fx(() -> {
            LayoutPane pane = show("no-qat", 1280);
            Node empty = pane.lookup("#layout-empty");
            assertNotNull(empty, "the empty state, not a blank grid");
            assertTrue(empty.isVisible());
            String why = ((Label) pane.lookup("#layout-empty-why")).getText();
            assertTrue(why.contains("adf_ctl"), why);
            assertTrue(((Label) pane.lookup("#layout-empty-next")).getText().startsWith("Next: "));
            assertTrue(pane.lookup("#layout-findings") == null, "no \"No findings\" over an empty layout");
            assertTrue(((MenuButton) pane.lookup("#layout-presets")).isDisabled());
            Button apply = (Button) pane.lookup("#layout-apply");
            assertTrue(apply.isDisabled());
            assertTrue(apply.getTooltip().getText().startsWith("Nothing to apply: No QAT device"), apply.getTooltip().getText());
            return null;
        });
    }

    private static LayoutEditorViewModel vmOf(LayoutPane pane) {
        return pane.viewModel();
    }

    /** WCAG's contrast ratio of two opaque colours. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
