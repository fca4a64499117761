package org.qatwb.model.kernel;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The kernels installed on the NAS and what is built for each (issue 16, section 2): the running
 * one, the one that boots next, each kernel's zfs.ko and QAT modules, DKMS state and initramfs.
 * Read by {@link KernelsParser} from the agent's items {@code kernels}, {@code grub_env},
 * {@code grub_cfg} and {@code loader_conf} (docs/agent-protocol.md).
 *
 * @param running        the running kernel's release ({@code /proc/sys/kernel/osrelease})
 * @param loadedZfsSrcversion {@code /sys/module/zfs/srcversion}: which build of zfs.ko is loaded
 * @param kernels        every kernel with modules or an image, in the agent's order
 * @param nextBoot       the kernel that boots next, where the boot loader's files say
 * @param initramfsHooks the initramfs builders that add zfs.ko ({@code initramfs-tools}, {@code dracut})
 * @param dkms           DKMS's state, line by line
 * @param grubEntries    by kernel release, the GRUB menu path that boots it ({@code grub-set-default}'s argument)
 * @param warnings       lines that were left out, {@code line N: ...}
 */
public record KernelBuilds(Optional<String> running, Optional<String> loadedZfsSrcversion, List<InstalledKernel> kernels,
        Optional<NextBoot> nextBoot, List<String> initramfsHooks, List<DkmsEntry> dkms, Map<String, String> grubEntries, List<String> warnings) {

    public KernelBuilds {
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(loadedZfsSrcversion, "loadedZfsSrcversion");
        kernels = List.copyOf(kernels);
        Objects.requireNonNull(nextBoot, "nextBoot");
        initramfsHooks = List.copyOf(initramfsHooks);
        dkms = List.copyOf(dkms);
        grubEntries = Map.copyOf(grubEntries);
        warnings = List.copyOf(warnings);
    }

    public Optional<InstalledKernel> kernel(String release) {
        return kernels.stream().filter(k -> k.release().equals(release)).findFirst();
    }

    public Optional<InstalledKernel> runningKernel() {
        return running.flatMap(this::kernel);
    }

    /** The kernel that boots next, where it is installed here. */
    public Optional<InstalledKernel> nextKernel() {
        return nextBoot.flatMap(n -> kernel(n.kernel()));
    }

    /** Whether the initramfs holds zfs.ko: OpenZFS's initramfs-tools hook or dracut module is installed. */
    public boolean zfsInInitramfs() {
        return !initramfsHooks.isEmpty();
    }

    /** The DKMS module's entries for one kernel (built or installed). */
    public List<DkmsEntry> dkms(String module, String release) {
        return dkms.stream().filter(d -> d.module().equals(module) && d.kernel().equals(Optional.of(release))).toList();
    }

    /** The versions of a DKMS module that are added (registered), whatever they are built for. */
    public List<String> dkmsVersions(String module) {
        return dkms.stream().filter(d -> d.module().equals(module) && d.state() == DkmsEntry.State.ADDED)
                .map(DkmsEntry::version).toList();
    }
}
