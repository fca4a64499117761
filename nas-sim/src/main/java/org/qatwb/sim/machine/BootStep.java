package org.qatwb.sim.machine;

/** One step of the simulated boot, in the order {@link BootOrder} gives. */
sealed interface BootStep {

    /** qat.service starts ({@code qat_service start}). */
    record QatStart() implements BootStep {
    }

    /** zfs.ko loads, in early boot: udev's {@code modprobe zfs} for the pool's disks, or the initramfs on root on ZFS. */
    record ZfsLoad() implements BootStep {
    }

    /** An enabled unit of multi-user.target runs its {@code ExecStart=} lines. */
    record UnitStart(BootUnit unit) implements BootStep {
    }
}
