package org.qatwb.app.gui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The keyboard shortcuts, listed in a small dialog (F1). */
final class Shortcuts {

    static final String[][] KEYS = {
            {"Ctrl+N", "Connect to a NAS"},
            {"F5 or Ctrl+R", "Read the selected NAS again (on the fleet page: every NAS)"},
            {"Ctrl+W", "Close the selected NAS"},
            {"Alt+0", "The fleet: every saved NAS at a glance"},
            {"Alt+1 … Alt+9", "Go to the first … ninth NAS"},
            {"Ctrl+1 … Ctrl+5", "Dashboard / Live charts / Doctor / Layout / Benchmark"},
            {"Ctrl+Z / Ctrl+Y (in the layout)", "Undo / redo"},
            {"Space (in charts)", "Pause or resume the charts"},
            {"Ctrl+E / Ctrl+P (in charts)", "Export the data as CSV / the charts as PNG"},
            {"Ctrl+Shift+L", "Light or dark theme"},
            {"F1", "This list"},
    };

    private Shortcuts() {
    }

    static void show(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        for (int i = 0; i < KEYS.length; i++) {
            Label key = new Label(KEYS[i][0]);
            key.setStyle("-fx-font-weight: bold");
            grid.addRow(i, key, new Label(KEYS[i][1]));
        }
        Alert a = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.getDialogPane().setContent(grid);
        a.show();
    }
}
