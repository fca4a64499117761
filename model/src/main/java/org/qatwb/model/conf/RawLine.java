package org.qatwb.model.conf;

import java.util.ArrayList;
import java.util.List;

/**
 * One physical line of a conf file, kept byte for byte.
 *
 * <p>Text is held as ISO-8859-1 so that every byte maps to exactly one char: the driver itself
 * works on bytes, and writing the text back gives the original bytes whatever the file contains.
 *
 * @param number 1-based line number
 * @param text   the line without its terminator (a CR of a CRLF terminator belongs to {@code eol})
 * @param eol    {@code "\n"}, {@code "\r\n"}, or {@code ""} for a last line without a newline
 */
public record RawLine(int number, String text, String eol) {

    /** Splits text into numbered physical lines, each with its own terminator, losing nothing. */
    public static List<RawLine> split(String text) {
        List<RawLine> out = new ArrayList<>();
        int start = 0;
        int n = 1;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                out.add(new RawLine(n, text.substring(start), ""));
                break;
            }
            boolean crlf = nl > start && text.charAt(nl - 1) == '\r';
            out.add(new RawLine(n++, text.substring(start, crlf ? nl - 1 : nl), crlf ? "\r\n" : "\n"));
            start = nl + 1;
        }
        return out;
    }

    public RawLine withNumber(int n) {
        return n == number ? this : new RawLine(n, text, eol);
    }

    public RawLine withText(String newText) {
        return new RawLine(number, newText, eol);
    }

    public RawLine withEol(String newEol) {
        return new RawLine(number, text, newEol);
    }
}
