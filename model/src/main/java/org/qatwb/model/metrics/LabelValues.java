package org.qatwb.model.metrics;

/**
 * Label values made safe for both text formats, whatever a NAS printed.
 *
 * <p>The formats escape only backslash, double quote and line feed inside a label value
 * (OpenMetrics 1.0, "Escaping"; Prometheus's exposition formats, "Text format details"), and
 * OpenMetrics allows any Unicode scalar value but no lone surrogate ({@code normal-char} of its
 * ABNF). A value is cut to {@link #MAX_CODE_POINTS} code points first, so that a NAS cannot
 * grow a series' size without bound; other control characters and lone surrogates become
 * U+FFFD, so that nothing a terminal or a parser treats specially reaches a dashboard.
 */
final class LabelValues {

    /** Longest label value kept, in code points: a row name or an OS name is far shorter. */
    static final int MAX_CODE_POINTS = 64;

    private static final char REPLACEMENT = '\uFFFD';

    private LabelValues() {
    }

    /** Appends {@code raw} cut, cleaned and escaped (without the surrounding quotes). */
    static void appendEscaped(StringBuilder out, String raw) {
        int n = raw.length();
        int kept = 0;
        for (int i = 0; i < n && kept < MAX_CODE_POINTS; i++, kept++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c == '"') {
                out.append("\\\"");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (Character.isISOControl(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
    }

    /** {@code raw} as {@link #appendEscaped} writes it. */
    static String escaped(String raw) {
        StringBuilder b = new StringBuilder(raw.length() + 8);
        appendEscaped(b, raw);
        return b.toString();
    }
}
