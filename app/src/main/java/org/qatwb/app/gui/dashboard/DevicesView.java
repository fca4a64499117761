package org.qatwb.app.gui.dashboard;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import org.qatwb.app.gui.Css;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.workbench.DeviceRow;
import org.qatwb.app.workbench.Tone;
import org.qatwb.model.adf.QatDevice;

/** The devices, PFs with their VFs: type, BSF, NUMA node, state, conf file and its lint status. */
final class DevicesView extends TreeTableView<DeviceRow> {

    DevicesView(NasViewModel nas, Consumer<DeviceRow> selected) {
        setId("devices");
        setShowRoot(false);
        setRoot(new TreeItem<>());
        setPlaceholder(new EmptyDevices(nas)); // why there is none, not JavaFX's "No content in table"
        getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column("Device", 130, DeviceRow::title));
        getColumns().add(column("Type", 70, r -> r.device().map(QatDevice::type).orElse("")));
        getColumns().add(column("BSF", 110, r -> r.device().map(QatDevice::bsf).orElse("")));
        getColumns().add(column("NUMA", 50, r -> r.device().map(d -> d.nodeId() == null ? "" : String.valueOf(d.nodeId())).orElse("")));
        TreeTableColumn<DeviceRow, String> state = column("State", 60,
                r -> r.device().map(d -> d.state().name().toLowerCase(java.util.Locale.ROOT)).orElse(""));
        state.setCellFactory(c -> toned(r -> r.device().isEmpty() ? Tone.NEUTRAL : r.up() ? Tone.GOOD : Tone.BAD));
        getColumns().add(state);
        getColumns().add(column("Conf file", 170, r -> r.confPath().orElse("")));
        TreeTableColumn<DeviceRow, String> lint = column("Lint", 110, DevicesView::lintText);
        lint.setCellFactory(c -> toned(r -> r.errors() > 0 ? Tone.BAD : r.warnings() > 0 ? Tone.WARN
                : r.confPath().isPresent() ? Tone.GOOD : Tone.NEUTRAL));
        getColumns().add(lint);

        getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item.getValue() != null) {
                selected.accept(item.getValue());
            }
        });
        nas.devices().addListener((ListChangeListener<DeviceRow>) c -> show(nas));
        show(nas);
    }

    private void show(NasViewModel nas) {
        String keep = getSelectionModel().getSelectedItem() == null ? null : getSelectionModel().getSelectedItem().getValue().title();
        TreeItem<DeviceRow> root = new TreeItem<>();
        for (DeviceRow pf : nas.devices()) {
            TreeItem<DeviceRow> item = new TreeItem<>(pf);
            item.setExpanded(nas.devices().size() <= 1);
            for (DeviceRow vf : pf.children()) {
                item.getChildren().add(new TreeItem<>(vf));
            }
            root.getChildren().add(item);
        }
        setRoot(root);
        if (keep != null) {
            select(root, keep);
        }
    }

    private void select(TreeItem<DeviceRow> parent, String title) {
        for (TreeItem<DeviceRow> i : parent.getChildren()) {
            if (i.getValue().title().equals(title)) {
                getSelectionModel().select(i);
                return;
            }
            select(i, title);
        }
    }

    private static String lintText(DeviceRow r) {
        if (r.confPath().isEmpty() && r.errors() + r.warnings() == 0) {
            return "";
        }
        if (r.errors() + r.warnings() == 0) {
            return "clean";
        }
        return (r.errors() > 0 ? r.errors() + " error" + (r.errors() == 1 ? "" : "s") : "")
                + (r.errors() > 0 && r.warnings() > 0 ? ", " : "")
                + (r.warnings() > 0 ? r.warnings() + " warning" + (r.warnings() == 1 ? "" : "s") : "");
    }

    private static TreeTableColumn<DeviceRow, String> column(String title, double width, Function<DeviceRow, String> value) {
        TreeTableColumn<DeviceRow, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().getValue() == null ? "" : value.apply(f.getValue().getValue())));
        return c;
    }

    private static TreeTableCell<DeviceRow, String> toned(Function<DeviceRow, Tone> tone) {
        return new TreeTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove(Css.STATE_CHIP);
                DeviceRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (empty || item == null || row == null) {
                    setText(null);
                    Css.tone(this, Tone.NEUTRAL);
                    return;
                }
                setText(item);
                Css.tone(this, tone.apply(row));
            }
        };
    }
}
