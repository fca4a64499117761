package org.qatwb.sim.profile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.sim.DatasetLoad;
import org.qatwb.sim.driver.DriverRelease;

/**
 * Everything that makes one simulated NAS different from another: hardware, driver setup, ZFS
 * build and datasets. The four built-in profiles are in {@link Profiles}.
 *
 * @param name                 the profile's id ({@code c62x})
 * @param summary              one line for humans
 * @param os                   os-release, TrueNAS version, kernel and ZFS versions
 * @param cpu                  cores per NUMA node
 * @param card                 the QAT hardware with Intel's out-of-tree driver installed; null for none
 *                             (no {@code adf_ctl}, no {@code qat.service}, no debugfs)
 * @param driverRelease        the release of that driver (its conf grammar and allocator follow it); null
 *                             without a card
 * @param sriov                {@code SRIOV_ENABLE=1} in {@code /etc/default/qat}
 * @param kapi                 {@code ENABLE_KAPI=1}: the kernel QAT API that ZFS needs is loaded
 * @param vfDriverBlacklisted  the installer's {@code blacklist-qat-vfs.conf} blocks the VF driver
 * @param vfConfs              conf files exist for the VFs (not only the PFs)
 * @param confTweaks           values set in the generated conf files to plant problems
 * @param zfsWithQat           zfs.ko built {@code --with-qat}: the kstat and the parameters exist
 * @param keptParams           the parameters its administrator keeps at 0 after every boot with qatwb's
 *                             {@code qatwb-zfs-qat.service} (enabled; written with the tree, never by the
 *                             agent): zfs.ko always loads before qat.service ({@link org.qatwb.sim.machine.Machine#boot}),
 *                             so without it ZFS holds no QAT after a boot; empty for none
 * @param paramsAtBoot         what the parameters read after a boot (zfs.ko finds no QAT up)
 * @param datasets             the datasets, pool roots first
 * @param zia                  the pools know the Z.I.A. properties (hpc/zfs fork); shown only when asked for
 * @param ziaOn                the {@code zia_*} properties its administrator turned on (the provider stays off),
 *                             when the pools show them
 * @param pastKernelLog        kernel messages already logged before the simulator started (after boot)
 * @param demoLoad             a workload that makes the demo lively; applied only when asked for
 * @param cpuQat               QAT endpoints of the CPU that the in-kernel driver owns (Gen 4); empty for none
 * @param extraKernels         kernels installed beside the running one ({@code os().kernel()}), not yet booted;
 *                             GRUB's default entry 0 boots the newest (grub-mkconfig's 10_linux lists it first)
 */
