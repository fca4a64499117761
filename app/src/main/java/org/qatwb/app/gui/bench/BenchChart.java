package org.qatwb.app.gui.bench;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.qatwb.app.gui.Css;
import org.qatwb.app.viewmodel.BenchComparison;
import org.qatwb.app.workbench.Tone;
import org.qatwb.model.bench.BenchPass;

/**
 * The benchmark's side-by-side chart, drawn on a canvas as the project's charts are (decision 0015):
 * one group per figure, a bar for QAT on above a bar for QAT off on the figure's own scale (units
 * differ from figure to figure), each with its number written at its end; a figure not measured is
 * written "—" with no bar, never drawn as 0. Figures without a scale (ratio, failures, checksum)
 * are written only. "SIMULATED" is written across the top when the simulator modelled them. Colours
 * come from styled probe labels, so the canvas follows the light and dark themes.
 */
final class BenchChart extends Pane {

    private static final double PAD = 10;
    private static final double LABEL_WIDTH = 250;
    private static final double PASS_WIDTH = 62;
    private static final double VALUE_ROOM = 96;
    private static final double BAR = 15;
    private static final double GAP = 3;
    private static final double GROUP_GAP = 12;
    private static final double HEAD = 30;
    private static final Font FONT = Font.font(12);
    private static final Font BOLD = Font.font(null, FontWeight.BOLD, 12);
    private static final Font BANNER = Font.font(null, FontWeight.BOLD, 15);

    private final Canvas canvas = new Canvas();
    private final Label text = probe("bench-chart-text");
    private final Label muted = probe("bench-chart-muted");
    private final Label on = probe("bench-chart-on");
    private final Label off = probe("bench-chart-off");
    private final Label good = probe("bench-chart-good");
    private final Label warn = probe("bench-chart-warn");
    private final Label bad = probe("bench-chart-bad");
    private final List<String> written = new ArrayList<>();
    private BenchComparison shown;
    private long drawn;

    BenchChart() {
        setId("bench-chart");
        getStyleClass().add(Css.CHART);
        canvas.widthProperty().bind(widthProperty());
        getChildren().add(canvas);
        for (Label l : List.of(text, muted, on, off, good, warn, bad)) {
            getChildren().add(l);
            l.textFillProperty().addListener(o -> draw());
        }
        widthProperty().addListener(o -> draw());
        setMinHeight(0);
    }

    private static Label probe(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        l.setManaged(false);
        l.setVisible(false);
        return l;
    }

    /** Shows {@code c} (null: nothing). */
    void show(BenchComparison c) {
        shown = c;
        double h = c == null ? 0 : HEAD + PAD + c.rows().size() * (2 * BAR + GAP + GROUP_GAP) + PAD;
        canvas.setHeight(h);
        setPrefHeight(h);
        setMinHeight(h);
        draw();
    }

    /** The comparison drawn. */
    BenchComparison comparison() {
        return shown;
    }

    /** Every text written on the canvas at the last draw, in order (the chart's labels, for tests and screen readers' sake). */
    List<String> written() {
        return List.copyOf(written);
    }

    /** How many times it was drawn. */
    long drawCount() {
        return drawn;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        g.clearRect(0, 0, w, canvas.getHeight());
        written.clear();
        if (shown == null || w < LABEL_WIDTH + PASS_WIDTH + VALUE_ROOM + 40) {
            return;
        }
        g.setTextBaseline(VPos.CENTER);
        double barMax = w - PAD - LABEL_WIDTH - PASS_WIDTH - VALUE_ROOM - PAD;

        // the legend, and the simulator's mark
        double y = PAD + 8;
        legend(g, PAD + LABEL_WIDTH, y, on.getTextFill(), BenchPass.QAT_ON.label());
        legend(g, PAD + LABEL_WIDTH + 110, y, off.getTextFill(), BenchPass.QAT_OFF.label());
        if (shown.simulated()) {
            g.setFont(BANNER);
            g.setFill(warn.getTextFill());
            g.setTextAlign(TextAlignment.RIGHT);
            write(g, "SIMULATED: every figure is modelled", w - PAD, y);
        }

        y = HEAD + PAD;
        for (BenchComparison.Row r : shown.rows()) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(BOLD);
            g.setFill(text.getTextFill());
            write(g, r.label(), PAD, y + BAR / 2);
            if (r.better() != BenchComparison.Better.NONE) {
                g.setFont(FONT);
                g.setFill(muted.getTextFill());
                write(g, r.better() == BenchComparison.Better.HIGHER ? "higher is better" : "lower is better",
                        PAD, y + BAR + GAP + BAR / 2);
            }
            for (BenchPass pass : BenchPass.values()) {
                double row = pass == BenchPass.QAT_ON ? y : y + BAR + GAP;
                cell(g, r, pass, row, barMax);
            }
            y += 2 * BAR + GAP + GROUP_GAP;
        }
        drawn++;
    }

    private void cell(GraphicsContext g, BenchComparison.Row r, BenchPass pass, double top, double barMax) {
        BenchComparison.Cell c = r.cell(pass);
        double mid = top + BAR / 2;
        double x = PAD + LABEL_WIDTH;
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(muted.getTextFill());
        write(g, pass.label(), x, mid);
        x += PASS_WIDTH;
        Paint colour = pass == BenchPass.QAT_ON ? on.getTextFill() : off.getTextFill();
        // a measured 0 has no bar (its "0" is written); a value above 0 at least a sliver
        if (r.better() != BenchComparison.Better.NONE && c.value().isPresent() && c.value().getAsDouble() > 0 && r.scale() > 0) {
            double len = Math.max(2, barMax * c.value().getAsDouble() / r.scale());
            g.setFill(colour);
            g.fillRoundRect(x, top, len, BAR, 4, 4);
            x += len + 6;
        }
        g.setFont(c.value().isPresent() || c.tone() != Tone.NEUTRAL ? BOLD : FONT);
        g.setFill(switch (c.tone()) {
            case GOOD -> good.getTextFill();
            case WARN -> warn.getTextFill();
            case BAD -> bad.getTextFill();
            case NEUTRAL -> c.value().isPresent() ? text.getTextFill() : muted.getTextFill();
        });
        write(g, c.text(), x, mid);
    }

    private void legend(GraphicsContext g, double x, double y, Paint colour, String name) {
        g.setFill(colour);
        g.fillRoundRect(x, y - 6, 22, 12, 3, 3);
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(text.getTextFill() == null ? Color.GRAY : text.getTextFill());
        write(g, name, x + 28, y);
    }

    private void write(GraphicsContext g, String s, double x, double y) {
        g.fillText(s, x, y);
        written.add(s);
    }
}
