package org.qatwb.app.gui.dashboard;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.qatwb.app.gui.Css;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.Severity;
import org.qatwb.model.snapshot.NasSnapshot;

/** A device's conf file as the NAS holds it, each finding under the line it is about. */
final class ConfFileView extends BorderPane {

    private final Label heading = new Label("Select a device to see its conf file and its findings.");
    private final ListView<Row> lines = new ListView<>();

    ConfFileView() {
        setId("conf-view");
        heading.getStyleClass().add(Css.CARD_TITLE);
        heading.setPadding(new Insets(6, 8, 6, 8));
        heading.setId("conf-heading");
        lines.setId("conf-lines");
        lines.getStyleClass().add(Styles.DENSE);
        lines.setCellFactory(v -> new RowCell());
        setTop(heading);
        setCenter(lines);
    }

    void show(NasSnapshot s, String path) {
        ConfDocument doc = s.confFiles().get(path);
        FileReport report = s.lintReports().getOrDefault(path, new FileReport(path, Optional.empty(), List.of()));
        List<Finding> findings = report.findings();
        heading.setText(path + (doc == null ? "  (not read)" : "  ·  " + report.errors() + " error(s), " + report.warnings() + " warning(s)"));
        List<Row> rows = new ArrayList<>();
        List<Finding> fileLevel = findings.stream().filter(f -> f.line() <= 0).toList();
        if (!fileLevel.isEmpty()) {
            rows.add(new Row(0, "", fileLevel));
        }
        if (doc != null) {
            String[] text = doc.text().split("\r\n|\n|\r", -1);
            for (int i = 0; i < text.length; i++) {
                int n = i + 1;
                if (n == text.length && text[i].isEmpty()) {
                    break; // the file's last newline
                }
                rows.add(new Row(n, text[i], findings.stream().filter(f -> f.line() == n).toList()));
            }
        }
        lines.getItems().setAll(rows);
        rows.stream().filter(r -> !r.findings().isEmpty()).findFirst().ifPresent(r -> lines.scrollTo(Math.max(0, rows.indexOf(r) - 3)));
    }

    void clear(String message) {
        heading.setText(message);
        lines.getItems().clear();
    }

    record Row(int line, String text, List<Finding> findings) {
    }

    private static final class RowCell extends ListCell<Row> {
        @Override
        protected void updateItem(Row r, boolean empty) {
            super.updateItem(r, empty);
            pseudoClassStateChanged(Css.FINDING, false);
            pseudoClassStateChanged(Css.ERROR, false);
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label number = new Label(r.line() == 0 ? "" : String.valueOf(r.line()));
            number.getStyleClass().addAll(Css.CONF_LINE, Css.MUTED);
            number.setMinWidth(38);
            Label text = new Label(r.text());
            text.getStyleClass().add(Css.CONF_LINE);
            VBox box = new VBox(new HBox(8, number, text));
            for (Finding f : r.findings()) {
                Label l = new Label((f.severity() == Severity.ERROR ? "error: " : "warning: ") + f.message() + "  [" + f.rule().id() + "]");
                l.setWrapText(true);
                l.setMaxWidth(760);
                l.getStyleClass().addAll(Styles.TEXT_SMALL, f.severity() == Severity.ERROR ? Styles.DANGER : Styles.WARNING);
                l.setPadding(new Insets(0, 0, 2, 46));
                box.getChildren().add(l);
            }
            boolean error = r.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
            pseudoClassStateChanged(Css.ERROR, error);
            pseudoClassStateChanged(Css.FINDING, !error && !r.findings().isEmpty());
            getStyleClass().remove(Css.CONF_LINE);
            getStyleClass().add(Css.CONF_LINE);
            setText(null);
            setGraphic(box);
        }
    }
}
