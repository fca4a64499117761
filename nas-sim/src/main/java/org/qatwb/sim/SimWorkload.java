package org.qatwb.sim;

import java.util.Map;
import java.util.TreeMap;
import org.qatwb.sim.machine.Machine;

/** The I/O each dataset of the simulated NAS sees; datasets not set are idle. */
public final class SimWorkload {

    private final Machine machine;

    SimWorkload(Machine machine) {
        this.machine = machine;
    }

    /** Sets a dataset's load in MB/s (10^6 bytes) written and read. */
    public SimWorkload set(String dataset, double writeMBps, double readMBps) {
        return set(dataset, new DatasetLoad(writeMBps, readMBps));
    }

    public SimWorkload set(String dataset, DatasetLoad load) {
        if (!machine.datasets().exists(dataset)) {
            throw new IllegalArgumentException("profile " + machine.profile().name() + " has no dataset " + dataset
                    + "; it has " + machine.datasets().list().stream().map(d -> d.name()).toList());
        }
        machine.loads().put(dataset, load);
        return this;
    }

    public DatasetLoad get(String dataset) {
        return machine.loads().getOrDefault(dataset, DatasetLoad.IDLE);
    }

    /** Every dataset's load, by name. */
    public Map<String, DatasetLoad> all() {
        return new TreeMap<>(machine.loads());
    }

    /** Makes every dataset idle. */
    public void clear() {
        machine.loads().clear();
    }
}
