package org.qatwb.app.gui.doctor;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.gui.common.DiffView;
import org.qatwb.app.viewmodel.ZiaViewModel;
import org.qatwb.model.zia.ZiaKeepPreview;

/**
 * What "Keep these settings" will write, before anything is: the kept settings' diff, the hook
 * files written with them, the commands run, and a caution when the kept file holds lines qatwb
 * does not write (keeping drops them). Cancel is the default button: Enter writes nothing. Shown
 * without blocking; the answer goes to {@link ZiaViewModel#confirmKeep()} or
 * {@link ZiaViewModel#cancelKeep()}.
 */
final class ZiaKeepDialog {

    private ZiaKeepDialog() {
    }

    /** Shows the pending keep; the answer goes back to {@code vm} when the dialog closes. */
    static void show(Window owner, ZiaViewModel vm, ZiaKeepPreview preview) {
        Dialog<Boolean> d = dialog(preview);
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setOnHidden(e -> {
            if (Boolean.TRUE.equals(d.getResult())) {
                vm.confirmKeep();
            } else {
                vm.cancelKeep();
            }
        });
        d.show();
    }

    static Dialog<Boolean> dialog(ZiaKeepPreview preview) {
        String pool = preview.plan().pool();
        Dialog<Boolean> d = new Dialog<>();
        d.setTitle("Keep the Z.I.A. settings of pool " + pool);
        d.setHeaderText(preview.plan().words().isEmpty()
                ? "Pool " + pool + " has every offload off: it is taken out of the kept settings"
                : "Pool " + pool + "'s settings are set again at boot and after each import: "
                        + String.join(" ", preview.plan().words()));
        VBox box = new VBox(8);
        preview.caution().ifPresent(c -> {
            Label l = wrapped("Caution: " + c + ".");
            l.setId("zia-keep-caution");
            l.getStyleClass().add(Styles.WARNING);
            box.getChildren().add(l);
        });
        Label files = wrapped("Writes " + String.join(", ", preview.files())
                + " (the hooks as qatwb writes them); the kept settings' diff:");
        files.setId("zia-keep-files");
        box.getChildren().add(files);
        DiffView diff = new DiffView();
        diff.show(preview.diff());
        diff.setId("zia-keep-diff");
        diff.setPrefSize(720, 200);
        box.getChildren().add(diff);
        Label steps = wrapped("Then, on the NAS: " + String.join("; ", preview.steps()));
        steps.setId("zia-keep-steps");
        box.getChildren().add(steps);
        d.getDialogPane().setContent(box);
        d.getDialogPane().setPrefWidth(760);
        ButtonType keep = new ButtonType("Keep", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(keep, ButtonType.CANCEL);
        Button keepButton = (Button) d.getDialogPane().lookupButton(keep);
        keepButton.setId("zia-keep-confirm");
        // what is written to a root-read file is never one Enter away
        keepButton.setDefaultButton(false);
        ((Button) d.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        d.setResultConverter(b -> b == keep ? Boolean.TRUE : null);
        return d;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(720);
        return l;
    }
}
