package org.qatwb.app.gui.charts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.qatwb.app.gui.Css;
import org.qatwb.app.viewmodel.ChartSpec;
import org.qatwb.model.history.HistoryEvent;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.model.history.Series;

/**
 * One offload chart, drawn on a canvas: each series as a line through its samples, or, when a
 * window holds more samples than the chart has pixel columns, as the min/max envelope of each
 * column (DESIGN.md: at most about two points per column). A gap in the data is a gap in the
 * line. Event markers are dashed vertical lines.
 */
final class OffloadChart extends VBox {

    private static final double LEFT = 56;
    private static final double RIGHT = 10;
    private static final double TOP = 8;
    private static final double BOTTOM = 20;
    private static final Font AXIS_FONT = Font.font(10.5);
    private static final int LABEL_ROWS = 4;
    private static final double LABEL_ROW_HEIGHT = 13;

    private final ChartSpec spec;
    private final Canvas canvas = new Canvas();
    private final List<Label> values = new ArrayList<>();
    /** Theme colours, read from styled nodes, so the canvas follows light and dark. */
    private final Label axisProbe = new Label();
    private final Region gridProbe = new Region();
    /** Measures marker labels (a Text outside the scene: layout bounds need no scene). */
    private final Text measure = new Text();
    private float[] min = new float[0];
    private float[] max = new float[0];
    private long drawn;

    /** @param themeChanged called when the theme's colours change: the canvas must be drawn again */
    OffloadChart(ChartSpec spec, Runnable themeChanged) {
        this.spec = spec;
        measure.setFont(AXIS_FONT);
        setId("chart-" + spec.id());
        getStyleClass().add(Css.CHART);
        setSpacing(4);
        Label title = new Label(spec.title());
        title.getStyleClass().add(Css.CHART_TITLE);
        Label unit = new Label(spec.unit());
        unit.getStyleClass().add(Css.MUTED);
        HBox head = new HBox(8, title, unit);
        head.setAlignment(Pos.BASELINE_LEFT);

        FlowPane legend = new FlowPane(14, 2);
        for (int i = 0; i < spec.series().size(); i++) {
            Series s = spec.series().get(i);
            Region swatch = new Region();
            swatch.getStyleClass().add(Css.LEGEND_SWATCH);
            swatch.setStyle("-fx-background-color: " + web(SeriesColors.of(s, i)));
            Label name = new Label(SeriesColors.name(s));
            name.setTooltip(new javafx.scene.control.Tooltip(s.label()));
            Label value = new Label("–");
            value.setId(spec.id() + "-value-" + i);
            value.getStyleClass().add(Css.MUTED);
            values.add(value);
            HBox item = new HBox(5, swatch, name, value);
            item.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(item);
        }

        Pane plot = new Pane(canvas);
        plot.setMinHeight(120);
        plot.setPrefHeight(170);
        canvas.widthProperty().bind(plot.widthProperty());
        canvas.heightProperty().bind(plot.heightProperty());
        VBox.setVgrow(plot, Priority.ALWAYS);

        axisProbe.getStyleClass().add("chart-axis");
        gridProbe.getStyleClass().add("chart-grid");
        axisProbe.setManaged(false);
        axisProbe.setVisible(false);
        gridProbe.setManaged(false);
        gridProbe.setVisible(false);
        getChildren().addAll(head, legend, plot, axisProbe, gridProbe);
        axisProbe.textFillProperty().addListener(o -> themeChanged.run());
        gridProbe.backgroundProperty().addListener(o -> themeChanged.run());
    }

    /** The plot's width in pixel columns (0 before the first layout). */
    double plotWidth() {
        return Math.max(0, Math.floor(canvas.getWidth() - LEFT - RIGHT));
    }

    /** The legend's values: each series' latest sample (cheap: it runs on every new sample). */
    void showValues(OffloadHistory h) {
        for (int i = 0; i < spec.series().size(); i++) {
            float last = h.last(spec.series().get(i));
            String text = Float.isNaN(last) ? "–" : si(last);
            if (!text.equals(values.get(i).getText())) {
                values.get(i).setText(text);
            }
        }
    }

    ChartSpec spec() {
        return spec;
    }

    /** How many times the chart was drawn (tests watch it move). */
    long drawCount() {
        return drawn;
    }

    /** Draws the window [from, to) of {@code h}. */
    void draw(OffloadHistory h, long from, long to) {
        double w = canvas.getWidth();
        double ht = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, ht);
        double pw = Math.floor(w - LEFT - RIGHT);
        double ph = ht - TOP - BOTTOM;
        if (pw < 10 || ph < 10 || to <= from) {
            return;
        }
        Paint axis = axisProbe.getTextFill();
        Paint grid = gridProbe.getBackground() != null && !gridProbe.getBackground().getFills().isEmpty()
                ? gridProbe.getBackground().getFills().get(0).getFill() : Color.gray(0.5, 0.3);

        float top = 0;
        for (Series s : spec.series()) {
            float m = h.max(s, from, to);
            if (!Float.isNaN(m)) {
                top = Math.max(top, m);
            }
        }
        double yMax = niceCeiling(top <= 0 ? 1 : top * 1.08);

