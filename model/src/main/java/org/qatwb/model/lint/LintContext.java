package org.qatwb.model.lint;

import java.util.Optional;
import java.util.OptionalInt;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.driver.DriverRelease;

/**
 * What the rules may know about a file beyond its text.
 *
 * @param device     the device the file configures (from its name, or given by the caller); rules
 *                   that need it (capacity, VF sections) are skipped when it is unknown
 * @param cores      the NAS's CPU core count, for {@code affinity.range}; skipped when unknown
 * @param release    the driver release that reads the file (the NAS's, or the newest when unknown):
 *                   the rules that depend on it (the allocator's placement) follow it
 * @param pfServices for a VF: its PF's {@code ServicesEnabled} when the PF is in the device set,
 *                   which gives the VF its ring map (allocator.md section 3)
 */
public record LintContext(Optional<DeviceRef> device, OptionalInt cores, DriverRelease release,
        Optional<String> pfServices) {

    /** A context for the newest release, without a PF. */
    public LintContext(Optional<DeviceRef> device, OptionalInt cores) {
        this(device, cores, DriverRelease.NEWEST, Optional.empty());
    }

    public static LintContext unknown() {
        return new LintContext(Optional.empty(), OptionalInt.empty());
    }

    public LintContext withRelease(DriverRelease r) {
        return new LintContext(device, cores, r, pfServices);
    }

    public LintContext withPfServices(Optional<String> services) {
        return new LintContext(device, cores, release, services);
    }
}
