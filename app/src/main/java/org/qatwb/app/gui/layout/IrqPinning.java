package org.qatwb.app.gui.layout;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.gui.Css;
import org.qatwb.app.gui.common.DiffView;
import org.qatwb.app.viewmodel.IrqViewModel;
import org.qatwb.app.viewmodel.VfCoreViewModel;
import org.qatwb.model.irq.IrqPinPlan;

/**
 * The core strip's interrupt side: live QAT interrupts per second on each core, and a VF dropped
 * on a core, which pins its interrupt there (after the boot unit's diff was shown and accepted)
 * and sets its interrupt-mode instances' CoreAffinity in the layout; a label under the strip says
 * what happened to each ({@link VfCoreViewModel.Report}).
 */
final class IrqPinning {

    private IrqPinning() {
    }

    /** Wires the strip; returns the report label to place under it. */
    static Label attach(CoreStrip strip, IrqViewModel irq, VfCoreViewModel vfCore, Window owner) {
        irq.ratesProperty().addListener((o, a, r) -> strip.showRates(r));
        Label report = new Label();
        report.setId("vf-core-report");
        report.setWrapText(true);
        report.setPadding(new Insets(4, 6, 4, 6));
        report.getStyleClass().add(Css.MUTED);
        report.visibleProperty().bind(vfCore.reportProperty().isNotNull());
        report.managedProperty().bind(report.visibleProperty());
        vfCore.reportProperty().addListener((o, a, r) -> report.setText(r == null ? ""
                : "Interrupt: " + r.interrupt() + "\nCoreAffinity: " + r.coreAffinity()));
        strip.onVfDropped((bsf, core) -> {
            VfCoreViewModel.Drop drop = vfCore.plan(bsf, core);
            if (confirm(drop, owner)) {
                vfCore.commit(drop);
            }
        });
        return report;
    }

    private static boolean confirm(VfCoreViewModel.Drop drop, Window owner) {
        Dialog<Boolean> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("VF to core " + drop.core());
        VBox content = new VBox(8);
        if (drop.pin().isPresent()) {
            IrqPinPlan plan = drop.pin().get();
            header(d, "Deliver " + plan.pin().irqName() + " (" + plan.device().name() + ", " + plan.pin().vfBsf()
                    + ") to core " + plan.pin().cpu() + plan.current().map(i -> ", now on core "
                    + i.effective().map(Object::toString).orElse("?")).orElse(" (not up now: at the next boot)")
                    + ", now and after every boot; and set its instances' CoreAffinity to " + drop.core() + " in the layout");
            DiffView view = new DiffView();
            view.show(plan.diff());
            view.setPrefSize(720, 240);
            view.setId("irq-pin-diff");
            content.getChildren().add(view);
            plan.caution().ifPresent(c -> content.getChildren().add(wrapped("Caution: " + c + ".")));
        } else {
            header(d, "The interrupt cannot be pinned: " + drop.pinRefusal().orElse("")
                    + "\nSet the VF's interrupt-mode instances' CoreAffinity to " + drop.core() + " in the layout only?");
        }
        content.getChildren().add(wrapped("The interrupt pin is written now. The CoreAffinity change is an edit of the"
                + " layout, written when you apply the layout. The driver ignores CoreAffinity for a VF's interrupt,"
                + " so both are needed for the VF's completions to run on this core."));
        d.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(drop.pin().isPresent() ? "Pin" : "Edit layout", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ok ? Boolean.TRUE : null);
        return d.showAndWait().orElse(false);
    }

    /**
     * A header that wraps: the default one is a single line, and a long BSF-and-cores sentence made
     * the dialog wider than the screen, centred on the window with its left edge off screen.
     */
    private static void header(Dialog<?> d, String text) {
        Label header = wrapped(text);
        header.getStyleClass().add("irq-pin-header");
        header.setPadding(new javafx.geometry.Insets(12, 12, 4, 12));
        d.getDialogPane().setHeader(header);
        d.getDialogPane().setPrefWidth(760);
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
