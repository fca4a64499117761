package org.qatwb.app.gui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.app.viewmodel.WorkbenchViewModel;
import org.qatwb.icons.AppIcons;

/** What the window shows with no NAS open: the saved connections, Connect, and the simulated NAS. */
final class WelcomePane extends VBox {

    WelcomePane(WorkbenchViewModel vm, Runnable connect) {
        setId("welcome");
        setAlignment(Pos.CENTER);
        setSpacing(16);
        ImageView logo = new ImageView(new Image(AppIcons.applicationIconUrl(128).toExternalForm()));
        Label title = new Label("QAT Workbench");
        title.getStyleClass().add(Styles.TITLE_1);
        Label hint = new Label("Open a NAS to see its QAT devices, its ZFS offload and live charts.");
        hint.getStyleClass().add(Css.MUTED);

        FlowPane saved = new FlowPane(10, 10);
        saved.setAlignment(Pos.CENTER);
        for (SavedConnection c : vm.savedConnections()) {
            Button b = new Button(c.name(), Glyphs.icon(Glyphs.SERVER));
            b.setTooltip(new javafx.scene.control.Tooltip(c.destination()));
            b.setOnAction(e -> vm.connect(c, false));
            saved.getChildren().add(b);
        }
        Button connectButton = new Button("Connect to a NAS…", Glyphs.icon(Glyphs.CONNECT));
        connectButton.getStyleClass().add(Styles.ACCENT);
        connectButton.setOnAction(e -> connect.run());
        Button sim = new Button("Open the simulated C62x NAS", Glyphs.icon(Glyphs.SIMULATED));
        sim.setOnAction(e -> vm.openSimulated(WorkbenchViewModel.DEFAULT_PROFILE));
        getChildren().addAll(logo, title, hint, saved, new javafx.scene.layout.HBox(10, connectButton, sim) {
            {
                setAlignment(Pos.CENTER);
            }
        });
    }
}
