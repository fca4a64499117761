package org.qatwb.model.etc;

import java.util.Objects;

/**
 * A shell variable assignment such as {@code SRIOV_ENABLE=1}.
 *
 * @param name  the variable
 * @param value the value after quote removal, as the shell would store it (expansions are not
 *              performed: {@code $X} stays literal)
 * @param line  1-based line of the assignment
 */
public record ShellAssignment(String name, String value, int line) {

    public ShellAssignment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
