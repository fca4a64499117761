package org.qatwb.app.gui.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
import org.qatwb.app.viewmodel.VfCoreViewModel;
import org.qatwb.model.adf.DeviceState;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.irq.IrqPin;
import org.qatwb.model.irq.KeptPins;
import org.qatwb.model.irq.IrqPinUnit;
import org.qatwb.model.irq.plan.IrqPinPlan;
import org.qatwb.model.text.UnifiedDiff;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The VF-to-core dialog, headless: it shows where the pin is kept, the diff and the commands before
 * anything is written; Cancel is the default button, and a unit edited by hand is replaced only by
 * a button that says so, after a caution.
 */
@ExtendWith(ApplicationExtension.class)
class IrqPinDialogTest {

    private static final String VF = "0000:3d:01.0";
    private static final IrqPin PIN = new IrqPin(VF, 9);
    private static final QatDevice DEVICE = new QatDevice("qat_dev3", "c6xxvf", true, 0, 0, VF, 1, 1, DeviceState.UP,
            "/etc/c6xxvf_dev0.conf", 4);

    @Start
    void start(Stage stage) {
        stage.show();
    }

    private static VfCoreViewModel.Drop drop(KeptPins kept, Optional<String> caution) {
        String newText = IrqPinUnit.text(List.of(PIN));
        String old = kept.unitText().orElse("");
        IrqPinPlan plan = new IrqPinPlan(PIN, DEVICE, Optional.empty(), List.of(PIN), old, newText,
                UnifiedDiff.of(kept.where(), kept.where(), old, newText), caution, Optional.empty(), kept);
        return new VfCoreViewModel.Drop(VF, 9, Optional.of(plan), Optional.empty());
    }

    private static Dialog<Boolean> built(VfCoreViewModel.Drop drop) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Dialog<Boolean> d = IrqPinDialog.dialog(drop);
            d.getDialogPane().applyCss();
            return d;
        }).get(30, TimeUnit.SECONDS);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theDiffTheCommandsAndWhereAreShownAndCancelIsTheDefault() throws Exception {
        Dialog<Boolean> d = built(drop(KeptPins.none(), Optional.empty()));
        DiffView diff = (DiffView) d.getDialogPane().lookup("#irq-pin-diff");
        assertTrue(diff.getItems().contains("+++ " + IrqPinUnit.PATH), diff.getItems().toString());
        assertTrue(diff.getItems().stream().anyMatch(l -> l.startsWith("+ExecStart=")), diff.getItems().toString());
        String steps = ((Label) d.getDialogPane().lookup("#irq-pin-steps")).getText();
        assertTrue(steps.contains("write " + IrqPinUnit.PATH) && steps.contains("systemctl enable " + IrqPinUnit.NAME),
                steps);
        assertNull(d.getDialogPane().lookup("#irq-pin-caution"), "nothing foreign: no caution");
        Button ok = (Button) d.getDialogPane().lookup("#irq-pin-ok");
        assertEquals("Pin", ok.getText());
        assertFalse(ok.isDefaultButton(), "a write is never one Enter away");
        assertTrue(((Button) d.getDialogPane().lookupButton(ButtonType.CANCEL)).isDefaultButton());
        assertEquals(Boolean.TRUE, fx(() -> d.getResultConverter().call(d.getDialogPane().getButtonTypes().get(0))),
                "Pin is the yes");
        assertNull(fx(() -> d.getResultConverter().call(ButtonType.CANCEL)), "Cancel writes nothing");
    }

    @Test
    void aUnitEditedByHandIsReplacedOnlyByItsOwnButtonAfterACaution() throws Exception {
        KeptPins edited = KeptPins.of(Optional.of("[Service]\nExecStart=/usr/local/bin/my-irq-script\n"),
                Optional.of("enabled"));
        assertTrue(edited.foreign());
        Dialog<Boolean> d = built(drop(edited, Optional.of(IrqPinUnit.PATH
                + " was not written by qatwb as it is (edited by hand?): it is replaced")));
        assertTrue(((Label) d.getDialogPane().lookup("#irq-pin-caution")).getText().contains("edited by hand"));
        DiffView diff = (DiffView) d.getDialogPane().lookup("#irq-pin-diff");
        assertTrue(diff.getItems().contains("-ExecStart=/usr/local/bin/my-irq-script"), diff.getItems().toString());
        Button ok = (Button) d.getDialogPane().lookup("#irq-pin-ok");
        assertEquals("Replace the hand edit", ok.getText());
        assertFalse(ok.isDefaultButton());
        assertTrue(((Button) d.getDialogPane().lookupButton(ButtonType.CANCEL)).isDefaultButton());
    }

    @Test
    void aDropThatCannotBePinnedSaysWhyAndWritesNoDiff() throws Exception {
        Dialog<Boolean> d = built(new VfCoreViewModel.Drop("0000:3d:00.0", 9, Optional.empty(),
                Optional.of("0000:3d:00.0 (qat_dev0) is a PF")));
        assertNull(d.getDialogPane().lookup("#irq-pin-diff"));
        assertEquals("Edit layout", ((Button) d.getDialogPane().lookup("#irq-pin-ok")).getText());
        assertTrue(((Label) d.getDialogPane().getHeader()).getText().contains("is a PF"));
    }
}
