package org.qatwb.model.apply;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.qatwb.model.devcfg.DevCfgExpectation;

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
 * @param expect          what the devices' debugfs dev_cfg must show once the driver runs the new
 *                        files (checked after the restart and at boot)
 * @param expectBefore    the same for the files as they were (checked after a rollback's restart)
 */
public record ApplyPlan(List<FileChange> changes, ApplyMode mode, Set<String> expectedUp, Duration confirmTimeout,
                        DevCfgExpectation expect, DevCfgExpectation expectBefore) {

    /** A plan with no dev_cfg expectation (a single hand-edited file, tests). */
    public ApplyPlan(List<FileChange> changes, ApplyMode mode, Set<String> expectedUp, Duration confirmTimeout) {
        this(changes, mode, expectedUp, confirmTimeout, DevCfgExpectation.NONE, DevCfgExpectation.NONE);
    }

    public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(120);

    public ApplyPlan {
        changes = List.copyOf(changes);
        Objects.requireNonNull(mode, "mode");
        expectedUp = Set.copyOf(expectedUp);
        Objects.requireNonNull(confirmTimeout, "confirmTimeout");
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(expectBefore, "expectBefore");
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
