package org.qatwb.sim.profile;

/**
 * What the simulated NAS says it is.
 *
 * @param osRelease     the content of {@code /etc/os-release}
 * @param truenasVersion the content of {@code /etc/version} on TrueNAS, or null elsewhere
 * @param kernel        the kernel release, as the first kernel log line names it
 * @param zfsVersion    the OpenZFS module version, as its load message names it
 */
public record OsIdentity(String osRelease, String truenasVersion, String kernel, String zfsVersion) {

    /** {@code /etc/version} of TrueNAS SCALE 24.04 ("Dragonfish"). */
    public static final String TRUENAS_SCALE_VERSION = "24.04.2\n";
    /** TrueNAS SCALE's kernel, as its first log line names it. */
    public static final String TRUENAS_SCALE_KERNEL = "6.6.32-production+truenas";

    public boolean trueNas() {
        return truenasVersion != null;
    }

    /**
     * This system as TrueNAS SCALE (Debian underneath: the os-release stays) or as a plain Linux.
     * The ZFS version is kept: the simulated zfs.ko does not change.
     */
    public OsIdentity withTrueNas(boolean on) {
        if (on == trueNas()) {
            return this;
        }
        return on ? new OsIdentity(osRelease, TRUENAS_SCALE_VERSION, TRUENAS_SCALE_KERNEL, zfsVersion)
                : new OsIdentity(osRelease, null, kernel, zfsVersion);
    }
}
