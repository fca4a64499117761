package org.qatwb.app.gui.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qatwb.app.gui.common.DiffView;
import org.qatwb.model.zia.ZiaHooks;
import org.qatwb.model.zia.ZiaHost;
import org.qatwb.model.zia.ZiaKeepPlan;
import org.qatwb.model.zia.ZiaKeepPreview;
import org.qatwb.model.zia.ZiaKept;
import org.qatwb.model.zia.ZiaProperty;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Z.I.A. keep dialog, headless: the kept settings' diff, the hook files and the commands
 * before anything is written; Cancel is the default button; a kept file edited by hand is
 * cautioned about.
 */
@ExtendWith(ApplicationExtension.class)
class ZiaKeepDialogTest {

    private static final Map<ZiaProperty, String> VALUES = Map.of(ZiaProperty.PROVIDER, "zia_software_provider",
            ZiaProperty.COMPRESS, "on");

    @Start
    void start(Stage stage) {
        stage.show();
    }

    private static ZiaKeepPreview preview(ZiaKept before) {
        ZiaKeepPlan plan = new ZiaKeepPlan("tank", VALUES, before.with("tank", VALUES), Optional.empty());
        return ZiaKeepPreview.of(new ZiaHost(Optional.of(true), before, false, false), plan);
    }

    private static Dialog<Boolean> built(ZiaKeepPreview p) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Dialog<Boolean> d = ZiaKeepDialog.dialog(p);
            d.getDialogPane().applyCss();
            return d;
        }).get(30, TimeUnit.SECONDS);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theKeptSettingsDiffTheHooksAndTheCommandsAreShownAndCancelIsTheDefault() throws Exception {
        Dialog<Boolean> d = built(preview(ZiaKept.parse("tank zia_compress off\nother zia_compress on\n")));
        DiffView diff = (DiffView) d.getDialogPane().lookup("#zia-keep-diff");
        assertTrue(diff.getItems().contains("-tank zia_compress off"), diff.getItems().toString());
        assertTrue(diff.getItems().contains("+tank zia_compress on"), diff.getItems().toString());
        assertTrue(diff.getItems().contains("+tank zia_provider zia_software_provider"), diff.getItems().toString());
        String where = ((Label) d.getDialogPane().lookup("#zia-keep-files")).getText();
        assertTrue(where.contains(ZiaKept.PATH) && where.contains(ZiaHooks.ZEDLET) && where.contains(ZiaHooks.SCRIPT)
                && where.contains(ZiaKeepPreview.UNIT_PATH), where);
        assertTrue(((Label) d.getDialogPane().lookup("#zia-keep-steps")).getText()
                .contains("systemctl enable " + ZiaHooks.UNIT));
        assertNull(d.getDialogPane().lookup("#zia-keep-caution"));
        Button keep = (Button) d.getDialogPane().lookup("#zia-keep-confirm");
        assertFalse(keep.isDefaultButton(), "a write is never one Enter away");
        assertTrue(((Button) d.getDialogPane().lookupButton(ButtonType.CANCEL)).isDefaultButton());
        assertNull(fx(() -> d.getResultConverter().call(ButtonType.CANCEL)), "Cancel writes nothing");
    }

    @Test
    void aKeptFileEditedByHandIsCautionedAboutAndKeepIsTheUsersYes() throws Exception {
        Dialog<Boolean> d = built(preview(ZiaKept.parse("tank zia_compress on\nmy note\n")));
        assertTrue(((Label) d.getDialogPane().lookup("#zia-keep-caution")).getText().contains("which keeping drops"));
        assertEquals(Boolean.TRUE, fx(() -> d.getResultConverter().call(d.getDialogPane().getButtonTypes().get(0))));
    }
}
