package org.qatwb.model.lint;

import java.util.Optional;
import java.util.OptionalInt;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.driver.PfOffer;

/**
 * What the rules may know about a file beyond its text.
 *
 * @param device     the device the file configures (from its name, or given by the caller); rules
 *                   that need it (capacity, VF sections) are skipped when it is unknown
 * @param cores      the NAS's CPU core count, for {@code affinity.range}; skipped when unknown
 * @param release    the driver release that reads the file (the NAS's, or the newest when unknown):
 *                   the rules that depend on it (the allocator's placement) follow it
 * @param pfOffer    for a VF: what its PF's driver sends it when the PF is in the device set (the
 *                   ring map and the capabilities the PF kept, allocator.md sections 3 and 10), as
 *                   {@code model.driver.Allocator#offer} reads the PF's file
 */
public record LintContext(Optional<DeviceRef> device, OptionalInt cores, DriverRelease release,
        Optional<PfOffer> pfOffer) {

    /** A context for the newest release, without a PF. */
    public LintContext(Optional<DeviceRef> device, OptionalInt cores) {
        this(device, cores, DriverRelease.NEWEST, Optional.empty());
    }

    public static LintContext unknown() {
        return new LintContext(Optional.empty(), OptionalInt.empty());
    }

    public LintContext withRelease(DriverRelease r) {
        return new LintContext(device, cores, r, pfOffer);
    }

    public LintContext withPfOffer(Optional<PfOffer> offer) {
        return new LintContext(device, cores, release, offer);
    }
}
