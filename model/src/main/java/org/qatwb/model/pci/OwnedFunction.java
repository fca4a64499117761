package org.qatwb.model.pci;

import java.util.Objects;

/**
 * A QAT function with what owns it and what ZFS can do with it: what the dashboard lists per card
 * and the doctor judges.
 *
 * @param function the function as sysfs shows it
 * @param owner    the driver that owns it
 * @param zfs      what ZFS can offload to it
 */
public record OwnedFunction(PciFunction function, DriverOwner owner, ZfsUse zfs) {

    public OwnedFunction {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(zfs, "zfs");
    }

    public String bsf() {
        return function.bsf();
    }

    /** {@code 0000:3d:00.0 (c6xx, Gen 2)}. */
    public String name() {
        return function.bsf() + " (" + function.id().type() + ", " + function.generation().label() + ")";
    }
}
