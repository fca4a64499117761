package org.qatwb.app.gui.dashboard;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import org.qatwb.app.viewmodel.KernelGuardViewModel;

/** A warning above the dashboard's cards while the kernel that boots next would lose QAT; hidden otherwise. */
final class KernelGuardNotice extends Label {

    KernelGuardNotice(KernelGuardViewModel vm) {
        setId("kernel-guard");
        getStyleClass().addAll(Styles.WARNING, Styles.TEXT_BOLD);
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        setStyle("-fx-padding: 8; -fx-border-color: -color-warning-emphasis; -fx-border-radius: 4;"
                + " -fx-background-color: -color-warning-subtle; -fx-background-radius: 4;");
        textProperty().bind(vm.warningProperty());
        visibleProperty().bind(vm.warningProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }
}
