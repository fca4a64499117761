package org.qatwb.app.gui;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.qatwb.app.gui.charts.ChartsPane;
import org.qatwb.app.gui.bench.BenchmarkPane;
import org.qatwb.app.gui.dashboard.DashboardPane;
import org.qatwb.app.gui.doctor.DoctorPane;
import org.qatwb.app.gui.layout.LayoutPane;
import org.qatwb.app.usecase.bench.BenchSession;
import org.qatwb.app.usecase.bench.RunBenchmark;
import org.qatwb.app.viewmodel.BenchmarkViewModel;
import org.qatwb.app.viewmodel.DoctorViewModel;
import org.qatwb.app.viewmodel.LayoutEditorViewModel;
import org.qatwb.app.viewmodel.LinkState;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.workbench.StatusLine;
import org.qatwb.ssh.agent.AgentClient;

/** One NAS: a header, then its dashboard, live charts, doctor, layout and benchmark; or why it is not connected. */
final class NasPane extends BorderPane {

    private final NasViewModel nas;
    private final StackPane body = new StackPane();
    private final TabPane views = new TabPane();
    private final Label system = new Label();
    private final DelayedBusy busy;

    NasPane(NasViewModel nas, Window owner) {
        this.nas = nas;
        this.busy = new DelayedBusy(nas.runningProperty());
        setId("nas-pane");
        setTop(header());
        setCenter(body);

        Tab dashboard = new Tab("Dashboard", new DashboardPane(nas, owner));
        dashboard.setGraphic(Glyphs.icon(Glyphs.DASHBOARD));
        dashboard.setId("dashboard-tab");
        Tab charts = new Tab("Live charts", new ChartsPane(nas.charts(), owner, nas::tell));
        charts.setGraphic(Glyphs.icon(Glyphs.CHARTS));
        charts.setId("charts-tab");
        Tab doctor = new Tab("Doctor", new DoctorPane(nas, new DoctorViewModel(nas), owner));
        doctor.setGraphic(Glyphs.icon(Glyphs.DOCTOR));
        doctor.setId("doctor-tab");
        Tab layout = new Tab("Layout", new LayoutPane(nas, new LayoutEditorViewModel(nas), owner));
        layout.setGraphic(Glyphs.icon(Glyphs.LAYOUT));
        layout.setId("layout-tab");
        Tab benchmark = new Tab("Benchmark", new BenchmarkPane(new BenchmarkViewModel(nas, benchSessions())));
        benchmark.setGraphic(Glyphs.icon(Glyphs.BENCHMARK));
        benchmark.setId("benchmark-tab");
        views.getTabs().addAll(dashboard, charts, doctor, layout, benchmark);
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.setId("nas-views");
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN).match(e)) {
                views.getSelectionModel().select(dashboard);
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN).match(e)) {
                views.getSelectionModel().select(charts);
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN).match(e)) {
                views.getSelectionModel().select(doctor);
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN).match(e)) {
                views.getSelectionModel().select(layout);
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN).match(e)) {
                views.getSelectionModel().select(benchmark);
                e.consume();
            }
        });

        nas.linkProperty().addListener((o, a, b) -> showBody());
        nas.snapshotProperty().addListener((o, a, b) -> showBody());
        nas.summary().addListener((javafx.collections.ListChangeListener<StatusLine>) c -> showSystem());
        showBody();
    }

    /** How the Benchmark tab makes the benchmark session of a NAS's agent: the use case {@code qatwb bench} runs. */
    private static Function<AgentClient, BenchSession> benchSessions() {
        return RunBenchmark::new;
    }

    private Node header() {
        Label title = new Label(nas.target().title());
        title.getStyleClass().add("title");
        title.setId("nas-title");
        HBox left = new HBox(10, title);
        left.setAlignment(Pos.CENTER_LEFT);
        if (nas.target().simulated()) {
            Label badge = new Label("SIMULATED");
            badge.setId("sim-badge");
            badge.getStyleClass().add(Css.SIM_BADGE);
            badge.setTooltip(new Tooltip("A simulated NAS running inside the workbench on 127.0.0.1: nothing here is real"
                    + " hardware. Use Connect… for a real host."));
            left.getChildren().add(badge);
        }
        system.getStyleClass().add(Css.MUTED);
        system.setId("nas-system");
        VBox titles = new VBox(2, left, system);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(this.busy.shownProperty());
        busy.setId("nas-busy");
        Label activity = new Label();
        activity.getStyleClass().add(Css.MUTED);
        activity.textProperty().bind(nas.activityProperty());
        activity.visibleProperty().bind(busy.visibleProperty());

        Button refresh = new Button("Refresh", Glyphs.icon(Glyphs.REFRESH));
        refresh.setId("nas-refresh");
        refresh.setOnAction(e -> nas.refresh());
        refresh.disableProperty().bind(nas.linkProperty().isNotEqualTo(LinkState.CONNECTED));

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(titles, grow, activity, busy, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Css.NAS_HEADER);
        return header;
    }

    /** An operation on this NAS has run longer than the progress delay (the status bar shows it too). */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.shownProperty();
    }

    private void showSystem() {
        system.setText(nas.summary().stream().filter(l -> l.id().equals("system"))
                .map(l -> l.value() + "  ·  " + l.detail()).findFirst().orElse(""));
    }

    private void showBody() {
        Node shown;
        LinkState s = nas.linkProperty().get();
        if (nas.snapshotProperty().get() != null && s != LinkState.FAILED) {
            shown = views;
        } else if (s == LinkState.FAILED) {
            shown = failure();
        } else {
            ProgressIndicator p = new ProgressIndicator();
            Label l = new Label();
            l.textProperty().bind(nas.linkDetailProperty());
            VBox box = new VBox(14, p, l);
            box.setAlignment(Pos.CENTER);
            box.setId("nas-connecting");
            shown = box;
        }
        if (body.getChildren().size() != 1 || body.getChildren().get(0) != shown) {
            body.getChildren().setAll(shown);
        }
    }

    private Node failure() {
        FontIcon icon = Glyphs.icon(Glyphs.ERROR);
        icon.setIconSize(48);
        icon.getStyleClass().add(Styles.DANGER);
        String heading = nas.notices().isEmpty() ? "Not connected" : nas.notices().get(nas.notices().size() - 1).title();
        Label title = new Label(heading);
        title.getStyleClass().add(Styles.TITLE_2);
        title.setId("failure-title");
        Label detail = new Label(nas.linkDetailProperty().get());
        detail.setWrapText(true);
        detail.setMaxWidth(720);
        detail.setId("failure-detail");
        Button retry = new Button("Try again", Glyphs.icon(Glyphs.REFRESH));
        retry.setOnAction(e -> nas.connect());
        VBox box = new VBox(icon, title, detail, retry);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add(Css.FAILURE_PANE);
        box.setId("nas-failure");
        return box;
    }
}
