package org.qatwb.model.snapshot;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.qatwb.model.adf.AdfStatus;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.apply.BootCheck;
import org.qatwb.model.apply.PendingLayout;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.cpu.CpuTopology;
import org.qatwb.model.devcfg.DevCfg;
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.irq.KeptPins;
import org.qatwb.model.irq.QatInterrupts;
import org.qatwb.model.kernel.KernelBuilds;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.pci.QatPciDevices;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.zfs.ZfsDataset;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.zfs.ZfsPool;
import org.qatwb.model.zfs.ZfsQatParams;
import org.qatwb.model.zia.ZiaHost;

/**
 * Everything read from one NAS in one round trip (DESIGN.md "Data flow", step 2). Immutable.
 *
 * <p>"Absent" is an answer, not a zero: no {@code adf_ctl} means no QAT driver; no
 * {@code zfs_qat_*_disable} parameter and no kstat mean ZFS was built without QAT. Items the
 * agent could not read (denied, failed, truncated) and items that did not parse are empty here
 * and explained, one {@link SnapshotIssue} each, in {@link #issues()}.
 *
 * @param user           who the agent ran as
 * @param devices        {@code adf_ctl status}; empty without {@code adf_ctl} (or when it failed)
 * @param confFiles      {@code /etc/<type>_dev<N>.conf} by path, PFs first, then VFs, by inst_id;
 *                       byte-exact
 * @param lintReports    the findings of each conf file (same keys), linted as one device set
 *                       with the NAS's core count
 * @param qatDefaults    {@code /etc/default/qat}
 * @param blacklist      {@code /etc/modprobe.d/blacklist-qat-vfs.conf}
 * @param params         the ZFS QAT parameters that exist, with their values (a missing key is a
 *                       missing parameter, never 0)
 * @param kstat          {@code /proc/spl/kstat/zfs/qat}
 * @param cpu            CPU and NUMA topology
 * @param datasets       filesystems and volumes by name, in {@code zfs get}'s order
 * @param pools          pools by name, with all their properties
 * @param kernelLog      the QAT and ZFS lines of the kernel log, oldest first
 * @param fwCounters     the raw {@code fw_counters} text of each debugfs directory ({@code qat_c6xx_0000:3d:00.0})
 * @param qatService     the state of qat.service ({@code active}, {@code inactive}, {@code failed}...)
 * @param osRelease      {@code /etc/os-release}
 * @param truenasVersion {@code /etc/version}, which TrueNAS has
 * @param driverVersion  {@code /sys/module/intel_qat/version}: the QAT driver's release, which decides how
 *                       the conf files are read and placed (empty when the module or its version is not there)
 * @param persistence    what keeps the ZFS QAT parameters at 0 after a reboot (a qatwb systemd unit,
 *                       or on TrueNAS an init script), if anything
 * @param zia            Z.I.A. beyond the pools' properties: the dpusm module, the settings qatwb
 *                       keeps and its re-apply hooks
 * @param interrupts     the QAT interrupts: {@code /proc/interrupts}' QAT lines with each IRQ's affinity
 *                       and device; empty when {@code /proc/interrupts} was not read
 * @param irqPins        the VF interrupt pins qatwb's unit keeps after a reboot
 * @param itemStatus     every item of the agent's output with its status, by name
 * @param issues         one per item that was denied, failed, cut or unreadable (a few per item at most)
 * @param serviceJournal qat.service's journal of this boot, oldest first: adf_ctl's and qat_service's
 *                       own messages, which never reach the kernel log
 * @param modules        the chain's kernel modules: loaded, held, depended on, bound to the VFs, given options
 * @param pendingLayout  the layouts staged for the next boot, which its boot check will verify; empty when none
 * @param lastBootCheck  what the last boot check found (kept on the NAS until the next one); empty when none ran
 * @param devCfg         each device's debugfs dev_cfg by BSF ({@code DDDD:BB:DD.F}): the configuration the
 *                       driver actually loaded (empty for a device that is down)
 * @param qatHeldByZfs   whether a kernel user (ZFS) holds QAT devices, so the driver refuses to stop
 *                       them and a restart cannot apply a layout; empty when unknown
 * @param kernels        the installed kernels and what is built for each; empty when not read
 * @param qatPci         every QAT PCI device and its driver; empty when not read
 * @param qatParameters  every {@code zfs_qat_*} parameter the NAS exposes; empty when not read
 */
