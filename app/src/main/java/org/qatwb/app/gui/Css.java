package org.qatwb.app.gui;

import javafx.css.PseudoClass;
import org.qatwb.app.workbench.Tone;

/**
 * The workbench's own style classes and pseudo-classes (app.css), as constants, beside the
 * AtlantaFX theme's {@code Styles}.
 */
public final class Css {

    public static final String STYLESHEET = Css.class.getResource("app.css").toExternalForm();

    public static final String NAS_HEADER = "nas-header";
    public static final String SIM_BADGE = "sim-badge";
    public static final String CARD_TITLE = "card-title";
    public static final String STATUS_DOT = "status-dot";
    public static final String STATUS_GRID = "status-grid";
    public static final String MUTED = "muted";
    public static final String PARAM_ROW = "param-row";
    public static final String STATE_CHIP = "state-chip";
    public static final String CHART = "offload-chart";
    public static final String CHART_TITLE = "chart-title";
    public static final String LEGEND_SWATCH = "legend-swatch";
    public static final String CONF_LINE = "conf-line";
    public static final String FAILURE_PANE = "failure-pane";
    public static final String NOTICES = "notices";
    public static final String BENCH_CARD = "bench-card";

    public static final PseudoClass GOOD = PseudoClass.getPseudoClass("good");
    public static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");
    public static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    public static final PseudoClass FINDING = PseudoClass.getPseudoClass("finding");
    public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private Css() {
    }

    /** Sets exactly one of :good, :warn, :bad on {@code n} (none for NEUTRAL). */
    public static void tone(javafx.scene.Node n, Tone t) {
        n.pseudoClassStateChanged(GOOD, t == Tone.GOOD);
        n.pseudoClassStateChanged(WARN, t == Tone.WARN);
        n.pseudoClassStateChanged(BAD, t == Tone.BAD);
    }
}
