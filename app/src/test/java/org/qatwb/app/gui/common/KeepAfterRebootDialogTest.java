package org.qatwb.app.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.persist.PersistTarget;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.zfs.ZfsParam;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keep-after-reboot dialog: a hand-edited unit is replaced only by a button of its own, and
 * Cancel is the default (Enter keeps the hand edit); a plain change keeps Apply as the default.
 */
@ExtendWith(ApplicationExtension.class)
class KeepAfterRebootDialogTest {

    private static final String EDITED = ZfsQatUnit.text(EnumSet.of(ZfsParam.COMPRESS))
            .replace("Wants=qat.service\n", "Wants=qat.service\nConditionPathExists=/etc/my-flag\n");

    @Start
    void start(Stage stage) {
        stage.show();
    }

    private record Buttons(Dialog<KeepAfterRebootDialog.Choice> dialog, Button apply, Button cancel) {
    }

    private static Buttons build(PersistPlan plan) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Dialog<KeepAfterRebootDialog.Choice> d = KeepAfterRebootDialog.dialog(plan);
            return new Buttons(d, (Button) d.getDialogPane().lookupButton(d.getDialogPane().getButtonTypes().get(0)),
                    (Button) d.getDialogPane().lookupButton(ButtonType.CANCEL));
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aHandEditIsReplacedOnlyByItsOwnButtonAndCancelIsTheDefault() throws Exception {
        PersistPlan plan = PersistPlan.of(new PersistState.Foreign(PersistTarget.SYSTEMD_UNIT, EDITED,
                "not as QAT Workbench writes it", List.of()), EnumSet.of(ZfsParam.COMPRESS, ZfsParam.CHECKSUM));
        Buttons b = build(plan);
        assertEquals("Replace the hand edit", b.apply().getText());
        assertFalse(b.apply().isDefaultButton());
        assertTrue(b.cancel().isDefaultButton());
        assertTrue(b.dialog().getHeaderText().contains("edited by hand"), b.dialog().getHeaderText());
        KeepAfterRebootDialog.Choice chosen = WaitForAsyncUtils.asyncFx(() -> b.dialog().getResultConverter()
                .call(b.dialog().getDialogPane().getButtonTypes().get(0))).get(30, TimeUnit.SECONDS);
        assertEquals(new KeepAfterRebootDialog.Choice(plan, true), chosen);
        assertNull(WaitForAsyncUtils.asyncFx(() -> b.dialog().getResultConverter().call(ButtonType.CANCEL))
                .get(30, TimeUnit.SECONDS));
    }

    @Test
    void aChangeOfOurOwnUnitKeepsApplyAsTheDefault() throws Exception {
        PersistPlan plan = PersistPlan.of(new PersistState.None(PersistTarget.SYSTEMD_UNIT), EnumSet.of(ZfsParam.COMPRESS));
        Buttons b = build(plan);
        assertEquals("Apply", b.apply().getText());
        assertTrue(b.apply().isDefaultButton());
        assertFalse(b.cancel().isDefaultButton());
        assertEquals(new KeepAfterRebootDialog.Choice(plan, false), WaitForAsyncUtils.asyncFx(() -> b.dialog()
                .getResultConverter().call(b.dialog().getDialogPane().getButtonTypes().get(0))).get(30, TimeUnit.SECONDS));
    }
}
