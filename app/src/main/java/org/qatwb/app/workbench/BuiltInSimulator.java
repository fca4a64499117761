package org.qatwb.app.workbench;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/**
 * The simulated NAS boxes the workbench runs in-process, one per profile (and one more where its
 * pools know Z.I.A.), started on first use with the demonstration workload (so the charts move)
 * and stopped when the workbench closes.
 */
public final class BuiltInSimulator implements AutoCloseable {

    private final Map<NasTarget.Simulated, SimulatedNas> running = new HashMap<>();
    private final Function<String, SimOptions> options;

    /** Simulators on the wall clock with the demonstration workload, so the charts move. */
    public BuiltInSimulator() {
        this(SimOptions::demo);
    }

    /** Simulators started with {@code options} of a profile (tests drive the clock themselves). */
    public BuiltInSimulator(Function<String, SimOptions> options) {
        this.options = options;
    }

    /** The simulator of {@code profile}, without Z.I.A., started if it is not running. */
    public SimulatedNas get(String profile) {
        return get(new NasTarget.Simulated(profile));
    }

    /** The simulator of {@code target}'s profile (with Z.I.A. pools or not), started if it is not running. */
    public synchronized SimulatedNas get(NasTarget.Simulated target) {
        return running.computeIfAbsent(target, t -> SimulatedNas.start(options.apply(t.profile()).withZia(t.zia())));
    }

    @Override
    public synchronized void close() {
        running.values().forEach(SimulatedNas::close);
        running.clear();
    }
}
