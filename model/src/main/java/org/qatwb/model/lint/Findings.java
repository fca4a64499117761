package org.qatwb.model.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.qatwb.model.parse.Snippet;

/** Collects the findings of one file as the checks run. */
public final class Findings {

    private final List<Finding> list = new ArrayList<>();

    public void add(Rule rule, int line, String section, String key, String message) {
        // messages quote what the file holds; a file is no place to send a terminal escape from
        list.add(new Finding(rule, Math.max(1, line), section, key, Snippet.oneLine(message)));
    }

    /** The findings by line, then in the order they were found. */
    public List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(list);
        out.sort(Comparator.comparingInt(Finding::line));
        return List.copyOf(out);
    }
}
