package org.qatwb.app.gui.layout;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.gui.common.WhenChoice;
import org.qatwb.app.usecase.apply.When;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.viewmodel.TransactionsViewModel;
import org.qatwb.model.apply.RestorePoint;
import org.qatwb.model.apply.TxRecord;

/** The transactions applied on the NAS, kept with their backups; one click returns to any of them. */
final class HistoryDialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private static final String READING = "Reading the transaction history…";

    private HistoryDialog() {
    }

    /**
     * Opens at once and asks the NAS for its history; the list fills when the read ends, and the
     * header says why when it failed.
     */
    static Dialog<Void> show(Window owner, NasViewModel nas) {
        TransactionsViewModel tx = nas.transactions();
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Applied layouts");
        d.setHeaderText(READING);
        WhenChoice when = new WhenChoice(tx.restartCannotApply());
        ListView<TxRecord> list = new ListView<>();
        list.setId("history-list");
        list.setPlaceholder(new Label(READING));
        list.setPrefSize(760, 360);
        ChangeListener<Boolean> onReading = (o, was, reading) -> {
            if (reading) {
                return;
            }
            if (!tx.historyFailureProperty().get().isEmpty()) {
                d.setHeaderText("The history could not be read: " + tx.historyFailureProperty().get());
                list.setPlaceholder(new Label("Not read"));
                return;
            }
            List<TxRecord> history = tx.historyProperty().get();
            list.getItems().setAll(history);
            list.setPlaceholder(new Label("Nothing was applied on this NAS yet"));
            d.setHeaderText(history.isEmpty() ? "Nothing was applied on this NAS yet" : history.size()
                    + " transaction(s) kept on the NAS, newest first; returning to one is a new transaction, applied as chosen below");
        };
        tx.readingHistoryProperty().addListener(onReading);
        d.setOnHidden(e -> tx.readingHistoryProperty().removeListener(onReading));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TxRecord t, boolean empty) {
                super.updateItem(t, empty);
                if (empty || t == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label what = new Label(TIME.format(t.time()) + "  ·  " + t.mode().name().toLowerCase(Locale.ROOT) + "  ·  "
                        + t.state().wire() + "  ·  " + t.changed().size() + " file(s)" + t.restoreOf().map(r -> "  ·  restores "
                        + r.id()).orElse(""));
                Button before = new Button("Back to before it");
                before.setOnAction(e -> restore(d, owner, nas, t, RestorePoint.BEFORE, when.when()));
                Button after = new Button("Return to it");
                after.setOnAction(e -> restore(d, owner, nas, t, RestorePoint.AFTER, when.when()));
                HBox row = new HBox(10, what, before, after);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
            }
        });
        d.getDialogPane().setContent(new VBox(8, list, when.node()));
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.show();
        tx.loadHistory();
        return d;
    }

    /** A reboot asks a second time; the history stays open when the user says no. */
    private static void restore(Dialog<Void> d, Window owner, NasViewModel nas, TxRecord t, RestorePoint point, When when) {
        if (when == When.REBOOT && !ApplyDialog.confirmReboot(owner, nas)) {
            return;
        }
        nas.transactions().restore(t.id(), point, when);
        d.close();
    }
}
