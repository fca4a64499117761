package org.qatwb.app.gui.layout;

import atlantafx.base.theme.Styles;
import java.time.Duration;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.gui.common.DiffView;
import org.qatwb.app.viewmodel.LayoutEditorViewModel;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.layout.Compilation;

/** The diff of every file, the findings, and how to apply: staged (default) or restart now. */
final class ApplyDialog {

    private ApplyDialog() {
    }

    static void show(Window owner, LayoutEditorViewModel vm) {
        Compilation c = vm.compilationProperty().get();
        if (c == null) {
            return;
        }
        Dialog<ApplyMode> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Apply the layout");
        long files = c.changes().stream().filter(f -> f.changes()).count();
        d.setHeaderText(files + " file(s) change" + (c.errors() > 0 ? "; " + c.errors() + " error(s): this layout cannot be applied" : ""));
        DiffView diff = new DiffView();
        diff.setId("apply-diff");
        diff.show(c.diff());
        diff.setPrefSize(820, 380);

        ToggleGroup mode = new ToggleGroup();
        RadioButton stage = new RadioButton("Stage for the next reboot: nothing running is disturbed (recommended while ZFS uses QAT)");
        stage.setToggleGroup(mode);
        stage.setSelected(true);
        stage.setId("apply-stage");
        RadioButton restart = new RadioButton("Restart QAT now");
        restart.setToggleGroup(mode);
        restart.setId("apply-restart");
        Label warning = new Label("Restarting QAT while ZFS holds instances is risky: sessions in flight, devices that may"
                + " refuse to stop, and on some systems a network link drop. The NAS sets the ZFS parameters to 1 first,"
                + " verifies every device after the restart, and rolls back by itself unless the workbench confirms over a"
                + " new connection in time.");
        warning.setWrapText(true);
        warning.setMaxWidth(820);
        warning.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        warning.visibleProperty().bind(restart.selectedProperty());
        warning.managedProperty().bind(restart.selectedProperty());
        Spinner<Integer> timeout = new Spinner<>(30, 900, (int) ApplyPlan.DEFAULT_CONFIRM_TIMEOUT.toSeconds(), 30);
        timeout.setEditable(true);
        HBox timeoutRow = new HBox(8, new Label("Roll back unless confirmed within (s)"), timeout);
        timeoutRow.disableProperty().bind(restart.selectedProperty().not());

        d.getDialogPane().setContent(new VBox(10, diff, stage, restart, warning, timeoutRow));
        d.getDialogPane().setPrefWidth(880);
        d.setResizable(true);
        ButtonType apply = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(apply).setDisable(!c.applicable() || files == 0);
        d.setResultConverter(b -> b == apply ? (restart.isSelected() ? ApplyMode.RESTART : ApplyMode.STAGE) : null);
        d.showAndWait().ifPresent(m -> vm.apply(m, Duration.ofSeconds(timeout.getValue())));
    }
}
