package org.qatwb.app.gui.common;

import atlantafx.base.theme.Styles;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.viewmodel.OffloadViewModel;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.PersistTarget;

/**
 * Shows what "Keep after reboot" will write, as a diff, and the commands it will run, before
 * anything changes. A unit or init script edited by hand is replaced only by its own button,
 * "Replace the hand edit", with Cancel the default: Enter keeps the hand edit. The dashboard's
 * Keep… and the doctor's fix both ask here.
 */
public final class KeepAfterRebootDialog {

    /** What the user chose: the plan, and whether that includes replacing a hand edit. */
    public record Choice(PersistPlan plan, boolean replaceEdited) {
    }

    private KeepAfterRebootDialog() {
    }

    public static Optional<Choice> confirm(Window owner, PersistPlan plan) {
        Dialog<Choice> d = dialog(plan);
        d.initOwner(owner);
        return d.showAndWait();
    }

    static Dialog<Choice> dialog(PersistPlan plan) {
        boolean handEdit = OffloadViewModel.replacesHandEdit(plan);
        Dialog<Choice> d = new Dialog<>();
        d.setTitle("Keep after reboot");
        d.setHeaderText(!plan.changes() ? "Already kept as it is now: nothing to change"
                : handEdit ? (plan.target() == PersistTarget.TRUENAS_INIT_SCRIPT
                        ? "The TrueNAS init script was edited by hand: keeping would replace it with what the diff shows"
                        : "The systemd unit was edited by hand: keeping would replace it with what the diff shows")
                : plan.target() == PersistTarget.TRUENAS_INIT_SCRIPT
                        ? "A TrueNAS init script (POSTINIT) will set the offload parameters at every boot"
                        : "A systemd unit ordered after qat.service will set the offload parameters at every boot");
        DiffView diff = new DiffView();
        diff.show(plan.diff());
        diff.setId("keep-diff");
        diff.setPrefSize(720, 320);
        Label steps = new Label("Then, on the NAS: " + String.join("; ", plan.steps()));
        steps.setWrapText(true);
        steps.setMaxWidth(720);
        VBox box = new VBox(8, diff, steps);
        plan.caution().ifPresent(c -> {
            Label l = new Label(c);
            l.setWrapText(true);
            l.setMaxWidth(720);
            l.getStyleClass().add(Styles.WARNING);
            box.getChildren().add(0, l);
        });
        d.getDialogPane().setContent(box);
        ButtonType apply = handEdit ? new ButtonType("Replace the hand edit", ButtonBar.ButtonData.OTHER)
                : new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        Button applyButton = (Button) d.getDialogPane().lookupButton(apply);
        applyButton.setId("keep-apply");
        applyButton.setDisable(!plan.changes());
        if (handEdit) {
            applyButton.setDefaultButton(false);
            ((Button) d.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        }
        d.setResultConverter(b -> b == apply ? new Choice(plan, handEdit) : null);
        return d;
    }
}
