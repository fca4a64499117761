package org.qatwb.model.conf;

import org.qatwb.model.device.DriverRelease;

/**
 * The driver's reading of one line, reproduced from {@code adf_ctl}'s INI reader
 * ({@code quickassist/utilities/adf_ctl/src/ini_config.cpp} {@code config::read_ini} and
 * {@code utils.cpp} {@code sanitize_string}, {@code remove_whitespaces}, {@code trim_left}).
 *
 * <p>The reading differs by driver release. QAT1.7.L.4.8: a line is classified as it stands
 * (first character {@code #}, {@code [}, else a key line), and only spaces and CR are deleted, so
 * tabs stay inside keys and values. QAT.L.4.24 and 4.28: {@code read_ini} first calls
 * {@code utils::trim_left}, which drops leading spaces and tabs (so an indented {@code [KERNEL_QAT]}
 * is a header and an indented {@code #} a comment), and {@code remove_whitespaces} deletes tabs
 * like spaces. The lint rules warn where a file reads differently on another release.
 */
public final class ConfGrammar {

    /** Section names, keys and values must be shorter than this (DOMAIN.md section 4). */
    public static final int MAX_LENGTH = 128;

    private ConfGrammar() {
    }

    /** Cut at the first {@code #}, then delete every space and CR; tabs stay (driver 4.8). */
    public static String sanitize(String s) {
        return sanitize(s, DriverRelease.R4_8);
    }

    /** {@code utils::sanitize_string} of a release: cut at {@code #}, delete spaces and CR, and tabs from 4.24 on. */
    public static String sanitize(String s, DriverRelease release) {
        int hash = s.indexOf('#');
        String cut = hash >= 0 ? s.substring(0, hash) : s;
        boolean tabs = release.trimsBlanks();
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (c != ' ' && c != '\r' && !(tabs && c == '\t')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The line as the release classifies it: 4.24 and 4.28 drop its leading spaces and tabs first
     * ({@code utils::trim_left}), 4.8 takes it as it is.
     */
    public static String classified(String text, DriverRelease release) {
        if (!release.trimsBlanks()) {
            return text;
        }
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(i);
    }

    /** Whether the driver skips the line: empty, or first character {@code #} or CR. */
    public static boolean isSkipped(String text) {
        return text.isEmpty() || text.charAt(0) == '#' || text.charAt(0) == '\r';
    }

    /**
     * The section name the driver takes from a line starting with {@code [}, or null where it
     * prints "Wrong section format" and keeps the previous section.
     */
    public static String sectionName(String text) {
        return sectionName(text, DriverRelease.R4_8);
    }

    /** {@link #sectionName(String)} as a release reads it (what it deletes inside the name). */
    public static String sectionName(String text, DriverRelease release) {
        String clean = sanitize(text, release);
        int end = clean.indexOf(']');
        if (clean.isEmpty() || clean.charAt(0) != '[' || end < 0) {
            return null;
        }
        String name = clean.substring(1, end);
        return name.isEmpty() ? null : name;
    }

    /** The key of a key line: everything before the first {@code =}, or the whole line without one. */
    public static String key(String text) {
        return key(text, DriverRelease.R4_8);
    }

    public static String key(String text, DriverRelease release) {
        int eq = text.indexOf('=');
        return sanitize(eq >= 0 ? text.substring(0, eq) : text, release);
    }

    /** The value of a key line, surrounding double quotes stripped; the whole line without {@code =}. */
    public static String value(String text) {
        return value(text, DriverRelease.R4_8);
    }

    public static String value(String text, DriverRelease release) {
        int eq = text.indexOf('=');
        return unquote(sanitize(eq >= 0 ? text.substring(eq + 1) : text, release));
    }

    /** Strips one pair of surrounding double quotes; a lone {@code "} becomes empty, as in the driver. */
    static String unquote(String v) {
        if (!v.isEmpty() && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            return v.length() == 1 ? "" : v.substring(1, v.length() - 1);
        }
        return v;
    }

    /**
     * Whether the line is a comment indented by blanks: not skipped (its first character is not
     * {@code #}), but cut at the {@code #} it leaves an empty key, which the driver ignores with a
     * warning. Driver 4.8 keeps tabs, so a tab-indented comment becomes a key of tabs there.
     */
    static boolean isIndentedComment(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) {
            i++;
        }
        return i > 0 && i < text.length() && text.charAt(i) == '#';
    }

    static boolean isSpacesOnly(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** How the driver types a value: {@code 0x} and hex digits, all decimal digits, or a string. */
    public static ValueType typeOf(String value) {
        if (value.length() >= 3 && value.startsWith("0x") && allMatch(value, 2, ConfGrammar::isHex)) {
            // the driver keeps only what fits a long; longer hex is a string
            return value.length() - 2 > 16 ? ValueType.STRING : ValueType.HEX;
        }
        if (!value.isEmpty() && allMatch(value, 0, c -> c >= '0' && c <= '9')) {
            return value.length() > 19 ? ValueType.STRING : ValueType.DECIMAL;
        }
        return ValueType.STRING;
    }

    /** The value as a decimal number, or -1 when the driver would not read it as one (or it overflows). */
    public static long decimal(String value) {
        if (typeOf(value) != ValueType.DECIMAL) {
            return -1;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException overflow) {
            return -1;
        }
    }

    /** A number as the driver types it (decimal or {@code 0x} hex), or -1 when it is neither or overflows. */
    public static long number(String value) {
        try {
            return switch (typeOf(value)) {
                case DECIMAL -> Long.parseLong(value);
                case HEX -> Long.parseLong(value.substring(2), 16);
                case STRING -> -1;
            };
        } catch (NumberFormatException overflow) {
            return -1;
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private interface CharTest {
        boolean test(char c);
    }

    private static boolean allMatch(String s, int from, CharTest t) {
        for (int i = from; i < s.length(); i++) {
            if (!t.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The driver's value types. */
    public enum ValueType { DECIMAL, HEX, STRING }
}
