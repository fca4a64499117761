package org.qatwb.model.lint;

/**
 * One problem found in a conf file.
 *
 * @param rule    the rule that found it
 * @param line    1-based line it points at (line 1 for a finding about the file as a whole)
 * @param section the section it concerns, or null
 * @param key     the key it concerns, or null
 * @param message one line: what the driver or ZFS will do, and how to fix it
 */
public record Finding(Rule rule, int line, String section, String key, String message) {

    public Severity severity() {
        return rule.severity();
    }
}
