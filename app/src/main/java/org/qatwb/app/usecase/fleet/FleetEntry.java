package org.qatwb.app.usecase.fleet;

import java.util.List;
import java.util.Objects;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.app.workbench.NasTarget;

/**
 * One NAS of the fleet: a saved connection, or one of the built-in simulated NAS.
 *
 * @param name        the row's key and what it says; a saved connection's name, {@code sim-<profile>} for a
 *                    simulated NAS (the same name the exporter gives it as its {@code nas} label)
 * @param target      what opening it connects to
 * @param destination where it is, for the row's second line
 */
public record FleetEntry(String name, NasTarget target, String destination) {

    /** The simulated NAS the fleet can show, as the window's Simulated NAS menu lists them. */
    public static final List<String> SIMULATED_PROFILES = List.of("c62x", "dh8950", "no-qat", "broken", "new-kernel");

    public FleetEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(destination, "destination");
    }

    public static FleetEntry saved(SavedConnection c) {
        return new FleetEntry(c.name(), new NasTarget.Ssh(c), c.destination());
    }

    public static FleetEntry simulated(String profile) {
        return new FleetEntry("sim-" + profile, new NasTarget.Simulated(profile), "built-in simulated NAS (" + profile + ")");
    }

    public boolean simulated() {
        return target.simulated();
    }
}