        g.setFont(AXIS_FONT);
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i <= 4; i++) {
            double y = TOP + ph - ph * i / 4.0;
            g.setStroke(grid);
            g.strokeLine(LEFT, Math.round(y) + 0.5, LEFT + pw, Math.round(y) + 0.5);
            g.setFill(axis);
            g.fillText(si(yMax * i / 4.0), LEFT - 6, y);
        }
        timeAxis(g, from, to, pw, ph, axis, grid);

        int columns = (int) pw;
        if (min.length != columns) {
            min = new float[columns];
            max = new float[columns];
        }
        int firstInWindow = h.indexAtOrAfter(from);
        int samples = h.indexAtOrAfter(to) - firstInWindow;
        double span = to - from;
        for (int i = 0; i < spec.series().size(); i++) {
            Series s = spec.series().get(i);
            g.setStroke(SeriesColors.of(s, i));
            g.setLineWidth(1.6);
            g.beginPath();
            if (samples <= columns) {
                drawSamples(g, h, s, firstInWindow, samples, from, span, pw, ph, yMax);
            } else {
                drawEnvelope(g, h, s, from, to, columns, ph, yMax);
            }
            g.stroke();
        }
        showValues(h);
        events(g, h, from, to, span, pw, ph, axis);
        drawn++;
    }

    private void drawSamples(GraphicsContext g, OffloadHistory h, Series s, int first, int count, long from, double span,
                             double pw, double ph, double yMax) {
        boolean open = false;
        for (int k = first; k < first + count; k++) {
            float v = h.valueAt(s, k);
            if (Float.isNaN(v)) {
                open = false;
                continue;
            }
            double x = LEFT + (h.timeAt(k) - from) / span * pw;
            double y = y(v, ph, yMax);
            if (open) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                open = true;
            }
        }
    }

    private void drawEnvelope(GraphicsContext g, OffloadHistory h, Series s, long from, long to, int columns, double ph,
                              double yMax) {
        h.decimate(s, from, to, columns, min, max);
        boolean open = false;
        for (int c = 0; c < columns; c++) {
            if (Float.isNaN(min[c])) {
                open = false;
                continue;
            }
            double x = LEFT + c + 0.5;
            double hi = y(max[c], ph, yMax);
            double lo = y(min[c], ph, yMax);
            if (open) {
                g.lineTo(x, hi);
            } else {
                g.moveTo(x, hi);
                open = true;
            }
            if (lo != hi) {
                g.lineTo(x, lo);
            }
        }
    }

    /**
     * Event markers: a dashed line, and its label beside it, on the right of the line where it
     * fits in the canvas, else on its left; a label that would overlap the previous one goes a
     * row lower, so that none is cut or drawn over another.
     */
    private void events(GraphicsContext g, OffloadHistory h, long from, long to, double span, double pw, double ph, Paint axis) {
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double right = canvas.getWidth() - 2;
        double[] rowEnds = new double[LABEL_ROWS];
        java.util.Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
        for (HistoryEvent e : h.events(from, to)) {
            double x = Math.round(LEFT + (e.epochMillis() - from) / span * pw) + 0.5;
            Color c = switch (e.kind()) {
                case PARAM_CHANGE -> Color.web("#8957e5");
                case RESTART -> Color.web("#d29922");
                case RECONNECT, GAP -> Color.web("#cf222e");
            };
            g.setStroke(c);
            g.setLineDashes(4, 3);
            g.strokeLine(x, TOP, x, TOP + ph);
            g.setLineDashes();
            double width = textWidth(e.label());
            double left = labelLeft(x, width, right);
            int row = 0;
            while (row < LABEL_ROWS - 1 && left < rowEnds[row] + 4) {
                row++;
            }
            rowEnds[row] = left + width;
            g.setFill(c);
            g.fillText(e.label(), left, TOP + 1 + row * LABEL_ROW_HEIGHT);
        }
        g.setFill(axis);
    }

    /**
     * Where a marker's label starts: right of the marker line at {@code x} if it ends before
     * {@code right}, else left of the line, never left of the plot.
     */
    static double labelLeft(double x, double width, double right) {
        return x + 3 + width <= right ? x + 3 : Math.max(LEFT, Math.min(x - 3, right) - width);
    }

    /** The width {@code text} takes in the axis font. */
    private double textWidth(String text) {
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    private static void timeAxis(GraphicsContext g, long from, long to, double pw, double ph, Paint axis, Paint grid) {
        long span = to - from;
        long step = tickStep(span);
        DateTimeFormatter f = DateTimeFormatter.ofPattern(step < 60_000 ? "HH:mm:ss" : "HH:mm", Locale.ROOT)
                .withZone(ZoneId.systemDefault());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (long t = (from / step + 1) * step; t < to; t += step) {
            double x = Math.round(LEFT + (double) (t - from) / span * pw) + 0.5;
            g.setStroke(grid);
            g.strokeLine(x, TOP, x, TOP + ph);
            g.setFill(axis);
            g.fillText(f.format(Instant.ofEpochMilli(t)), x, TOP + ph + 4);
        }
    }

    /** About five labelled ticks across any window. */
    static long tickStep(long spanMillis) {
        long[] steps = {10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000,
                7_200_000, 10_800_000, 14_400_000, 21_600_000};
        for (long s : steps) {
            if (spanMillis / s <= 6) {
                return s;
            }
        }
        return 43_200_000;
    }

    private static double y(float v, double ph, double yMax) {
        return TOP + ph - Math.min(1.0, Math.max(0, v / yMax)) * ph;
    }

    /** The smallest of 1, 2, 2.5, 5 × 10^k at or above {@code v}: axis labels that read well. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v * 0.999999) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** 1234 → "1.23k"; values an axis or a legend can hold. */
    static String si(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return trim(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (a >= 1e3) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        String s = Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
