package org.qatwb.app.gui.charts;

import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import org.qatwb.app.viewmodel.LiveChartsViewModel;

/** placeholder */
public final class ChartsPane extends BorderPane {
    public ChartsPane(LiveChartsViewModel charts, Window owner) {
        setCenter(new Label("charts"));
    }
}
