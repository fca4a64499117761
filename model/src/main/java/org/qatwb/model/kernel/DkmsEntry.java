package org.qatwb.model.kernel;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of DKMS's state, read from its tree as {@code dkms status} reads it:
 * {@code /var/lib/dkms/MODULE/VERSION/} is added, {@code VERSION/KERNEL/ARCH/module/} built for that
 * kernel, and the link {@code MODULE/kernel-KERNEL-ARCH} installed into it.
 *
 * @param module  the DKMS module ({@code zfs}, {@code qat})
 * @param version its version
 * @param kernel  the kernel it is built for; empty for the "added" line
 * @param state   added, built or installed
 */
public record DkmsEntry(String module, String version, Optional<String> kernel, State state) {

    public enum State { ADDED, BUILT, INSTALLED }

    public DkmsEntry {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(state, "state");
    }
}
