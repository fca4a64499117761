package org.qatwb.app.usecase.apply;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.FileChange;
import org.qatwb.model.apply.RestorePoint;

/**
 * One apply as either front end asks for it.
 *
 * @param source         new files (a compiled layout, a doctor's fix), or the files of a kept transaction
 * @param when           stage, restart now, or stage and reboot
 * @param confirmTimeout how long the NAS's rollback timer waits for the confirm of a restart
 * @param rebootLimit    with {@link When#REBOOT}: how long to wait for the NAS to go down, come back and decide
 */
public record ApplyRequest(Source source, When when, Duration confirmTimeout, Duration rebootLimit) {

    /** How long a reboot is waited for by default: a server's firmware alone may take minutes. */
    public static final Duration DEFAULT_REBOOT_LIMIT = Duration.ofSeconds(600);

    /** What is written. */
    public sealed interface Source permits Files, Restore {
    }

    /** Files to write (the plan's changes and the devices a restart must find up). */
    public record Files(List<FileChange> changes, Set<String> expectedUp) implements Source {
        public Files {
            changes = List.copyOf(changes);
            expectedUp = Set.copyOf(expectedUp);
        }
    }

    /** The files as they were before (or after) a kept transaction, as a new transaction. */
    public record Restore(String txId, RestorePoint point) implements Source {
        public Restore {
            Objects.requireNonNull(txId, "txId");
            Objects.requireNonNull(point, "point");
        }
    }

    public ApplyRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(confirmTimeout, "confirmTimeout");
        Objects.requireNonNull(rebootLimit, "rebootLimit");
        if (confirmTimeout.isNegative() || confirmTimeout.isZero() || rebootLimit.isNegative() || rebootLimit.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: " + confirmTimeout + ", " + rebootLimit);
        }
    }

    /** A compiled plan's files, applied {@code when}, with the plan's confirm timeout. */
    public static ApplyRequest of(ApplyPlan plan, When when, Duration rebootLimit) {
        return new ApplyRequest(new Files(plan.changes(), plan.expectedUp()), when, plan.confirmTimeout(), rebootLimit);
    }

    /** The plan the agent runs for new files: the mode {@code when} needs. */
    ApplyPlan plan(Files f) {
        return new ApplyPlan(f.changes(), when.mode(), f.expectedUp(), confirmTimeout);
    }
}
