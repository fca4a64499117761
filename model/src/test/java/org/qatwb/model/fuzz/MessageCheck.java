package org.qatwb.model.fuzz;

import java.util.Optional;

/**
 * The one test of a message shown to a user: present, one line, and free of every character that
 * could move the cursor, recolour or reorder the terminal (ISO controls, line and paragraph
 * separators, bidi controls, lone surrogates).
 */
public final class MessageCheck {

    private MessageCheck() {
    }

    /** What is wrong with {@code message}, if anything. */
    public static Optional<String> problem(String message) {
        if (message == null) {
            return Optional.of("a null message");
        }
        if (message.isBlank() || message.equals("null")) {
            return Optional.of("an empty message: \"" + message + "\"");
        }
        for (int i = 0; i < message.length(); ) {
            int cp = message.codePointAt(i);
            if (forbidden(cp)) {
                return Optional.of(String.format("U+%04X at %d in %s", cp, i, escaped(message)));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /** What sort of character is wrong in {@code message}: "empty", "bidi control", "ISO control", ... */
    public static String category(String message) {
        if (message == null || message.isBlank() || message.equals("null")) {
            return "empty or null";
        }
        int cp = message.codePoints().filter(MessageCheck::forbidden).findFirst().orElse(' ');
        return bidiControl(cp) ? "bidi control" : Character.isISOControl(cp) ? "ISO control" : "line separator or surrogate";
    }

    /** Characters no message may hold raw. */
    public static boolean forbidden(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE || bidiControl(cp);
    }

    /** Unicode's Bidi_Control property: embeddings, overrides, isolates and marks (Trojan Source). */
    static boolean bidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** The message with the offending characters as escapes, for a report that is itself safe to print. */
    public static String escaped(String message) {
        StringBuilder out = new StringBuilder();
        message.codePoints().limit(400).forEach(cp -> {
            if (forbidden(cp) || cp == '\\') {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
