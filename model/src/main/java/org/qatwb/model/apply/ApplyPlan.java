package org.qatwb.model.apply;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one apply does on the NAS, as one transaction: the layout compiled to files (issue 5),
 * handed to the agent's {@code apply}.
 *
 * @param changes         the files to write; only those whose bytes change are written, but all are
 *                        checked against {@code before} and backed up
 * @param mode            stage for the next boot, or restart QAT now
 * @param expectedUp      the devices that must be {@code up} after a restart, by BSF
 *                        ({@code 0000:3d:01.0}), as the layout expects; ignored when staging
 * @param confirmTimeout  how long the rollback timer waits for the workbench to confirm over a new
 *                        connection (a restart only); default 120 s
 */
public record ApplyPlan(List<FileChange> changes, ApplyMode mode, Set<String> expectedUp, Duration confirmTimeout) {

    public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(120);

    public ApplyPlan {
        changes = List.copyOf(changes);
        Objects.requireNonNull(mode, "mode");
        expectedUp = Set.copyOf(expectedUp);
        Objects.requireNonNull(confirmTimeout, "confirmTimeout");
        if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
            throw new IllegalArgumentException("the confirm timeout must be positive, not " + confirmTimeout);
        }
        Set<String> paths = new HashSet<>();
        for (FileChange c : changes) {
            if (!paths.add(c.path())) {
                throw new IllegalArgumentException("two changes of one file: " + c.path());
            }
        }
    }

    /** Whether anything would be written. */
    public boolean changesAnything() {
        return changes.stream().anyMatch(FileChange::changes);
    }
}
