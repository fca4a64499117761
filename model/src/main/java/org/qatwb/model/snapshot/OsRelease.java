package org.qatwb.model.snapshot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /etc/os-release} (os-release(5)): {@code KEY=value} lines, values optionally in single
 * or double quotes, with backslash escapes inside double quotes. Lines that are not assignments
 * are ignored; a key assigned twice keeps its last value, as a shell sourcing the file would.
 *
 * @param fields every assignment, in file order
 */
public record OsRelease(Map<String, String> fields) {

    public OsRelease {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Reads the file; never fails (an unreadable line is skipped). */
    public static OsRelease parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq <= 0 || !line.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                continue;
            }
            unquote(line.substring(eq + 1)).ifPresent(v -> fields.put(line.substring(0, eq), v));
        }
        return new OsRelease(fields);
    }

    private static Optional<String> unquote(String v) {
        if (v.startsWith("'")) {
            int close = v.indexOf('\'', 1);
            return close < 0 ? Optional.empty() : Optional.of(v.substring(1, close));
        }
        if (!v.startsWith("\"")) {
            return Optional.of(v);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                return Optional.of(out.toString());
            }
            if (c == '\\' && i + 1 < v.length() && "\"\\$`".indexOf(v.charAt(i + 1)) >= 0) {
                c = v.charAt(++i);
            }
            out.append(c);
        }
        return Optional.empty(); // no closing quote
    }

    /** {@code NAME}, e.g. "Debian GNU/Linux". */
    public Optional<String> name() {
        return Optional.ofNullable(fields.get("NAME"));
    }

    /** {@code VERSION_ID}, e.g. "12". */
    public Optional<String> versionId() {
        return Optional.ofNullable(fields.get("VERSION_ID"));
    }

    /** {@code PRETTY_NAME}, e.g. "Debian GNU/Linux 12 (bookworm)". */
    public Optional<String> prettyName() {
        return Optional.ofNullable(fields.get("PRETTY_NAME"));
    }
}
