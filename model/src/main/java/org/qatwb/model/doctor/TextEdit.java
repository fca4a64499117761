package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A whole file's new text and what changed in it, in one line.
 *
 * @param text   the new text
 * @param change what changed ({@code uncomment line 5: ENABLE_KAPI=1})
 */
record TextEdit(String text, String change) {

    TextEdit {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(change, "change");
    }

    /** The physical lines of a text, each with its {@code \n} where it has one, so that joining them gives the text back. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }

    /** A line's text without its line terminator ({@code \n}, and a {@code \r} before it). */
    static String body(String line) {
        String b = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        return b.endsWith("\r") ? b.substring(0, b.length() - 1) : b;
    }

    /** The terminator a line ends with: {@code \r\n}, {@code \n} or nothing. */
    static String eol(String line) {
        return line.substring(body(line).length());
    }
}
