package org.qatwb.app.workbench;

import java.util.HashMap;
import java.util.Map;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/**
 * The simulated NAS boxes the workbench runs in-process, one per profile, started on first use
 * with the demonstration workload (so the charts move) and stopped when the workbench closes.
 */
public final class BuiltInSimulator implements AutoCloseable {

    private final Map<String, SimulatedNas> running = new HashMap<>();

    /** The simulator of {@code profile}, started if it is not running. */
    public synchronized SimulatedNas get(String profile) {
        return running.computeIfAbsent(profile, p -> SimulatedNas.start(SimOptions.demo(p)));
    }

    @Override
    public synchronized void close() {
        running.values().forEach(SimulatedNas::close);
        running.clear();
    }
}
