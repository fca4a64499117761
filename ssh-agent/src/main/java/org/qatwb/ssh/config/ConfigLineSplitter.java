package org.qatwb.ssh.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one {@code ssh_config} line as OpenSSH does: a keyword, then an optional {@code =}
 * (with or without blanks around it), then arguments separated by blanks, double quotes grouping
 * an argument with blanks inside, and an unquoted {@code #} starting a comment.
 */
final class ConfigLineSplitter {

    private ConfigLineSplitter() {
    }

    /** The words of a line, keyword first; empty for blank and comment lines. */
    static List<String> split(String line) throws IllegalArgumentException {
        List<String> words = new ArrayList<>();
        int i = skipBlanks(line, 0);
        if (i == line.length() || line.charAt(i) == '#') {
            return words;
        }
        int start = i;
        while (i < line.length() && !isBlank(line.charAt(i)) && line.charAt(i) != '=') {
            i++;
        }
        words.add(line.substring(start, i));
        i = skipBlanks(line, i);
        if (i < line.length() && line.charAt(i) == '=') {
            i = skipBlanks(line, i + 1);
        }
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '#') {
                break;
            }
            StringBuilder word = new StringBuilder();
            while (i < line.length() && !isBlank(line.charAt(i))) {
                c = line.charAt(i);
                if (c == '"') {
                    int close = line.indexOf('"', i + 1);
                    if (close < 0) {
                        throw new IllegalArgumentException("unterminated quote");
                    }
                    word.append(line, i + 1, close);
                    i = close + 1;
                } else {
                    word.append(c);
                    i++;
                }
            }
            words.add(word.toString());
            i = skipBlanks(line, i);
        }
        return words;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f';
    }
}
