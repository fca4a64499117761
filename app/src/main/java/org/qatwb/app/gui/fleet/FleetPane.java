package org.qatwb.app.gui.fleet;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.Comparator;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.qatwb.app.gui.Css;
import org.qatwb.app.gui.Glyphs;
import org.qatwb.app.gui.common.FxClock;
import org.qatwb.app.gui.common.ShownWatch;
import org.qatwb.app.viewmodel.fleet.FleetRowViewModel;
import org.qatwb.app.viewmodel.fleet.FleetViewModel;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.icons.AppIcons;

/**
 * The start page: every saved NAS (and the simulated ones) at a glance, one table row each,
 * read again every {@link FleetViewModel#REFRESH_EVERY} while the page is on screen and the window
 * not minimised. A double-click, Enter or a row's Open button opens the NAS's tab.
 */
public final class FleetPane extends VBox {

    /** Above this many rows the filter box shows. */
    private static final int FILTER_FROM = 8;

    private final FleetViewModel vm;
    private final TableView<FleetRowViewModel> table = new TableView<>();
    private final FxClock ticks;
    private final ShownWatch watch;
    private boolean iconified;

    public FleetPane(FleetViewModel vm, Stage stage, Runnable connect) {
        this.vm = vm;
        setId("fleet");
        setSpacing(10);
        setPadding(new Insets(14, 16, 12, 16));

        table.setId("fleet-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        SortedList<FleetRowViewModel> sorted = new SortedList<>(vm.shownRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        columns();
        table.setRowFactory(t -> {
            TableRow<FleetRowViewModel> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            FleetRowViewModel sel = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && sel != null) {
                vm.open(sel);
                e.consume();
            }
        });
        table.setPlaceholder(emptyState(connect));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header(), table);

