package org.qatwb.app.gui.layout;

import atlantafx.base.theme.Styles;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.gui.common.DiffView;
import org.qatwb.app.gui.common.WhenChoice;
import org.qatwb.app.usecase.apply.ApplyRequest;
import org.qatwb.app.usecase.apply.When;
import org.qatwb.app.viewmodel.LayoutEditorViewModel;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.layout.Compilation;

/**
 * The diff of every file, the findings, and how to apply: stage for the next boot (the default),
 * restart QAT now, or apply and reboot the NAS (after a second confirmation).
 */
final class ApplyDialog {

    /** What the user chose. */
    record Choice(When when, Duration confirmTimeout) {
    }

    private ApplyDialog() {
    }

    static void show(Window owner, LayoutEditorViewModel vm, NasViewModel nas) {
        Compilation c = vm.compilationProperty().get();
        if (c == null) {
            return;
        }
        Dialog<Choice> d = dialog(c, nas.transactions().restartCannotApply());
        d.initOwner(owner);
        d.showAndWait().filter(choice -> choice.when() != When.REBOOT || confirmReboot(owner, nas))
                .ifPresent(choice -> vm.apply(choice.when(), choice.confirmTimeout()));
    }

    /** The second confirmation of a reboot; false unless the user chose to reboot. */
    static boolean confirmReboot(Window owner, NasViewModel nas) {
        Dialog<Boolean> confirm = WhenChoice.rebootConfirmation(nas.target().title(), ApplyRequest.DEFAULT_REBOOT_LIMIT);
        confirm.initOwner(owner);
        return confirm.showAndWait().orElse(false);
    }

    static Dialog<Choice> dialog(Compilation c, Optional<String> restartCannotApply) {
        Dialog<Choice> d = new Dialog<>();
        d.setTitle("Apply the layout");
        long files = c.changes().stream().filter(f -> f.changes()).count();
        d.setHeaderText(files + " file(s) change" + (c.errors() > 0 ? "; " + c.errors() + " error(s): this layout cannot be applied" : ""));
        DiffView diff = new DiffView();
        diff.setId("apply-diff");
        diff.show(c.diff());
        diff.setPrefSize(820, 380);

        WhenChoice when = new WhenChoice(restartCannotApply);
        Label warning = new Label("Restarting QAT while ZFS holds instances is risky: sessions in flight, devices that may"
                + " refuse to stop, and on some systems a network link drop. The NAS sets the ZFS parameters to 1 first,"
                + " verifies every device after the restart, and rolls back by itself unless the workbench confirms over a"
                + " new connection in time.");
        warning.setWrapText(true);
        warning.setMaxWidth(820);
        warning.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        warning.visibleProperty().bind(when.restartButton().selectedProperty());
        warning.managedProperty().bind(when.restartButton().selectedProperty());
        Spinner<Integer> timeout = new Spinner<>(30, 900, (int) ApplyPlan.DEFAULT_CONFIRM_TIMEOUT.toSeconds(), 30);
        timeout.setEditable(true);
        timeout.setId("apply-confirm-timeout");
        HBox timeoutRow = new HBox(8, new Label("Roll back unless confirmed within (s)"), timeout);
        timeoutRow.disableProperty().bind(when.restartButton().selectedProperty().not());

        d.getDialogPane().setContent(new VBox(10, diff, when.node(), warning, timeoutRow));
        d.getDialogPane().setPrefWidth(880);
        // the wrapped choice labels make the pane's computed width collapse to theirs: the diff needs room
        d.getDialogPane().setMinWidth(880);
        d.setResizable(true);
        ButtonType apply = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(apply).setDisable(!c.applicable() || files == 0);
        d.setResultConverter(b -> b == apply ? new Choice(when.when(), Duration.ofSeconds(timeout.getValue())) : null);
        return d;
    }
}
