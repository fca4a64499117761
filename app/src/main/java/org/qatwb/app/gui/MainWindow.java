package org.qatwb.app.gui;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import java.util.HashMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.qatwb.app.gui.connect.ConnectDialog;
import org.qatwb.app.settings.SettingsException;
import org.qatwb.app.settings.UiSettings;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.viewmodel.Notice;
import org.qatwb.app.viewmodel.WorkbenchViewModel;
import org.qatwb.app.workbench.Tone;
import org.qatwb.icons.AppIcons;

/**
 * The main window: a toolbar, one tab per open NAS, a status bar with the selected NAS's
 * connection, and notifications in the top right corner.
 */
public final class MainWindow {

    private static final Duration NOTICE_TIME = Duration.seconds(12);
    private static final String[] PROFILES = {"c62x", "dh8950", "no-qat", "broken", "new-kernel"};

    private final Stage stage;
    private final Workbench workbench;
    private final WorkbenchViewModel vm;
    private final TabPane tabs = new TabPane();
    private final Map<NasViewModel, Tab> tabOf = new HashMap<>();
    private final StatusBar status = new StatusBar();
    private final Circle statusDot = new Circle(5);
    private final VBox notices = new VBox();
    private final StackPane content = new StackPane();
    private final Map<NasViewModel, NasPane> paneOf = new HashMap<>();
    private org.qatwb.app.gui.fleet.FleetPane fleet;
    private UiSettings settings;

