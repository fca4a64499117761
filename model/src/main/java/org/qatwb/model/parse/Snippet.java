package org.qatwb.model.parse;

/**
 * Quotes a piece of input inside a one-line warning or error message.
 *
 * <p>Input comes from remote machines and pasted captures, so it may hold control characters,
 * NUL bytes, bidi controls or very long lines; a message must stay one readable line whatever the
 * input. Escapes are {@link TerminalText}'s, so a quoted message and the CLI's output agree.
 */
public final class Snippet {

    /** Code points kept from a quoted line; longer lines are cut and end with "...". */
    public static final int MAX_CODE_POINTS = 80;

    private Snippet() {
    }

    /** {@code text} in double quotes, control characters and quotes escaped, cut when long. */
    public static String quote(String text) {
        return '"' + escape(text, true) + '"';
    }

    /**
     * {@code text} for a message that quotes it its own way: control characters escaped and cut
     * when long, so the message stays one readable line.
     */
    public static String excerpt(String text) {
        return escape(text, false);
    }

    /** A whole message made safe for one line of a terminal: control characters escaped, nothing cut. */
    public static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append((char) cp);
            } else {
                appendEscaped(out, cp);
            }
        });
        return out.toString();
    }

    /**
     * What went wrong, in one line for a user: the failure's message, else its cause's, else what
     * kind of failure it was ("NullPointerException"); never the word "null" standing for a missing
     * message. Escaped as {@link #oneLine}.
     */
    public static String failure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.isBlank()) {
                return oneLine(m.strip());
            }
        }
        return t == null ? "unknown failure" : t.getClass().getSimpleName() + " (no message)";
    }

    /** Code points kept from a NAS command's output in a message: a refusal's reason, not a dump. */
    public static final int MAX_OUTPUT_CODE_POINTS = 1000;

    /**
     * A NAS command's output inside a one-line message: stripped, escaped as {@link #oneLine}, and cut
     * after {@link #MAX_OUTPUT_CODE_POINTS} with how much was left out, so that a NAS printing
     * megabytes of error text cannot flood the terminal or the notification.
     */
    public static String output(String text) {
        String t = text.strip();
        int n = t.codePointCount(0, t.length());
        if (n <= MAX_OUTPUT_CODE_POINTS) {
            return oneLine(t);
        }
        return oneLine(t.substring(0, t.offsetByCodePoints(0, MAX_OUTPUT_CODE_POINTS)))
                + "... (" + (n - MAX_OUTPUT_CODE_POINTS) + " more characters)";
    }

    private static String escape(String text, boolean quotes) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CODE_POINTS) + 8);
        int taken = 0;
        for (int i = 0; i < text.length(); ) {
            if (taken == MAX_CODE_POINTS) {
                out.append("...");
                break;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            taken++;
            if (cp == '"' && !quotes) {
                out.append('"');
            } else {
                appendEscaped(out, cp);
            }
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        switch (cp) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            default -> {
                // lone surrogates too: they would turn into '?' or garbage on the way to the terminal
                if (TerminalText.escapes(cp) || Character.getType(cp) == Character.SURROGATE) {
                    TerminalText.appendEscape(out, cp);
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }
}
