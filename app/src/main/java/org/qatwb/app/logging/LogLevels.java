package org.qatwb.app.logging;

import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;

/**
 * The level names {@code --log-level} and {@code QATWB_LOG} take, in the words administrators use
 * ({@code error warn info debug trace off}), mapped onto java.util.logging's levels.
 */
public final class LogLevels {

    /** The names, most quiet first, for a help text or an error message. */
    public static final String NAMES = "off, error, warn, info, debug, trace";

    private LogLevels() {
    }

    public static Optional<Level> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "off" -> Level.OFF;
            case "error", "severe" -> Level.SEVERE;
            case "warn", "warning" -> Level.WARNING;
            case "info" -> Level.INFO;
            case "debug", "fine" -> Level.FINE;
            case "trace", "finest", "all" -> Level.FINEST;
            default -> null;
        });
    }

    /** The word a log line shows for {@code level}. */
    static String word(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (v >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (v >= Level.INFO.intValue()) {
            return "INFO";
        }
        if (v >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }
}
