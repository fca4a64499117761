package org.qatwb.app.gui.dashboard;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.qatwb.app.gui.Css;
import org.qatwb.app.gui.Glyphs;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.workbench.EmptyStates;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * The device table's placeholder: why there is no device (no driver, no device, not read) and
 * what to do next, instead of JavaFX's "No content in table".
 */
final class EmptyDevices extends VBox {

    private final Label title = new Label();
    private final Label detail = new Label();

    EmptyDevices(NasViewModel nas) {
        setId("devices-empty");
        FontIcon icon = Glyphs.icon(Glyphs.WARNING);
        icon.setIconSize(32);
        icon.getStyleClass().add(Styles.WARNING);
        title.setId("devices-empty-title");
        title.getStyleClass().add(Styles.TITLE_4);
        detail.setId("devices-empty-detail");
        detail.setWrapText(true);
        detail.setMaxWidth(560);
        detail.getStyleClass().add(Css.MUTED);
        getChildren().addAll(icon, title, detail);
        setAlignment(Pos.CENTER);
        setSpacing(8);
        setFillWidth(false);
        nas.snapshotProperty().addListener((o, a, s) -> show(s));
        show(nas.snapshotProperty().get());
    }

    private void show(NasSnapshot s) {
        EmptyStates.Why why = s == null ? new EmptyStates.Why("Not read yet", "The devices appear once the NAS has answered.")
                : EmptyStates.noDevices(s).orElse(new EmptyStates.Why("No device", ""));
        title.setText(why.title());
        detail.setText(why.detail());
    }
}
