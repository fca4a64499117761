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
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
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
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.qatwb.app.gui.Glyphs;
import org.qatwb.app.viewmodel.ChartSpec;
import org.qatwb.app.viewmodel.ChartWindow;
import org.qatwb.app.viewmodel.LiveChartsViewModel;
import org.qatwb.app.viewmodel.Notice;

/**
 * The live offload charts with their controls. Redraws at most once per frame, and only when
 * something changed and the charts are on screen.
 */
public final class ChartsPane extends BorderPane {

    private final LiveChartsViewModel vm;
    private final Window owner;
    private final Consumer<Notice> notices;
    private final GridPane grid = new GridPane();
    private final List<OffloadChart> charts = new ArrayList<>();
    private final Label status = new Label();
    private boolean dirty = true;

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
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        rebuild();

        vm.revisionProperty().addListener((o, a, b) -> dirty = true);
        grid.widthProperty().addListener((o, a, b) -> dirty = true);
        grid.heightProperty().addListener((o, a, b) -> dirty = true);
        AnimationTimer frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty && onScreen()) {
                    dirty = false;
                    redraw();
                }
            }
        };
        // the time axis moves on even when no sample arrives
        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        // both run only while the pane is in a window: a closed NAS tab must not keep them (and
        // through them its 24 h history) alive
        sceneProperty().addListener((o, a, scene) -> {
            dirty = true;
            if (scene == null) {
                frames.stop();
                clock.stop();
            } else {
                frames.start();
                clock.play();
            }
        });
        if (getScene() != null) {
            frames.start();
            clock.play();
        }

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
            OffloadChart c = new OffloadChart(specs.get(i));
            charts.add(c);
            grid.add(c, i % 2, i / 2);
        }
    }

    private void redraw() {
        List<ChartSpec> specs = vm.charts();
        if (specs.size() != charts.size() || !specs.get(specs.size() - 1).equals(charts.get(charts.size() - 1).spec())) {
            rebuild();
            applyCss();
            layout();
        }
        long from = vm.windowStart();
        long to = vm.windowEndProperty().get();
        for (OffloadChart c : charts) {
            c.draw(vm.history(), from, to);
        }
        int samples = vm.history().size();
        status.setText((vm.pausedProperty().get() ? "Paused · " : "Live · ") + samples + " sample" + (samples == 1 ? "" : "s")
                + " kept (24 h max)");
    }

    /** Draws nothing while the charts tab or the NAS tab is not shown. */
    private boolean onScreen() {
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Draws every chart now (the benchmark times it; the frame timer calls the same). */
    void redrawNow() {
        redraw();
    }

    int chartCount() {
        return charts.size();
    }

    /** Total draws of all charts, for tests that watch the charts move. */
    public long drawCount() {
        return charts.stream().mapToLong(OffloadChart::drawCount).sum();
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
            notices.accept(new Notice(Notice.Level.ERROR, "PNG not saved", "cannot write " + f + ": " + e.getMessage()));
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
