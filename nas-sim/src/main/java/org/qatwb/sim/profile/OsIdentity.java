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
}