        // not a Timeline: a running one keeps the toolkit pulsing every frame while the page is shown
        ticks = new FxClock(this::tick);
        watch = new ShownWatch(this, shown -> watched());
        stage.iconifiedProperty().addListener((o, a, b) -> {
            iconified = b;
            watched();
        });
    }

    /** Reads only while on screen: a hidden or minimised page costs nothing (docs/benchmarks.md, "Cost at rest"). */
    private void watched() {
        boolean on = watch != null && watch.isShown() && !iconified;
        vm.watch(on);
        if (on) {
            ticks.wakeIn(FleetViewModel.REFRESH_EVERY.toMillis());
        } else {
            ticks.cancel();
        }
    }

    private void tick() {
        vm.tick();
        ticks.wakeIn(FleetViewModel.REFRESH_EVERY.toMillis());
    }

    private HBox header() {
        Label title = new Label("Fleet");
        title.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label();
        summary.setId("fleet-summary");
        summary.getStyleClass().add(Css.MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.refreshingProperty());

        TextField filter = new TextField();
        filter.setId("fleet-filter");
        filter.setPromptText("Filter by name or host");
        filter.setPrefColumnCount(16);
        filter.textProperty().addListener((o, a, b) -> vm.setFilter(b));
        filter.visibleProperty().bind(Bindings.size(vm.rows()).greaterThan(FILTER_FROM).or(filter.textProperty().isNotEmpty()));
        filter.managedProperty().bind(filter.visibleProperty());

        CheckBox simulated = new CheckBox("Simulated NAS");
        simulated.setId("fleet-simulated");
        simulated.setTooltip(new Tooltip("Show the built-in simulated NAS (started when first read)"));
        simulated.setSelected(vm.simulatedShownProperty().get());
        vm.simulatedShownProperty().addListener((o, a, b) -> simulated.setSelected(b));
        simulated.setOnAction(e -> vm.setSimulatedShown(simulated.isSelected()));

        Button refresh = new Button("Refresh", Glyphs.icon(Glyphs.REFRESH));
        refresh.setId("fleet-refresh");
        refresh.setTooltip(new Tooltip("Read every NAS again (the page does every "
                + FleetViewModel.REFRESH_EVERY.toSeconds() + " s while shown)"));
        refresh.setOnAction(e -> vm.refresh());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, title, summary, busy, grow, filter, simulated, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void columns() {
        TableColumn<FleetRowViewModel, FleetRowViewModel> nas = new TableColumn<>("NAS");
        nas.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        nas.setCellFactory(c -> new NameCell());
        nas.setComparator(Comparator.comparing(FleetRowViewModel::name, String.CASE_INSENSITIVE_ORDER));
        nas.setMinWidth(170);
        nas.setPrefWidth(200);

        TableColumn<FleetRowViewModel, Chip> reach = chipColumn("Reachable", "fleet-col-reach",
                r -> Chip.of(r.reachProperty(), r.reachToneProperty()));
        reach.setMinWidth(160);
        reach.setMaxWidth(195);
        TableColumn<FleetRowViewModel, Chip> devices = chipColumn("Devices up", "fleet-col-devices",
                r -> Chip.of(r.devicesProperty(), r.devicesToneProperty()));
        devices.setMaxWidth(125);
        // one heading over the three ZFS parameters, so the columns can carry short names
        TableColumn<FleetRowViewModel, Chip> offload = new TableColumn<>("ZFS offload");
        offload.getColumns().addAll(java.util.List.of(offloadColumn("compress", ZfsParam.COMPRESS),
                offloadColumn("checksum", ZfsParam.CHECKSUM), offloadColumn("encrypt", ZfsParam.ENCRYPT)));

        TableColumn<FleetRowViewModel, Double> rate = new TableColumn<>("Req/s");
        rate.setId("fleet-col-rate");
        rate.setCellValueFactory(c -> c.getValue().requestsPerSecondProperty());
        rate.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v == null ? FleetRowViewModel.NONE : FleetRowViewModel.perSecond(v));
            }
        });
        rate.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        rate.setStyle("-fx-alignment: CENTER-RIGHT;");
        rate.setMinWidth(70);
        rate.setMaxWidth(110);

        TableColumn<FleetRowViewModel, Chip> doctor = chipColumn("Doctor", "fleet-col-doctor",
                r -> Chip.of(r.doctorProperty(), r.doctorToneProperty()));

        doctor.setMinWidth(120);
        doctor.setMaxWidth(170);
        TableColumn<FleetRowViewModel, String> detail = new TableColumn<>("Why / first failing link");
        detail.setCellValueFactory(c -> c.getValue().detailProperty());
        detail.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add(Css.MUTED);
                setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null || s.isEmpty() ? null : new Tooltip(s));
            }
        });
        detail.setPrefWidth(300);

        TableColumn<FleetRowViewModel, FleetRowViewModel> open = new TableColumn<>("");
        open.setSortable(false);
        open.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        open.setCellFactory(c -> new TableCell<>() {
            private final Button b = new Button("Open");

            {
                b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
                b.setOnAction(e -> vm.open(getItem()));
            }

            @Override
            protected void updateItem(FleetRowViewModel r, boolean empty) {
                super.updateItem(r, empty);
                setGraphic(empty || r == null ? null : b);
                b.setId(empty || r == null ? null : "fleet-open-" + r.name());
            }
        });
        open.setPrefWidth(70);
        open.setMinWidth(70);
        open.setMaxWidth(70);
        open.setResizable(false);

        table.getColumns().addAll(java.util.List.of(nas, reach, devices, offload, rate, doctor, detail, open));
    }

    private TableColumn<FleetRowViewModel, Chip> offloadColumn(String title, ZfsParam p) {
        TableColumn<FleetRowViewModel, Chip> c = chipColumn(title, "fleet-col-" + p.shortName(),
                r -> Chip.of(r.offloadProperty(p), r.offloadToneProperty(p)));
        c.setMinWidth(100);
        c.setPrefWidth(100);
        c.setMaxWidth(120);
        return c;
    }

    private static TableColumn<FleetRowViewModel, Chip> chipColumn(String title, String id,
            java.util.function.Function<FleetRowViewModel, javafx.beans.value.ObservableValue<Chip>> value) {
        TableColumn<FleetRowViewModel, Chip> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        c.setCellFactory(f -> new Chip.Cell<>());
        c.setComparator(Chip.WORST_FIRST);
        c.setMinWidth(95);
        c.setPrefWidth(110);
        c.setMaxWidth(200);
        return c;
    }

    private VBox emptyState(Runnable connect) {
        ImageView logo = new ImageView(new Image(AppIcons.applicationIconUrl(64).toExternalForm()));
        Label title = new Label("No NAS saved yet");
        title.getStyleClass().add(Styles.TITLE_2);
        Label hint = new Label("Connect to a NAS and tick Save: it then shows here, with every other saved NAS at a glance"
                + " (reachable, devices up, offload per service, requests/s, the doctor's verdict).");
        hint.setWrapText(true);
        hint.setMaxWidth(560);
        hint.getStyleClass().add(Css.MUTED);
        Button connectButton = new Button("Connect to a NAS…", Glyphs.icon(Glyphs.CONNECT));
        connectButton.getStyleClass().add(Styles.ACCENT);
        connectButton.setOnAction(e -> connect.run());
        Button sims = new Button("Show the simulated NAS", Glyphs.icon(Glyphs.SIMULATED));
        sims.setId("fleet-show-simulated");
        sims.setOnAction(e -> vm.setSimulatedShown(true));
        HBox buttons = new HBox(10, connectButton, sims);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(14, logo, title, hint, buttons);
        box.setId("fleet-empty");
        box.setAlignment(Pos.CENTER);
        // with rows hidden by the filter, the page says so instead
        Label filtered = new Label("No NAS matches the filter.");
        filtered.getStyleClass().add(Css.MUTED);
        VBox placeholder = new VBox(box, filtered);
        placeholder.setAlignment(Pos.CENTER);
        box.visibleProperty().bind(Bindings.isEmpty(vm.rows()));
        box.managedProperty().bind(box.visibleProperty());
        filtered.visibleProperty().bind(box.visibleProperty().not());
        filtered.managedProperty().bind(filtered.visibleProperty());
        return placeholder;
    }

    /** The NAS's name over its destination. */
    private static final class NameCell extends TableCell<FleetRowViewModel, FleetRowViewModel> {
        private final Label name = new Label();
        private final Label where = new Label();
        private final VBox box = new VBox(1, name, where);

        NameCell() {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            where.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
        }

        @Override
        protected void updateItem(FleetRowViewModel r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            name.setText(r.name());
            where.setText(r.entry().destination());
            name.setGraphic(Glyphs.icon(r.entry().simulated() ? Glyphs.SIMULATED : Glyphs.SERVER));
            setGraphic(box);
        }
    }
}
