package org.qatwb.model.lint;

import java.util.Locale;

/** How bad a finding is: an error stops an apply, a warning explains, info only tells. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case name used in JSON ({@code "error"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
