package org.qatwb.model.lint;

/**
 * One problem found in a conf file.
 *
 * @param rule     the rule that found it
 * @param line     1-based line it points at (line 1 for a finding about the file as a whole)
 * @param section  the section it concerns, or null
 * @param key      the key it concerns, or null
 * @param message  one line: what the driver or ZFS will do, and how to fix it
 * @param severity the rule's severity, or a milder one where the release that reads the file
 *                 takes it as meant and only another release would not (a portability warning)
 */
public record Finding(Rule rule, int line, String section, String key, String message, Severity severity) {

    /** A finding with its rule's severity. */
    public Finding(Rule rule, int line, String section, String key, String message) {
        this(rule, line, section, key, message, rule.severity());
    }
}
