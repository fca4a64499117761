package org.qatwb.sim.profile;

import java.util.Objects;

/**
 * A kernel installed beside the running one (a kernel update not yet booted), with what the update
 * left built for it. The simulator writes its files as a Debian box has them; it never asks the
 * product which kernel is "bad".
 *
 * @param release    the kernel release ({@code 6.1.0-31-amd64})
 * @param zfsWithQat its zfs.ko was built {@code --with-qat} (DKMS with {@code ICP_ROOT} set); without it,
 *                   as {@code dkms autoinstall} builds it for a new kernel, zfs.ko depends on spl only
 * @param qatDriver  Intel's out-of-tree QAT driver was built and installed for it (intel_qat and the
 *                   device modules under {@code updates/}, qat_api.ko in {@code kernel/drivers}); without it
 *                   the kernel has only its own QAT drivers and no qat_api
 */
public record ExtraKernel(String release, boolean zfsWithQat, boolean qatDriver) {

    public ExtraKernel {
        Objects.requireNonNull(release, "release");
        if (!release.matches("[A-Za-z0-9._+~-]{1,64}")) {
            throw new IllegalArgumentException("not a kernel release: " + release);
        }
    }
}
