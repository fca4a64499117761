package org.qatwb.app.gui.layout;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.qatwb.app.gui.Css;
import org.qatwb.app.viewmodel.EmptyLayout;

/**
 * What the Layout tab shows on a NAS with nothing to lay out: why (from the snapshot, in the
 * doctor's words) and what to do next, and that the presets and apply wait for a device.
 */
final class EmptyLayoutPane extends VBox {

    private final Label why = new Label();
    private final Label next = new Label();

    EmptyLayoutPane() {
        super(10);
        setId("layout-empty");
        getStyleClass().add("layout-empty");
        setPadding(new Insets(24));
        setMaxWidth(760);
        Label title = new Label("Nothing to lay out on this NAS");
        title.getStyleClass().add(Css.CARD_TITLE);
        why.setId("layout-empty-why");
        why.setWrapText(true);
        next.setId("layout-empty-next");
        next.setWrapText(true);
        Label off = new Label("Presets and Review and apply… stay off until the NAS has a QAT device this editor models;"
                + " Refresh reads the NAS again.");
        off.setWrapText(true);
        off.getStyleClass().add(Css.MUTED);
        getChildren().addAll(title, why, next, off);
    }

    void show(EmptyLayout e) {
        why.setText(e == null ? "" : e.why());
        next.setText(e == null ? "" : e.next());
    }
}
