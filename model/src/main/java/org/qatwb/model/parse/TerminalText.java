package org.qatwb.model.parse;

/**
 * The characters that must never reach a terminal raw, and the one way they are written instead.
 *
 * <p>Text from a NAS (a unit file in a diff, a kernel log line, a reason in an error) can hold
 * escape sequences that retitle the window, clear the screen or overwrite a line already printed,
 * and bidi controls that make a line read differently from what it says. Every such character is
 * written as <code>&#92;uXXXX</code> (CR as {@code \r}), which inside a JSON string is the same character,
 * so JSON output can pass through the same escaping and stay valid and equal in meaning.
 *
 * <p>LF is kept: it is how lines end. TAB is kept too: it only moves the cursor forward to a tab
 * stop (which nobody can move, ESC being escaped), so it can neither erase nor overwrite, and conf
 * files hold tabs that the linter reports ({@code syntax.tab}) and diffs must show as they are.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /**
     * Whether {@code cp} is written escaped: C0 controls but LF and TAB (CR included: it returns to
     * the start of the line, over what was printed), DEL, C1 controls (some terminals take U+009B
     * as CSI), the Unicode line and paragraph separators, and the bidi controls.
     */
    public static boolean escapes(int cp) {
        if (cp == '\n' || cp == '\t') {
            return false;
        }
        return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 || isBidiControl(cp);
    }

    /** The bidi controls (Unicode's Bidi_Control property): marks, embeddings, overrides, isolates. */
    public static boolean isBidiControl(int cp) {
        return cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** {@code text} with every character of {@link #escapes} escaped; everything else, LF included, kept. */
    public static String escape(String text) {
        int first = firstEscaped(text, 0, text.length());
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escapes(c)) {
                appendEscape(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The index of the first character in {@code [from, to)} that {@link #escapes}, or -1. */
    public static int firstEscaped(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            // every escaped character is in the BMP, so a char-wise scan is exact and keeps surrogate pairs whole
            if (escapes(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Appends the escape of {@code cp}: {@code \r} for CR, else a backslash, {@code u} and four lower-case hex digits. */
    public static void appendEscape(StringBuilder out, int cp) {
        if (cp == '\r') {
            out.append("\\r");
        } else {
            out.append(String.format("\\u%04x", cp));
        }
    }
}