public record Profile(
        String name,
        String summary,
        OsIdentity os,
        CpuTopology cpu,
        QatCard card,
        DriverRelease driverRelease,
        boolean sriov,
        boolean kapi,
        boolean vfDriverBlacklisted,
        boolean vfConfs,
        List<ConfTweak> confTweaks,
        boolean zfsWithQat,
        Set<ZfsParam> keptParams,
        ParamsAtBoot paramsAtBoot,
        List<Dataset> datasets,
        boolean zia,
        List<String> ziaOn,
        List<String> pastKernelLog,
        Map<String, DatasetLoad> demoLoad,
        List<CpuQat> cpuQat,
        List<ExtraKernel> extraKernels) {

    /** A profile without QAT endpoints in its CPU and without other kernels installed. */
    public Profile(String name, String summary, OsIdentity os, CpuTopology cpu, QatCard card, DriverRelease driverRelease,
            boolean sriov, boolean kapi, boolean vfDriverBlacklisted, boolean vfConfs, List<ConfTweak> confTweaks,
            boolean zfsWithQat, Set<ZfsParam> keptParams, ParamsAtBoot paramsAtBoot, List<Dataset> datasets, boolean zia,
            List<String> ziaOn, List<String> pastKernelLog, Map<String, DatasetLoad> demoLoad) {
        this(name, summary, os, cpu, card, driverRelease, sriov, kapi, vfDriverBlacklisted, vfConfs, confTweaks, zfsWithQat,
                keptParams, paramsAtBoot, datasets, zia, ziaOn, pastKernelLog, demoLoad, List.of(), List.of());
    }

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(paramsAtBoot, "paramsAtBoot");
        if ((card == null) != (driverRelease == null)) {
            throw new IllegalArgumentException("a driver release goes with a QAT card, and only with one");
        }
        keptParams = Set.copyOf(keptParams);
        confTweaks = List.copyOf(confTweaks);
        datasets = List.copyOf(datasets);
        ziaOn = List.copyOf(ziaOn);
        pastKernelLog = List.copyOf(pastKernelLog);
        demoLoad = Map.copyOf(demoLoad);
        cpuQat = List.copyOf(cpuQat);
        extraKernels = List.copyOf(extraKernels);
    }

    public Optional<QatCard> qat() {
        return Optional.ofNullable(card);
    }

    /** The pools, in the order their root datasets appear. */
    public List<String> pools() {
        return datasets.stream().map(Dataset::pool).distinct().toList();
    }

    public Optional<Dataset> dataset(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** A copy with the Z.I.A. properties on or off. */
    public Profile withZia(boolean on) {
        return new Profile(name, summary, os, cpu, card, driverRelease, sriov, kapi, vfDriverBlacklisted, vfConfs, confTweaks,
                zfsWithQat, keptParams, paramsAtBoot, datasets, on, ziaOn, pastKernelLog, demoLoad, cpuQat, extraKernels);
    }

    /** A copy that is TrueNAS SCALE ({@code /etc/version}, {@code midclt}) or a plain Linux. */
    public Profile withTrueNas(boolean on) {
        return new Profile(name, summary, os.withTrueNas(on), cpu, card, driverRelease, sriov, kapi, vfDriverBlacklisted, vfConfs,
                confTweaks, zfsWithQat, keptParams, paramsAtBoot, datasets, zia, ziaOn, pastKernelLog, demoLoad, cpuQat, extraKernels);
    }

    /** A copy whose administrator keeps {@code keep} at 0 with qatwb's unit (none when empty). */
    public Profile withKeptParams(Set<ZfsParam> keep) {
        return new Profile(name, summary, os, cpu, card, driverRelease, sriov, kapi, vfDriverBlacklisted, vfConfs, confTweaks,
                zfsWithQat, keep, paramsAtBoot, datasets, zia, ziaOn, pastKernelLog, demoLoad, cpuQat, extraKernels);
    }

    /** A copy with these QAT endpoints in its CPU. */
    public Profile withCpuQat(List<CpuQat> endpoints) {
        return new Profile(name, summary, os, cpu, card, driverRelease, sriov, kapi, vfDriverBlacklisted, vfConfs, confTweaks,
                zfsWithQat, keptParams, paramsAtBoot, datasets, zia, ziaOn, pastKernelLog, demoLoad, endpoints, extraKernels);
    }

    /** A copy whose parameters read as {@code p} says after a boot (zfs.ko finds no QAT). */
    public Profile withParamsAtBoot(ParamsAtBoot p) {
        return new Profile(name, summary, os, cpu, card, driverRelease, sriov, kapi, vfDriverBlacklisted, vfConfs, confTweaks,
                zfsWithQat, keptParams, p, datasets, zia, ziaOn, pastKernelLog, demoLoad, cpuQat, extraKernels);
    }

    /** A copy under another name, with {@code kernels} installed beside the running kernel. */
    public Profile withExtraKernels(String newName, String newSummary, List<ExtraKernel> kernels) {
        return new Profile(newName, newSummary, os, cpu, card, driverRelease, sriov, kapi, vfDriverBlacklisted, vfConfs,
                confTweaks, zfsWithQat, keptParams, paramsAtBoot, datasets, zia, ziaOn, pastKernelLog, demoLoad, cpuQat, kernels);
    }
}