    public MainWindow(Stage stage, Workbench workbench) {
        this.stage = stage;
        this.workbench = workbench;
        this.vm = workbench.viewModel();
        this.settings = workbench.uiSettings().load();
        // an uncaught failure, on any thread, is logged and shown in one dialog over this window
        org.qatwb.app.gui.common.FailureDialog.install(stage);
        applyTheme(vm.darkProperty().get());
        vm.darkProperty().addListener((o, a, dark) -> applyTheme(dark));

        tabs.setId("nas-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        vm.openNas().addListener((ListChangeListener<NasViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::removeTab);
                c.getAddedSubList().forEach(this::addTab);
            }
            showTabsOrWelcome();
        });
        vm.selectedProperty().addListener((o, a, sel) -> {
            if (sel != null && tabOf.containsKey(sel)) {
                tabs.getSelectionModel().select(tabOf.get(sel));
            }
            bindStatus(sel);
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.select((NasViewModel) t.getUserData());
            }
        });
        vm.fleetShownProperty().addListener((o, a, b) -> showTabsOrWelcome());
        vm.noticeProperty().addListener((o, a, n) -> {
            if (n != null) {
                notify(n);
            }
        });

        BorderPane frame = new BorderPane();
        frame.setTop(toolbar());
        frame.setCenter(content);
        frame.setBottom(status);
        status.setId("status-bar");
        statusDot.getStyleClass().add(Css.STATUS_DOT);
        status.setGraphic(statusDot);
        status.setText("");
        showTabsOrWelcome();

        notices.getStyleClass().add(Css.NOTICES);
        notices.setId("notices");
        notices.setMaxSize(420, Region.USE_PREF_SIZE);
        notices.setPickOnBounds(false);
        StackPane root = new StackPane(frame, notices);
        StackPane.setAlignment(notices, Pos.TOP_RIGHT);
        StackPane.setMargin(notices, new Insets(48, 8, 0, 0));

        Scene scene = new Scene(root);
        scene.getStylesheets().add(Css.STYLESHEET);
        accelerators(scene);
        stage.setScene(scene);
        stage.setTitle("QAT Workbench");
        for (var url : AppIcons.applicationIconUrls()) {
            stage.getIcons().add(new Image(url.toExternalForm()));
        }
        place(settings.window());
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private ToolBar toolbar() {
        ImageView logo = new ImageView(new Image(AppIcons.applicationIconUrl(24).toExternalForm()));
        Label name = new Label("QAT Workbench");
        name.getStyleClass().add(Styles.TITLE_4);

        Button fleetButton = new Button("Fleet", Glyphs.icon(Glyphs.FLEET));
        fleetButton.setId("fleet-button");
        fleetButton.setTooltip(new Tooltip("Every saved NAS at a glance (Alt+0)"));
        fleetButton.setOnAction(e -> vm.showFleet());

        Button connect = new Button("Connect…", Glyphs.icon(Glyphs.CONNECT));
        connect.setId("connect-button");
        connect.setTooltip(new Tooltip("Connect to a NAS over SSH (Ctrl+N)"));
        connect.setOnAction(e -> showConnectDialog());

        MenuButton sim = new MenuButton("Simulated NAS", Glyphs.icon(Glyphs.SIMULATED));
        sim.setId("simulated-menu");
        for (String p : PROFILES) {
            MenuItem item = new MenuItem(p);
            item.setOnAction(e -> vm.openSimulated(p));
            sim.getItems().add(item);
        }
        MenuItem zia = new MenuItem("broken, with Z.I.A. pools");
        zia.setId("simulated-broken-zia");
        zia.setOnAction(e -> vm.openSimulatedWithZia("broken"));
        sim.getItems().addAll(new SeparatorMenuItem(), zia);

        Button refresh = new Button(null, Glyphs.icon(Glyphs.REFRESH));
        refresh.setId("refresh-button");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setTooltip(new Tooltip("Read the NAS again (F5)"));
        refresh.setOnAction(e -> refresh());
        refresh.disableProperty().bind(vm.selectedProperty().isNull());

        Button theme = new Button(null, Glyphs.icon(Glyphs.THEME));
        theme.setId("theme-button");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.setTooltip(new Tooltip("Light or dark (Ctrl+Shift+L)"));
        theme.setOnAction(e -> vm.toggleDark());

        Button keys = new Button(null, Glyphs.icon(Glyphs.KEYBOARD));
        keys.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        keys.setTooltip(new Tooltip("Keyboard shortcuts (F1)"));
        keys.setOnAction(e -> Shortcuts.show(stage));

        Region grow = new Region();
        javafx.scene.layout.HBox.setHgrow(grow, Priority.ALWAYS);
        ToolBar bar = new ToolBar(logo, name, new javafx.scene.control.Separator(), fleetButton, connect, sim, grow, refresh, theme, keys);
        bar.setId("main-toolbar");
        return bar;
    }

    private void accelerators(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::showConnectDialog);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), this::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), () -> {
            if (vm.selectedProperty().get() != null) {
                vm.close(vm.selectedProperty().get());
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                vm::toggleDark);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), () -> Shortcuts.show(stage));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.ALT_DOWN), vm::showFleet);
        for (int i = 1; i <= 9; i++) {
            int index = i - 1;
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(i)), KeyCombination.ALT_DOWN),
                    () -> {
                        if (index < tabs.getTabs().size()) {
                            tabs.getSelectionModel().select(index);
                        }
                    });
        }
    }

    /** F5 reads again what is shown: the fleet on its page, else the selected NAS. */
    private void refresh() {
        if (vm.openNas().isEmpty() || vm.fleetShownProperty().get()) {
            workbench.fleet().refresh();
        } else {
            vm.refreshSelected();
        }
    }

    private void showConnectDialog() {
        new ConnectDialog(stage, vm.savedConnections()).showAndWait()
                .ifPresent(r -> vm.connect(r.connection(), r.save()));
    }

    private void addTab(NasViewModel nas) {
        NasPane pane = new NasPane(nas, stage);
        paneOf.put(nas, pane);
        Tab tab = new Tab(nas.target().title(), pane);
        tab.setUserData(nas);
        tab.setGraphic(Glyphs.icon(nas.target().simulated() ? Glyphs.SIMULATED : Glyphs.SERVER));
        tab.setOnClosed(e -> vm.close(nas));
        tabOf.put(nas, tab);
        tabs.getTabs().add(tab);
        nas.linkProperty().addListener((o, a, b) -> {
            if (vm.selectedProperty().get() == nas) {
                showLinkTone(nas);
            }
        });
        nas.notices().addListener((ListChangeListener<Notice>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::notify);
            }
        });
    }

    private void removeTab(NasViewModel nas) {
        paneOf.remove(nas);
        Tab t = tabOf.remove(nas);
        if (t != null) {
            tabs.getTabs().remove(t);
        }
    }

    private void showTabsOrWelcome() {
        // the fleet page is the start page; it stays built (its rows and sort) once made
        Node shown = vm.openNas().isEmpty() || vm.fleetShownProperty().get() ? fleetPane() : tabs;
        if (content.getChildren().size() != 1 || content.getChildren().get(0) != shown) {
            content.getChildren().setAll(shown);
        }
    }

    private Node fleetPane() {
        if (fleet == null) {
            fleet = new org.qatwb.app.gui.fleet.FleetPane(workbench.fleet(), stage, this::showConnectDialog);
        }
        return fleet;
    }

    private void bindStatus(NasViewModel nas) {
        status.textProperty().unbind();
        status.progressProperty().unbind();
        status.setProgress(0);
        if (nas == null || !paneOf.containsKey(nas)) {
            status.setText("No NAS open");
            Css.tone(statusDot, Tone.NEUTRAL);
            return;
        }
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> describe(nas), nas.linkProperty(), nas.linkDetailProperty(), nas.activityProperty(),
                nas.snapshotProperty()));
        status.progressProperty().bind(javafx.beans.binding.Bindings.when(paneOf.get(nas).busyProperty()).then(-1.0).otherwise(0.0));
        showLinkTone(nas);
    }

    private void showLinkTone(NasViewModel nas) {
        Css.tone(statusDot, switch (nas.linkProperty().get()) {
            case CONNECTED -> Tone.GOOD;
            case CONNECTING, RECONNECTING -> Tone.WARN;
            case FAILED -> Tone.BAD;
            case CLOSED -> Tone.NEUTRAL;
        });
    }

    private static String describe(NasViewModel nas) {
        String state = switch (nas.linkProperty().get()) {
            case CONNECTING -> "Connecting";
            case CONNECTED -> "Connected";
            case RECONNECTING -> "Reconnecting";
            case FAILED -> "Not connected";
            case CLOSED -> "Closed";
        };
        String what = nas.target().simulated() ? " (simulated)" : "";
        String detail = nas.linkDetailProperty().get();
        String activity = nas.activityProperty().get();
        // a host that answers but is not (yet) a QAT NAS says so here too, whichever tab is open
        String notYet = nas.linkProperty().get() == org.qatwb.app.viewmodel.LinkState.CONNECTED
                && nas.snapshotProperty().get() != null
                ? org.qatwb.app.workbench.EmptyStates.notYet(nas.snapshotProperty().get()).map(n -> "   ·   " + n).orElse("") : "";
        return state + what + (detail.isEmpty() ? "" : ": " + detail) + notYet
                + (activity.isEmpty() ? "" : "   ·   " + activity + "…");
    }

    private void notify(Notice n) {
        // what the user was told, in the log too: a bug report then has the notices beside the requests
        java.util.logging.Logger.getLogger(MainWindow.class.getName()).log(switch (n.level()) {
            case INFO -> java.util.logging.Level.INFO;
            case WARNING, ERROR -> java.util.logging.Level.WARNING;
        }, "notice: " + n.title() + ": " + n.message());
        Notification note = new Notification(n.title() + "\n" + n.message(), Glyphs.icon(switch (n.level()) {
            case INFO -> Glyphs.INFO;
            case WARNING -> Glyphs.WARNING;
            case ERROR -> Glyphs.ERROR;
        }));
        note.getStyleClass().addAll(Styles.ELEVATED_1, switch (n.level()) {
            case INFO -> Styles.ACCENT;
            case WARNING -> Styles.WARNING;
            case ERROR -> Styles.DANGER;
        });
        note.setPrefWidth(400);
        note.setMaxWidth(400);
        note.setOnClose(e -> notices.getChildren().remove(note));
        notices.getChildren().add(note);
        if (notices.getChildren().size() > 4) {
            notices.getChildren().remove(0);
        }
        PauseTransition expire = new PauseTransition(NOTICE_TIME);
        expire.setOnFinished(e -> notices.getChildren().remove(note));
        expire.play();
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void place(UiSettings.WindowPlace w) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (w != null && !Screen.getScreensForRectangle(w.x(), w.y(), Math.max(1, w.width()), Math.max(1, w.height())).isEmpty()) {
            stage.setX(w.x());
            stage.setY(w.y());
            stage.setWidth(Math.max(800, w.width()));
            stage.setHeight(Math.max(560, w.height()));
            stage.setMaximized(w.maximized());
        } else {
            stage.setWidth(Math.min(1360, screen.getWidth()));
            stage.setHeight(Math.min(860, screen.getHeight()));
            stage.centerOnScreen();
        }
    }

    /** Remembers the window's place and the theme (on close). */
    public void saveSettings() {
        settings = settings.withDark(vm.darkProperty().get()).withWindow(new UiSettings.WindowPlace(
                stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        try {
            workbench.uiSettings().save(settings);
        } catch (SettingsException e) {
            // the window is closing: nowhere to show it but the log
            java.util.logging.Logger.getLogger(MainWindow.class.getName()).warning("window settings not saved: " + e.getMessage());
        }
    }
}
