package org.qatwb.sim;

import java.time.Duration;
import org.qatwb.sim.machine.Machine;

/**
 * The simulated NAS's clock: its uptime, which stamps the kernel log and the kstat, and drives
 * the workload. With {@link SimOptions#realTime()} off only {@link #advance} moves it, so a test
 * decides exactly how much work happened.
 */
public final class SimClock {

    private final Machine machine;

    SimClock(Machine machine) {
        this.machine = machine;
    }

    public Duration uptime() {
        return Duration.ofNanos(machine.uptimeNanos());
    }

    /** Moves time on, running the workload for that long (in steps of at most a second). */
    public void advance(Duration d) {
        machine.advance(d.toNanos());
    }
}
