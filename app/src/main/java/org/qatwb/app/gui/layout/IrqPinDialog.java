package org.qatwb.app.gui.layout;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.gui.common.DiffView;
import org.qatwb.app.viewmodel.VfCoreViewModel;
import org.qatwb.model.irq.plan.IrqPinPlan;

/**
 * What a VF dropped on a core will write, before anything is: where the pin is kept, the diff of
 * the unit (or TrueNAS init script) and of irqbalance's files, the commands run on the NAS, and a
 * caution when it replaces a hand edit (then its button says so). Cancel is the default button:
 * Enter writes nothing. Shown without blocking; the answer goes to {@link VfCoreViewModel#confirm()}
 * or {@link VfCoreViewModel#cancel()}.
 */
final class IrqPinDialog {

    private IrqPinDialog() {
    }

    /** Shows the pending drop; the answer goes back to {@code vm} when the dialog closes. */
    static void show(Window owner, VfCoreViewModel vm, VfCoreViewModel.Drop drop) {
        Dialog<Boolean> d = dialog(drop);
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setOnHidden(e -> {
            if (Boolean.TRUE.equals(d.getResult())) {
                vm.confirm();
            } else {
                vm.cancel();
            }
        });
        d.show();
    }

    static Dialog<Boolean> dialog(VfCoreViewModel.Drop drop) {
        Dialog<Boolean> d = new Dialog<>();
        d.setTitle("VF to core " + drop.core());
        VBox content = new VBox(8);
        boolean handEdit = drop.pin().map(IrqPinPlan::replacesHandEdit).orElse(false);
        if (drop.pin().isPresent()) {
            IrqPinPlan plan = drop.pin().get();
            header(d, "Deliver " + plan.pin().irqName() + " (" + plan.device().name() + ", " + plan.pin().vfBsf()
                    + ") to core " + plan.pin().cpu() + plan.current().map(i -> ", now on core "
                    + i.effective().map(Object::toString).orElse("?")).orElse(" (not up now: at the next boot)")
                    + ", now and after every boot; and set its instances' CoreAffinity to " + drop.core() + " in the layout");
            plan.caution().ifPresent(c -> {
                Label l = wrapped("Caution: " + c + ".");
                l.setId("irq-pin-caution");
                l.getStyleClass().add(Styles.WARNING);
                content.getChildren().add(l);
            });
            content.getChildren().add(wrapped("Kept by " + plan.where() + "; the diff of what is written:"));
            DiffView view = new DiffView();
            view.show(plan.diff());
            view.setPrefSize(720, 240);
            view.setId("irq-pin-diff");
            content.getChildren().add(view);
            Label steps = wrapped("Then, on the NAS: " + String.join("; ", plan.steps()));
            steps.setId("irq-pin-steps");
            content.getChildren().add(steps);
        } else {
            header(d, "The interrupt cannot be pinned: " + drop.pinRefusal().orElse("")
                    + "\nSet the VF's interrupt-mode instances' CoreAffinity to " + drop.core() + " in the layout only?");
        }
        content.getChildren().add(wrapped("The interrupt pin is written now. The CoreAffinity change is an edit of the"
                + " layout, written when you apply the layout. The driver ignores CoreAffinity for a VF's interrupt,"
                + " so both are needed for the VF's completions to run on this core."));
        d.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(handEdit ? "Replace the hand edit" : drop.pin().isPresent() ? "Pin" : "Edit layout",
                handEdit ? ButtonBar.ButtonData.OTHER : ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) d.getDialogPane().lookupButton(ok);
        okButton.setId("irq-pin-ok");
        // what is written to a root-read file is never one Enter away
        okButton.setDefaultButton(false);
        ((Button) d.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        d.setResultConverter(b -> b == ok ? Boolean.TRUE : null);
        return d;
    }

    /**
     * A header that wraps: the default one is a single line, and a long BSF-and-cores sentence made
     * the dialog wider than the screen, centred on the window with its left edge off screen.
     */
    private static void header(Dialog<?> d, String text) {
        Label header = wrapped(text);
        header.getStyleClass().add("irq-pin-header");
        header.setPadding(new Insets(12, 12, 4, 12));
        d.getDialogPane().setHeader(header);
        d.getDialogPane().setPrefWidth(760);
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
