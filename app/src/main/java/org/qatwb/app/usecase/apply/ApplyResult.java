package org.qatwb.app.usecase.apply;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.BootCheck;

/**
 * How an apply ended.
 *
 * @param outcome   the transaction as the NAS last reported it
 * @param verdict   what that comes to
 * @param bootCheck after a reboot, what the boot check recorded (when the NAS had a record)
 * @param downFor   after a reboot the NAS came back from, how long it was down; empty otherwise
 * @param detail    one line on why it stopped where it did (not confirmed, not rebooted, not back); empty when the
 *                  outcome says it all
 */
public record ApplyResult(ApplyOutcome outcome, Verdict verdict, Optional<BootCheck> bootCheck, Optional<Duration> downFor,
                          String detail) {

    public ApplyResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(bootCheck, "bootCheck");
        Objects.requireNonNull(downFor, "downFor");
        Objects.requireNonNull(detail, "detail");
    }

    static ApplyResult of(ApplyOutcome o, Verdict v, String detail) {
        return new ApplyResult(o, v, Optional.empty(), Optional.empty(), detail);
    }

    /** Whether the NAS rebooted and came back during this apply. */
    public boolean rebooted() {
        return downFor.isPresent();
    }
}
