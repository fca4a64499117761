package org.qatwb.app.gui.common;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * A unified diff as the user reads it before anything is written: added lines green, removed
 * lines red, file and hunk headers set apart. Read-only; one line per row, so a diff of 51 files
 * scrolls smoothly.
 */
public final class DiffView extends ListView<String> {

    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    private static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
    private static final PseudoClass HEADER = PseudoClass.getPseudoClass("header");
    private static final PseudoClass HUNK = PseudoClass.getPseudoClass("hunk");

    public DiffView() {
        getStyleClass().add("diff-view");
        setCellFactory(v -> new Line());
        setPlaceholder(new javafx.scene.control.Label("(no change)"));
    }

    /** Shows {@code diff} (unified format; "" for none). */
    public void show(String diff) {
        getItems().setAll(diff.isEmpty() ? List.of() : diff.lines().toList());
    }

    private static final class Line extends ListCell<String> {
        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            boolean header = !empty && line != null && (line.startsWith("+++") || line.startsWith("---"));
            pseudoClassStateChanged(HEADER, header);
            pseudoClassStateChanged(ADDED, !empty && line != null && !header && line.startsWith("+"));
            pseudoClassStateChanged(REMOVED, !empty && line != null && !header && line.startsWith("-"));
            pseudoClassStateChanged(HUNK, !empty && line != null && line.startsWith("@@"));
            setText(empty ? null : line);
        }
    }
}
