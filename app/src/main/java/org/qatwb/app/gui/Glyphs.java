package org.qatwb.app.gui;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The workbench's glyphs: one icon font (Feather), so every glyph has the same weight and style. */
public final class Glyphs {

    public static final Ikon CONNECT = Feather.PLUS_CIRCLE;
    public static final Ikon SIMULATED = Feather.CPU;
    public static final Ikon REFRESH = Feather.REFRESH_CW;
    public static final Ikon THEME = Feather.MOON;
    public static final Ikon DASHBOARD = Feather.GRID;
    public static final Ikon CHARTS = Feather.ACTIVITY;
    public static final Ikon PAUSE = Feather.PAUSE;
    public static final Ikon PLAY = Feather.PLAY;
    public static final Ikon CSV = Feather.FILE_TEXT;
    public static final Ikon PNG = Feather.IMAGE;
    public static final Ikon WARNING = Feather.ALERT_TRIANGLE;
    public static final Ikon ERROR = Feather.X_OCTAGON;
    public static final Ikon INFO = Feather.INFO;
    public static final Ikon SERVER = Feather.SERVER;
    public static final Ikon LOCK = Feather.LOCK;
    public static final Ikon FILE = Feather.FILE;
    public static final Ikon KEYBOARD = Feather.COMMAND;
    public static final Ikon DOCTOR = Feather.HEART;
    public static final Ikon LAYOUT = Feather.LAYOUT;
    public static final Ikon PRESET = Feather.SLIDERS;
    public static final Ikon UNDO = Feather.CORNER_UP_LEFT;
    public static final Ikon REDO = Feather.CORNER_UP_RIGHT;
    public static final Ikon APPLY = Feather.UPLOAD;
    public static final Ikon HISTORY = Feather.CLOCK;
    public static final Ikon PASS = Feather.CHECK_CIRCLE;
    public static final Ikon SKIP = Feather.MINUS_CIRCLE;
    public static final Ikon FLEET = Feather.HOME;
    public static final Ikon BENCHMARK = Feather.BAR_CHART_2;
    public static final Ikon STOP = Feather.SQUARE;

    private Glyphs() {
    }

    public static FontIcon icon(Ikon ikon) {
        return new FontIcon(ikon);
    }
}
