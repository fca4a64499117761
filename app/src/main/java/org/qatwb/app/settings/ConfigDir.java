package org.qatwb.app.settings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the workbench keeps its settings: {@code $XDG_CONFIG_HOME/qatwb}, else
 * {@code ~/.config/qatwb} (the XDG Base Directory specification). A relative
 * {@code XDG_CONFIG_HOME} is invalid by that specification and ignored.
 */
public final class ConfigDir {

    private ConfigDir() {
    }

    public static Path of(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("qatwb");
    }

    /** This user's directory. */
    public static Path user() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
