package org.qatwb.app.gui.common;

import atlantafx.base.theme.Styles;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.qatwb.app.usecase.apply.When;

/**
 * The three ways a layout reaches the NAS, as radio buttons (the apply and history dialogs): stage
 * for the next boot (the default), restart QAT now, apply and reboot the NAS. Where a restart cannot
 * apply the layout now, its button says why and is disabled.
 */
public final class WhenChoice {

    private final ToggleGroup group = new ToggleGroup();
    private final RadioButton stage;
    private final RadioButton restart;
    private final RadioButton reboot;
    private final VBox box;

    public WhenChoice(Optional<String> restartCannotApply) {
        stage = radio("Stage for the next boot: nothing running is disturbed; the boot check verifies it then", "when-stage");
        restart = radio("Restart QAT now", "when-restart");
        reboot = radio("Apply and reboot the NAS: stage, reboot now, and report what the boot check found", "when-reboot");
        stage.setSelected(true);
        box = new VBox(6, stage, restart);
        restartCannotApply.ifPresent(why -> {
            restart.setDisable(true);
            Label l = new Label(why);   // the use case's line says it all (RestartCheck)
            l.setWrapText(true);
            l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_SUBTLE);
            l.setId("when-restart-why");
            box.getChildren().add(l);
        });
        box.getChildren().add(reboot);
    }

    private RadioButton radio(String text, String id) {
        RadioButton b = new RadioButton(text);
        b.setToggleGroup(group);
        b.setId(id);
        b.setWrapText(true);
        return b;
    }

    public VBox node() {
        return box;
    }

    public RadioButton restartButton() {
        return restart;
    }

    public When when() {
        if (restart.isSelected()) {
            return When.RESTART;
        }
        return reboot.isSelected() ? When.REBOOT : When.STAGE;
    }

    public void select(When w) {
        (w == When.RESTART ? restart : w == When.REBOOT ? reboot : stage).setSelected(true);
    }

    /** The second confirmation a reboot needs: {@code limit} is how long the workbench waits for the NAS. */
    public static Dialog<Boolean> rebootConfirmation(String nas, Duration limit) {
        Dialog<Boolean> d = new Dialog<>();
        d.setTitle("Reboot the NAS?");
        d.setHeaderText("Reboot " + nas + " now?");
        Label what = new Label("The whole NAS reboots, not only QAT: every ZFS pool goes offline until it is imported"
                + " again at boot, and every share, VM and service on it stops meanwhile. The new files are staged first;"
                + " at boot the boot check verifies the layout against the driver's dev_cfg and puts the old files back if"
                + " the driver refuses it. The workbench waits up to " + limit.toMinutes() + " min for the NAS to come back"
                + " and then says what the boot check found.");
        what.setWrapText(true);
        what.setPrefWidth(560);
        what.setMinHeight(Region.USE_PREF_SIZE);
        what.setId("reboot-confirm-text");
        d.getDialogPane().setContent(what);
        // a width of its own: else the wrapping text's one-line width places the dialog before it wraps
        d.getDialogPane().setPrefWidth(600);
        ButtonType reboot = new ButtonType("Reboot the NAS",
                ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(reboot, ButtonType.CANCEL);
        // a reboot is never what Enter does: Cancel is the default
        Button r = (Button) d.getDialogPane().lookupButton(reboot);
        r.setDefaultButton(false);
        r.getStyleClass().add(Styles.DANGER);
        r.setId("reboot-confirm");
        ((Button) d.getDialogPane().lookupButton(ButtonType.CANCEL))
                .setDefaultButton(true);
        d.setResultConverter(b -> b == reboot);
        return d;
    }
}
