package org.qatwb.model.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the findings of one file as the checks run. */
public final class Findings {

    private final List<Finding> list = new ArrayList<>();

    public void add(Rule rule, int line, String section, String key, String message) {
        list.add(new Finding(rule, Math.max(1, line), section, key, message));
    }

    /** The findings by line, then in the order they were found. */
    public List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(list);
        out.sort(Comparator.comparingInt(Finding::line));
        return List.copyOf(out);
    }
}
