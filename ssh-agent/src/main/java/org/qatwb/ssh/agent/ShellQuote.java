package org.qatwb.ssh.agent;

import java.util.Objects;

/**
 * POSIX single-quote quoting: the one way to pass an arbitrary string through a shell word
 * without anything being expanded, substituted or split.
 *
 * <p>Inside single quotes every character is literal except the quote itself, which cannot be
 * escaped there; so each {@code '} becomes {@code '\''} (close, an escaped quote, reopen).
 * Newlines, {@code $()}, backticks, {@code ;}, {@code &&}, globs and any Unicode stay literal.
 */
public final class ShellQuote {

    private ShellQuote() {
    }

    /**
     * The string as one shell word.
     *
     * @throws IllegalArgumentException for a NUL character (no C string, so no argument, can hold
     *                                  one) or a lone surrogate (it has no UTF-8 bytes: it would
     *                                  arrive as something else)
     */
    public static String quote(String s) {
        Objects.requireNonNull(s, "s");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException("a shell argument cannot hold a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("a lone surrogate at index " + i + " has no UTF-8 form");
            }
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