public record NasSnapshot(
        Optional<UserId> user,
        Optional<AdfStatus> devices,
        Map<String, ConfDocument> confFiles,
        Map<String, FileReport> lintReports,
        Optional<QatDefaults> qatDefaults,
        Optional<VfBlacklist> blacklist,
        Map<ZfsParam, Integer> params,
        Optional<QatKstat> kstat,
        CpuTopology cpu,
        Map<String, ZfsDataset> datasets,
        Map<String, ZfsPool> pools,
        List<String> kernelLog,
        Map<String, String> fwCounters,
        Optional<String> qatService,
        Optional<OsRelease> osRelease,
        Optional<String> truenasVersion,
        Optional<DriverVersion> driverVersion,
        PersistState persistence,
        ZiaHost zia,
        Optional<QatInterrupts> interrupts,
        KeptPins irqPins,
        Map<String, ItemStatus> itemStatus,
        List<SnapshotIssue> issues,
        List<String> serviceJournal,
        ModuleFacts modules,
        Optional<PendingLayout> pendingLayout,
        Optional<BootCheck> lastBootCheck,
        Map<String, DevCfg> devCfg,
        Optional<Boolean> qatHeldByZfs,
        Optional<KernelBuilds> kernels,
        Optional<QatPciDevices> qatPci,
        Optional<ZfsQatParams> qatParameters) {

    public NasSnapshot {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(qatDefaults, "qatDefaults");
        Objects.requireNonNull(blacklist, "blacklist");
        Objects.requireNonNull(kstat, "kstat");
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(qatService, "qatService");
        Objects.requireNonNull(driverVersion, "driverVersion");
        Objects.requireNonNull(osRelease, "osRelease");
        Objects.requireNonNull(truenasVersion, "truenasVersion");
        Objects.requireNonNull(persistence, "persistence");
        Objects.requireNonNull(zia, "zia");
        Objects.requireNonNull(interrupts, "interrupts");
        devCfg = Map.copyOf(devCfg);
        Objects.requireNonNull(qatHeldByZfs, "qatHeldByZfs");
        Objects.requireNonNull(irqPins, "irqPins");
        confFiles = ordered(confFiles);
        lintReports = ordered(lintReports);
        params = Collections.unmodifiableMap(params.isEmpty() ? new EnumMap<>(ZfsParam.class) : new EnumMap<>(params));
        datasets = ordered(datasets);
        pools = ordered(pools);
        kernelLog = List.copyOf(kernelLog);
        fwCounters = ordered(fwCounters);
        itemStatus = ordered(itemStatus);
        issues = List.copyOf(issues);
        serviceJournal = List.copyOf(serviceJournal);
        Objects.requireNonNull(modules, "modules");
        Objects.requireNonNull(pendingLayout, "pendingLayout");
        Objects.requireNonNull(lastBootCheck, "lastBootCheck");
        Objects.requireNonNull(kernels, "kernels");
        Objects.requireNonNull(qatPci, "qatPci");
        Objects.requireNonNull(qatParameters, "qatParameters");
    }

    /** The issues as a user reads them, {@code "item: message"} each: for showing, never for deciding. */
    public List<String> warnings() {
        return issues.stream().map(SnapshotIssue::line).toList();
    }

    /** The first issue about {@code item}, if any. */
    public Optional<SnapshotIssue> issue(String item) {
        return issues.stream().filter(i -> i.about(item)).findFirst();
    }

    /** The issues about the items the conf files are read from ({@link NasSnapshotReader#isConfItem}). */
    public List<SnapshotIssue> confIssues() {
        return issues.stream().filter(i -> NasSnapshotReader.isConfItem(i.item())).toList();
    }

    private static <K, V> Map<K, V> ordered(Map<K, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** How many of {@code pool}'s datasets (the pool's own among them) are encrypted. */
    public long encryptedDatasets(String pool) {
        return datasets.values().stream().filter(d -> d.name().equals(pool) || d.name().startsWith(pool + "/"))
                .map(ZfsDataset::encryption).filter(e -> e.isPresent() && !e.get().equals("off")).count();
    }

    /** A ZFS parameter's value; empty when the parameter does not exist (ZFS built without QAT). */
    public OptionalInt param(ZfsParam p) {
        Integer v = params.get(p);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** The driver release the NAS's conf files are read and placed with: its own, else the newest. */
    public DriverRelease driverRelease() {
        return driverVersion.map(DriverVersion::release).orElse(DriverRelease.NEWEST);
    }
}
