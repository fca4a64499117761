package org.qatwb.app.gui.layout;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.gui.common.DiffView;
import org.qatwb.app.viewmodel.IrqViewModel;
import org.qatwb.model.irq.IrqPinPlan;
import org.qatwb.model.parse.Snippet;

/**
 * The core strip's interrupt side: live QAT interrupts per second on each core, and a VF dropped
 * on a core pins its interrupt there, after the boot unit's diff was shown and accepted.
 */
final class IrqPinning {

    private IrqPinning() {
    }

    static void attach(CoreStrip strip, IrqViewModel irq, Window owner) {
        irq.ratesProperty().addListener((o, a, r) -> strip.showRates(r));
        strip.onVfDropped((bsf, core) -> {
            IrqPinPlan plan;
            try {
                plan = irq.plan(bsf, core);
            } catch (IllegalArgumentException e) {
                Alert a = new Alert(Alert.AlertType.WARNING, Snippet.oneLine(e.getMessage()));
                a.initOwner(owner);
                a.setHeaderText("Cannot pin this VF's interrupt to core " + core);
                a.show();
                return;
            }
            if (confirm(plan, owner)) {
                irq.pin(plan, outcome -> { });
            }
        });
    }

    private static boolean confirm(IrqPinPlan plan, Window owner) {
        Dialog<Boolean> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Pin interrupt");
        d.setHeaderText("Deliver " + plan.pin().irqName() + " (" + plan.device().name() + ", " + plan.pin().vfBsf()
                + ") to core " + plan.pin().cpu() + plan.current().map(i -> ", now on core "
                + i.effective().map(Object::toString).orElse("?")).orElse(" (not up now: at the next boot)")
                + ", and again after every boot");
        DiffView view = new DiffView();
        view.show(plan.diff());
        view.setPrefSize(720, 240);
        view.setId("irq-pin-diff");
        Label note = new Label(plan.caution().map(c -> "Caution: " + c + ". ").orElse("")
                + "The driver ignores CoreAffinity for a VF's interrupt; where irqbalance runs, ban this IRQ from it"
                + " (--banmod=" + plan.pin().irqName() + "). Nothing is written before you pin.");
        note.setWrapText(true);
        d.getDialogPane().setContent(new VBox(8, view, note));
        ButtonType pin = new ButtonType("Pin", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(pin, ButtonType.CANCEL);
        d.setResultConverter(b -> b == pin ? Boolean.TRUE : null);
        return d.showAndWait().orElse(false);
    }
}
