package org.qatwb.app.usecase.bench;

import java.util.function.Consumer;
import org.qatwb.model.bench.BenchPlan;
import org.qatwb.model.bench.BenchRequest;
import org.qatwb.model.bench.BenchResult;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.agent.AgentFailure;

/**
 * One benchmark on one NAS, for both front ends: plan it (nothing changes on the NAS), run the
 * plan, stop it from another thread. {@code plan} and {@code run} block.
 */
public interface BenchSession {

    /**
     * What the benchmark would do: the pool, the dataset, the tool, the time it takes. Refused
     * (a {@link BenchRefused} with one line) when the NAS cannot run it: no pool with three times the
     * size free, the pool named does not exist, ZFS without QAT, no root.
     */
    BenchPlan plan(BenchRequest request) throws BenchRefused, NasConnectionException, AgentFailure;

    /** Runs {@code plan} on the NAS; always returns how it ended, clean-up included. */
    BenchResult run(BenchPlan plan, Consumer<BenchProgress> progress) throws NasConnectionException, AgentFailure;

    /** Asks a running benchmark to stop; the NAS cleans up. Safe from any thread, a no-op when none runs. */
    void stop();

    /** Why a benchmark cannot run on this NAS, in one line. */
    final class BenchRefused extends Exception {
        private static final long serialVersionUID = 1L;

        public BenchRefused(String message) {
            super(message);
        }
    }
}
