package org.qatwb.model.snapshot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the NAS says about the kernel modules of the chain (DOMAIN.md sections 1 and 6): which QAT
 * modules are loaded and what holds them, what zfs.ko depends on, which driver each QAT VF is bound
 * to, and the ZFS QAT parameters given at module load. Empty where the agent sent no such item (an
 * older agent, or a NAS without the file), so that a check can keep its older reading.
 *
 * @param loaded     the agent's {@code qat_modules}
 * @param zfsDepends the modules zfs.ko depends on, from the running kernel's modules.dep ({@code qat_api}, {@code spl})
 * @param vfs        the agent's {@code pci_vfs}: every QAT VF and its driver
 * @param zfsOptions the {@code zfs_qat_*_disable} values in modprobe.d and on the kernel command line
 * @param cmdlineRead whether the kernel command line was read
 */
public record ModuleFacts(Optional<LoadedModules> loaded, Optional<List<String>> zfsDepends,
                          Optional<List<VfBinding>> vfs, List<ZfsParamSetting> zfsOptions, boolean cmdlineRead) {

    public static final ModuleFacts NONE = new ModuleFacts(Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(), false);

    public ModuleFacts {
        Objects.requireNonNull(loaded, "loaded");
        Objects.requireNonNull(zfsDepends, "zfsDepends");
        vfs = vfs.map(List::copyOf);
        zfsDepends = zfsDepends.map(List::copyOf);
        zfsOptions = List.copyOf(zfsOptions);
    }

    /** zfs.ko's dependencies from a modules.dep line ({@code updates/dkms/zfs.ko.xz: updates/dkms/spl.ko.xz ...}). */
    static List<String> dependencies(String line) {
        int colon = line.indexOf(':');
        String deps = colon < 0 ? "" : line.substring(colon + 1).strip();
        if (deps.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(deps.split("\\s+")).limit(1024).map(p -> p.substring(p.lastIndexOf('/') + 1))
                .map(f -> f.replaceFirst("\\.ko(\\.[a-z]+)?$", "").replace('-', '_')).toList();
    }
}
