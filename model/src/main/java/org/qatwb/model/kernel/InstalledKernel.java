package org.qatwb.model.kernel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One kernel of {@code /lib/modules} (or {@code /boot}) and what is built for it.
 *
 * @param release   the kernel release ({@code 6.1.0-28-amd64})
 * @param image     {@code /boot/vmlinuz-RELEASE} where it exists
 * @param deps      zfs.ko's, spl.ko's and the QAT modules' lines of its {@code modules.dep}; empty
 *                  without the file
 * @param zfsInfo   zfs.ko's own {@code .modinfo}, where the agent could read it
 * @param initramfs the initramfs made for it ({@code /boot/initrd.img-RELEASE}, dracut's
 *                  {@code /boot/initramfs-RELEASE.img})
 * @param newerThanInitramfs the files, relative to the kernel's module directory, written after the
 *                  initramfs was made ({@code modules.dep}, zfs.ko's file)
 */
public record InstalledKernel(String release, Optional<String> image, List<ModuleDep> deps, Optional<ModInfo> zfsInfo,
        Optional<String> initramfs, List<String> newerThanInitramfs) {

    /** Intel's QAT driver's module, which the kernel's own QAT drivers share the name of. */
    public static final String INTEL_QAT = "intel_qat";
    /** The kernel QAT API that ZFS links against: only Intel's out-of-tree driver builds it. */
    public static final String QAT_API = "qat_api";

    public InstalledKernel {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(image, "image");
        deps = List.copyOf(deps);
        Objects.requireNonNull(zfsInfo, "zfsInfo");
        Objects.requireNonNull(initramfs, "initramfs");
        newerThanInitramfs = List.copyOf(newerThanInitramfs);
    }

    /** The module called {@code name}, as depmod chose it for this kernel. */
    public Optional<ModuleDep> module(String name) {
        return deps.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Whether this kernel has modules at all (a modules.dep): a bare vmlinuz cannot boot a ZFS NAS. */
    public boolean hasModules() {
        return !deps.isEmpty();
    }

    /**
     * Whether Intel's out-of-tree QAT driver is installed for this kernel: {@code qat_api} (which only
     * it builds) and an {@code intel_qat} outside {@code kernel/} (the in-kernel driver's has the same
     * name, and depmod prefers {@code updates/}).
     */
    public boolean outOfTreeQat() {
        return module(QAT_API).isPresent() && module(INTEL_QAT).filter(ModuleDep::outOfTree).isPresent();
    }

    /** zfs.ko's modules.dep line names qat_api: modprobe and the initramfs hooks load it with zfs.ko. */
    public boolean zfsLoadsQatApi() {
        return module("zfs").filter(z -> z.needs(QAT_API)).isPresent();
    }

    /**
     * Whether this kernel's zfs.ko was built with QAT: its own {@code depends=} when read, else its
     * modules.dep line; empty without a zfs.ko.
     */
    public Optional<Boolean> zfsBuiltWithQat() {
        if (module("zfs").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(zfsInfo.map(i -> i.needs(QAT_API)).orElseGet(this::zfsLoadsQatApi));
    }

    /** Whether the initramfs was made before the modules it should hold were last written. */
    public boolean initramfsOlderThanModules() {
        return initramfs.isPresent() && !newerThanInitramfs.isEmpty();
    }
}
