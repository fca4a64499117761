package org.qatwb.app.settings;

/**
 * What the workbench remembers between runs, {@code ui.json} in the config directory.
 *
 * @param window where the main window was, null before the first run
 * @param dark   the dark theme
 */
public record UiSettings(WindowPlace window, boolean dark) {

    public static UiSettings defaults() {
        return new UiSettings(null, false);
    }

    public UiSettings withWindow(WindowPlace w) {
        return new UiSettings(w, dark);
    }

    public UiSettings withDark(boolean d) {
        return new UiSettings(window, d);
    }

    /** A window's place and size in screen coordinates. */
    public record WindowPlace(double x, double y, double width, double height, boolean maximized) {
    }
}
