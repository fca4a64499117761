package org.qatwb.app.gui.charts;

import atlantafx.base.theme.Styles;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.kordamp.ikonli.javafx.FontIcon;
import org.qatwb.app.gui.Css;
import org.qatwb.app.gui.Glyphs;
import org.qatwb.app.gui.common.FxClock;
import org.qatwb.app.gui.common.ShownWatch;
import org.qatwb.app.viewmodel.ChartSpec;
import org.qatwb.app.viewmodel.ChartWindow;
import org.qatwb.app.viewmodel.LiveChartsViewModel;
import org.qatwb.app.viewmodel.Notice;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.model.parse.Snippet;

/**
 * The live offload charts with their controls. Draws only when what the charts show changes (new
 * data, the window, the size, the theme), at most once per frame, and only while the charts are
 * on screen: nothing runs per frame, so a window left open costs nothing between samples
 * (docs/benchmarks.md, "Cost at rest"). The right edge moves in steps of one pixel column's time
 * (at least two seconds), and the legend's values at most once in that time too: at 1 Hz data
 * the window draws one frame every two seconds.
 */
public final class ChartsPane extends BorderPane {

    static final long MIN_STEP_MILLIS = 2000;

    private final LiveChartsViewModel vm;
    private final Window owner;
    private final Consumer<Notice> notices;
    private final GridPane grid = new GridPane();
    private final List<OffloadChart> charts = new ArrayList<>();
    private final Label status = new Label();
    private final Label missing = new Label();
    private final Label nothing = new Label();
    private final StackPane body = new StackPane();
    private final ScrollPane scroll = new ScrollPane(grid);
    private final VBox empty;
    private final ShownWatch shown;
    private final FxClock clock;
    /** The next pulse draws; started for one frame only when something changed. */
    private final AnimationTimer frame = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            scheduled = false;
            refresh();
        }
    };
    private boolean scheduled;
    /** The canvases must be redrawn even if the window did not move (size, theme, chart set, pause). */
    private boolean viewChanged = true;
    private long drawnFrom = Long.MIN_VALUE;
    private long drawnTo = Long.MIN_VALUE;
    private int drawnEvents = -1;
    /** The window's end when the legend's values were last shown. */
    private long textEnd;
    private long canvasDraws;

    public ChartsPane(LiveChartsViewModel vm, Window owner, Consumer<Notice> notices) {
        this.vm = vm;
        this.owner = owner;
        this.notices = notices;
        setId("charts");
        setTop(toolbar());
        grid.setHgap(12);
        grid.setVgap(12);
        grid.setPadding(new Insets(12));
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        scroll.setFitToWidth(true);

        missing.setId("charts-missing");
        missing.setGraphic(Glyphs.icon(Glyphs.WARNING));
        missing.setWrapText(true);
        missing.setMaxWidth(Double.MAX_VALUE);
        missing.setPadding(new Insets(8, 12, 0, 12));
        missing.textProperty().bind(vm.missingCountersProperty());
        missing.managedProperty().bind(missing.textProperty().isNotEmpty());
        missing.visibleProperty().bind(missing.managedProperty());

        FontIcon icon = Glyphs.icon(Glyphs.CHARTS);
        icon.setIconSize(40);
        icon.getStyleClass().add(Css.MUTED);
        Label heading = new Label("Nothing to chart yet");
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.setId("charts-empty-title");
        nothing.setId("charts-empty-detail");
        nothing.setWrapText(true);
        nothing.setMaxWidth(620);
        nothing.setTextAlignment(TextAlignment.CENTER);
        nothing.textProperty().bind(vm.nothingToChartProperty());
        empty = new VBox(10, icon, heading, nothing);
        empty.setAlignment(Pos.CENTER);
        empty.setPadding(new Insets(24));
        empty.setId("charts-empty");
        setCenter(new VBox(missing, body));
        VBox.setVgrow(body, Priority.ALWAYS);
        showBodyOrEmpty();
        vm.nothingToChartProperty().addListener((o, a, b) -> showBodyOrEmpty());
        rebuild();

        clock = new FxClock(vm::tick);
        // shown again (this tab, the NAS's tab, the window): catch up at once; hidden: nothing to wake for
        shown = new ShownWatch(this, on -> {
            if (on) {
                viewChanged();
            } else {
                clock.cancel();
            }
        });
        vm.revisionProperty().addListener((o, a, b) -> changed());
        grid.widthProperty().addListener((o, a, b) -> viewChanged());
        grid.heightProperty().addListener((o, a, b) -> viewChanged());
        vm.windowProperty().addListener((o, a, b) -> viewChanged());
        vm.pausedProperty().addListener((o, a, b) -> viewChanged());

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                vm.togglePause();
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN).match(e)) {
                exportCsv();
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN).match(e)) {
                exportPng();
                e.consume();
            }
        });
    }

    private void viewChanged() {
        viewChanged = true;
        changed();
    }

    /** Something the charts show may have changed: draw at the next frame, if they are on screen. */
    private void changed() {
        if (shown == null || !shown.isShown()) {
            // drawn when shown again (ShownWatch); no tick keeps a hidden chart's axis moving
            clock.cancel();
            return;
        }
        if (!scheduled) {
            scheduled = true;
            frame.start();
        }
    }

    private void showBodyOrEmpty() {
        body.getChildren().setAll(vm.nothingToChartProperty().get().isEmpty() ? scroll : empty);
    }

    private Node toolbar() {
        ToggleButton pause = new ToggleButton("Pause", Glyphs.icon(Glyphs.PAUSE));
        pause.setId("charts-pause");
        pause.setTooltip(new Tooltip("Pause or resume the charts (Space); samples are still recorded"));
        pause.setOnAction(e -> vm.togglePause());
        vm.pausedProperty().addListener((o, a, p) -> {
            pause.setSelected(p);
            pause.setText(p ? "Resume" : "Pause");
            pause.setGraphic(Glyphs.icon(p ? Glyphs.PLAY : Glyphs.PAUSE));
        });

        HBox windows = new HBox();
        ToggleGroup group = new ToggleGroup();
        ChartWindow[] all = ChartWindow.values();
        for (int i = 0; i < all.length; i++) {
            ChartWindow w = all[i];
            ToggleButton b = new ToggleButton(w.label());
            b.setId("window-" + w.name().toLowerCase(Locale.ROOT));
            b.setToggleGroup(group);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == all.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setSelected(vm.windowProperty().get() == w);
            b.setOnAction(e -> {
                vm.setWindow(w);
                b.setSelected(true);
            });
            windows.getChildren().add(b);
        }

        Button csv = new Button("CSV", Glyphs.icon(Glyphs.CSV));
        csv.setId("charts-csv");
        csv.setTooltip(new Tooltip("Export the shown window's data as CSV (Ctrl+E)"));
        csv.setOnAction(e -> exportCsv());
        csv.disableProperty().bind(vm.exportingProperty());
        Button png = new Button("PNG", Glyphs.icon(Glyphs.PNG));
        png.setId("charts-png");
        png.setTooltip(new Tooltip("Save the charts as a PNG image (Ctrl+P)"));
        png.setOnAction(e -> exportPng());

        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setId("charts-status");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ToolBar bar = new ToolBar(pause, windows, grow, status, csv, png);
        bar.setId("charts-toolbar");
        return bar;
    }

    private void rebuild() {
        charts.clear();
        grid.getChildren().clear();
        List<ChartSpec> specs = vm.charts();
        for (int i = 0; i < specs.size(); i++) {
            OffloadChart c = new OffloadChart(specs.get(i), this::viewChanged);
            charts.add(c);
            grid.add(c, i % 2, i / 2);
        }
        viewChanged = true;
    }

    /** Whether the charts shown are {@code specs}: firmware devices and a fork's kstat rows come later. */
    private boolean sameSpecs(List<ChartSpec> specs) {
        if (specs.size() != charts.size()) {
            return false;
        }
        for (int i = 0; i < specs.size(); i++) {
            if (!specs.get(i).equals(charts.get(i).spec())) {
                return false;
            }
        }
        return true;
    }

    /** One frame's work: the canvases if what they show changed, else the legend's values only. */
    private void refresh() {
        if (!shown.isShown()) {
            clock.cancel();
            return;
        }
        List<ChartSpec> specs = vm.charts();
        if (!sameSpecs(specs)) {
            rebuild();
            applyCss();
            layout();
        }
        OffloadHistory h = vm.history();
        long step = stepMillis();
        long end = vm.windowEndProperty().get();
        // the right edge moves a column at a time: one redraw per column's worth of time, however
        // many samples arrive in it (the 24 h window draws every 72 s, not every second)
        long to = Math.floorDiv(end + step - 1, step) * step;
        long from = to - vm.windowProperty().get().millis();
        int events = h.events(from, to).size();
        boolean canvases = viewChanged || from != drawnFrom || to != drawnTo || events != drawnEvents;
        if (canvases) {
            viewChanged = false;
            drawnFrom = from;
            drawnTo = to;
            drawnEvents = events;
            canvasDraws++;
            for (OffloadChart c : charts) {
                c.draw(h, from, to);
            }
        }
        // the legend's values and the sample count follow the data at most once a step too: under
        // software rendering any changed text costs a frame, which is what the steps save
        if (canvases || end - textEnd >= MIN_STEP_MILLIS || end < textEnd) {
            textEnd = end;
            for (OffloadChart c : charts) {
                c.showValues(h);
            }
            int samples = h.size();
            status.setText((vm.pausedProperty().get() ? "Paused · " : "Live · ") + samples + " sample"
                    + (samples == 1 ? "" : "s") + " kept (24 h max)");
        }
        if (vm.pausedProperty().get()) {
            clock.cancel();
        } else {
            // without samples (a stalled stream) the axis still moves: a tick once the next step
            // is due, pushed back by every sample that comes first
            clock.wakeIn(Math.max(step, to - end + step));
        }
    }

    /**
     * The time one pixel column of the plot holds, and at least {@link #MIN_STEP_MILLIS}: under
     * software rendering a frame of six charts costs about 17 ms of the render thread, so at 1 Hz
     * data the canvases follow every second sample (docs/benchmarks.md, "Cost at rest").
     */
    long stepMillis() {
        double columns = charts.isEmpty() ? 0 : charts.get(0).plotWidth();
        long window = vm.windowProperty().get().millis();
        return columns < 10 ? MIN_STEP_MILLIS : Math.max(MIN_STEP_MILLIS, (long) Math.ceil(window / columns));
    }

    /** Draws every chart now (the benchmark times it). */
    void redrawNow() {
        viewChanged = true;
        refresh();
    }

    int chartCount() {
        return charts.size();
    }

    /** Total draws of all charts, for tests that watch the charts move. */
    public long drawCount() {
        return charts.stream().mapToLong(OffloadChart::drawCount).sum();
    }

    /** How many frames redrew the canvases (each draws every chart), for tests that count the work. */
    long canvasDrawCount() {
        return canvasDraws;
    }

    private File chooseFile(String title, String name, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(name + "-" + stamp() + "." + extension);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT), "*." + extension));
        return fc.showSaveDialog(owner);
    }

    private void exportCsv() {
        File f = chooseFile("Export chart data", "qatwb-offload", "csv");
        if (f == null) {
            return;
        }
        vm.exportCsv(f.toPath(), problem -> notices.accept(problem
                .map(p -> new Notice(Notice.Level.ERROR, "CSV not exported", p))
                .orElseGet(() -> new Notice(Notice.Level.INFO, "CSV exported", f.toString()))));
    }

    private void exportPng() {
        File f = chooseFile("Save the charts as PNG", "qatwb-charts", "png");
        if (f == null) {
            return;
        }
        try {
            writePng(f);
            notices.accept(new Notice(Notice.Level.INFO, "PNG saved", f.toString()));
        } catch (IOException e) {
            notices.accept(new Notice(Notice.Level.ERROR, "PNG not saved", "cannot write " + f + ": " + Snippet.failure(e)));
        }
    }

    /** The charts as they are on screen, as a PNG file. */
    public void writePng(File f) throws IOException {
        WritableImage image = grid.snapshot(null, null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        if (!ImageIO.write(buffered, "png", f)) {
            throw new IOException("no PNG writer");
        }
    }

    private static String stamp() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
    }
}
