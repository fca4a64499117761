package org.qatwb.model.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.qatwb.model.parse.Snippet;

/**
 * Collects the findings of one file as the checks run, up to {@link #MAX}: a file of a million
 * two-byte lines would otherwise hold a million findings of a hundred bytes each, and no conf
 * file the driver reads comes near the limit.
 */
public final class Findings {

    /** Findings kept per file; past it they are counted in one {@link Rule#LINT_TOO_MANY_FINDINGS}. */
    public static final int MAX = 1000;

    private final List<Finding> list = new ArrayList<>();
    private int dropped;
    private int firstDroppedLine;

    public void add(Rule rule, int line, String section, String key, String message) {
        add(rule, rule.severity(), line, section, key, message);
    }

    /** A finding with another severity than its rule's (see {@link Finding#severity()}). */
    public void add(Rule rule, Severity severity, int line, String section, String key, String message) {
        if (list.size() >= MAX) {
            if (dropped++ == 0) {
                firstDroppedLine = Math.max(1, line);
            }
            return;
        }
        // messages quote what the file holds; a file is no place to send a terminal escape from
        list.add(new Finding(rule, Math.max(1, line), section, key, Snippet.oneLine(message), severity));
    }

    /** The findings by line, then in the order they were found; a count of those past the limit last. */
    public List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(list);
        out.sort(Comparator.comparingInt(Finding::line));
        if (dropped > 0) {
            out.add(new Finding(Rule.LINT_TOO_MANY_FINDINGS, firstDroppedLine, null, null, dropped
                    + " more finding(s) not listed, the first at line " + firstDroppedLine + ": past " + MAX
                    + " findings this is no conf file the driver reads; check it is the file you meant"));
        }
        return List.copyOf(out);
    }
}
