package org.qatwb.app.gui.doctor;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.gui.common.DiffView;
import org.qatwb.app.gui.common.KeepAfterRebootDialog;
import org.qatwb.app.viewmodel.DoctorViewModel;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.model.doctor.Fix;

/** Carries out a doctor's fix after showing what it changes: a file's diff, a plan's diff (as Keep… shows it). */
final class FixActions {

    private final NasViewModel nas;
    private final DoctorViewModel vm;
    private final Window owner;

    FixActions(NasViewModel nas, DoctorViewModel vm, Window owner) {
        this.nas = nas;
        this.vm = vm;
        this.owner = owner;
    }

    void apply(Fix f) {
        if (f instanceof Fix.FileFix file) {
            confirm("Fix " + file.path(), file.change(), file.diff()).ifPresent(ok -> nas.transactions().writeFile(file.path(),
                    file.oldText().getBytes(file.charset()), file.bytes()));
        } else if (f instanceof Fix.PersistFix p) {
            KeepAfterRebootDialog.confirm(owner, p.plan()).ifPresent(c -> vm.apply(f, c.replaceEdited()));
        } else {
            vm.apply(f);
        }
    }

    private java.util.Optional<Boolean> confirm(String title, String header, String diff) {
        Dialog<Boolean> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(header);
        DiffView view = new DiffView();
        view.show(diff);
        view.setPrefSize(720, 320);
        view.setId("fix-diff");
        d.getDialogPane().setContent(new VBox(8, view, new Label("Nothing is written before you apply.")));
        ButtonType apply = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        d.setResultConverter(b -> b == apply ? Boolean.TRUE : null);
        return d.showAndWait();
    }
}
