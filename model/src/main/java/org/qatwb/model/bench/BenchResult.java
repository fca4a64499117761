package org.qatwb.model.bench;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a benchmark ended.
 *
 * @param plan           what was planned
 * @param runs           the passes that ran, in order (fewer than two when it stopped early)
 * @param cleanup        what the NAS's clean-up did
 * @param stoppedBecause why it stopped before both passes finished (interrupted, a failure); empty when it did not
 */
public record BenchResult(BenchPlan plan, List<BenchRun> runs, BenchCleanup cleanup, Optional<String> stoppedBecause) {

    public BenchResult {
        Objects.requireNonNull(plan, "plan");
        runs = List.copyOf(runs);
        Objects.requireNonNull(cleanup, "cleanup");
        Objects.requireNonNull(stoppedBecause, "stoppedBecause");
    }

    /** Every figure is modelled by the simulator. */
    public boolean simulated() {
        return plan.simulated();
    }

    public Optional<BenchRun> run(BenchPass pass) {
        return runs.stream().filter(r -> r.pass() == pass).findFirst();
    }
}
