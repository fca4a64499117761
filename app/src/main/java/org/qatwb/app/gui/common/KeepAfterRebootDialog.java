package org.qatwb.app.gui.dashboard;

import atlantafx.base.theme.Styles;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.gui.common.DiffView;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.PersistTarget;

/** Shows what "Keep after reboot" will write, as a diff, and the commands it will run, before anything changes. */
final class KeepAfterRebootDialog {

    private KeepAfterRebootDialog() {
    }

    static Optional<PersistPlan> confirm(Window owner, PersistPlan plan) {
        Dialog<PersistPlan> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Keep after reboot");
        d.setHeaderText(plan.changes() ? (plan.target() == PersistTarget.TRUENAS_INIT_SCRIPT
                ? "A TrueNAS init script (POSTINIT) will set the offload parameters at every boot"
                : "A systemd unit ordered after qat.service will set the offload parameters at every boot")
                : "Already kept as it is now: nothing to change");
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
        ButtonType apply = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(apply).setDisable(!plan.changes());
        d.setResultConverter(b -> b == apply ? plan : null);
        return d.showAndWait();
    }
}
