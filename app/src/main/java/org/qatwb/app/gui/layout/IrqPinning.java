package org.qatwb.app.gui.layout;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.qatwb.app.gui.Css;
import org.qatwb.app.gui.common.ShownWatch;
import org.qatwb.app.viewmodel.IrqViewModel;
import org.qatwb.app.viewmodel.VfCoreViewModel;

/**
 * The core strip's interrupt side: live QAT interrupts per second on each core, and a VF dropped
 * on a core, which pins its interrupt there and sets its interrupt-mode instances' CoreAffinity in
 * the layout once the user said yes to what it writes ({@link IrqPinDialog}); a label under the
 * strip says what happened to each ({@link VfCoreViewModel.Report}).
 */
final class IrqPinning {

    private IrqPinning() {
    }

    /** Wires the strip; returns the report label to place under it. */
    static Label attach(CoreStrip strip, IrqViewModel irq, VfCoreViewModel vfCore, Window owner) {
        // every second, but only while the strip is on screen: a hidden strip's update still costs
        // the window a layout and a repaint (ShownWatch); shown again, it catches up
        ShownWatch shown = new ShownWatch(strip, on -> {
            irq.setWatched(on);
            if (on) {
                strip.showRates(irq.ratesProperty().get());
            }
        });
        irq.setWatched(shown.isShown());   // the Layout tab is usually not the one shown first
        irq.ratesProperty().addListener((o, a, r) -> {
            if (shown.isShown()) {
                strip.showRates(r);
            }
        });
        Label report = new Label();
        report.setId("vf-core-report");
        report.setWrapText(true);
        report.setPadding(new Insets(4, 6, 4, 6));
        report.getStyleClass().add(Css.MUTED);
        report.visibleProperty().bind(vfCore.reportProperty().isNotNull());
        report.managedProperty().bind(report.visibleProperty());
        vfCore.reportProperty().addListener((o, a, r) -> report.setText(r == null ? ""
                : "Interrupt: " + r.interrupt() + "\nCoreAffinity: " + r.coreAffinity()));
        // nothing is written on the drop: it waits for the user's yes to its diff (IrqPinDialog)
        strip.onVfDropped(vfCore::drop);
        vfCore.pendingProperty().addListener((o, a, drop) -> {
            if (drop != null) {
                IrqPinDialog.show(owner, vfCore, drop);
            }
        });
        return report;
    }
}
