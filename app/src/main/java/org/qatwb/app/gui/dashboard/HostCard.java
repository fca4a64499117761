package org.qatwb.app.gui.dashboard;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.qatwb.app.gui.Css;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.workbench.StatusLine;

/** The host's QAT state line by line: service, devices, conf files, defaults, blacklist, ZFS. */
final class HostCard extends VBox {

    private final GridPane grid = new GridPane();

    HostCard(NasViewModel nas) {
        setId("host-card");
        setSpacing(8);
        Label title = new Label("QAT on this host");
        title.getStyleClass().add(Css.CARD_TITLE);
        grid.getStyleClass().add(Css.STATUS_GRID);
        getChildren().addAll(title, grid);
        nas.summary().addListener((ListChangeListener<StatusLine>) c -> show(nas));
        show(nas);
    }

    private void show(NasViewModel nas) {
        grid.getChildren().clear();
        int row = 0;
        for (StatusLine l : nas.summary()) {
            if (l.id().equals("system")) {
                continue; // the header shows it
            }
            Circle dot = new Circle(5);
            dot.getStyleClass().add(Css.STATUS_DOT);
            Css.tone(dot, l.tone());
            Label label = new Label(l.label());
            label.getStyleClass().add(Css.MUTED);
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "/etc/default/qat", not "/etc/default/..." 
            Label value = new Label(l.value());
            value.setId("status-" + l.id().replace('.', '-'));
            value.setStyle("-fx-font-weight: bold");
            VBox v = new VBox(1, value);
            if (!l.detail().isEmpty()) {
                Label d = new Label(l.detail());
                d.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
                d.setWrapText(true);
                d.setMaxWidth(260);
                v.getChildren().add(d);
                value.setTooltip(new Tooltip(l.detail()));
            }
            grid.addRow(row++, dot, label, v);
        }
    }
}
