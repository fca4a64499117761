package org.qatwb.model.snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.qatwb.model.adf.AdfStatus;
import org.qatwb.model.adf.AdfStatusParser;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.AgentProtocol;
import org.qatwb.model.agent.AgentVerb;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.apply.BootCheck;
import org.qatwb.model.apply.PendingLayout;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.cpu.CpuList;
import org.qatwb.model.cpu.CpuTopology;
import org.qatwb.model.devcfg.DevCfg;
import org.qatwb.model.devcfg.DevCfgParser;
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.QatDefaultsParser;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.etc.VfBlacklistParser;
import org.qatwb.model.irq.InterruptTable;
import org.qatwb.model.irq.IrqAffinity;
import org.qatwb.model.irq.KeptPins;
import org.qatwb.model.irq.QatInterrupts;
import org.qatwb.model.kernel.KernelBuilds;
import org.qatwb.model.kernel.KernelsParser;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.lint.ConfFile;
import org.qatwb.model.lint.DeviceFileName;
import org.qatwb.model.lint.DeviceSetLinter;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.LintContext;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.pci.QatPciDevices;
import org.qatwb.model.persist.PersistReader;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.persist.PersistTarget;
import org.qatwb.model.snapshot.SnapshotIssue.Kind;
import org.qatwb.model.zfs.ZfsDataset;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.zfs.ZfsPool;
import org.qatwb.model.zfs.ZfsPropertyTable;
import org.qatwb.model.zfs.ZfsQatParams;
import org.qatwb.model.zia.ZiaHost;

/**
 * Builds a {@link NasSnapshot} from the agent's {@code snapshot} output with the project's
 * parsers. It never throws for what the NAS sent: an item that was denied, failed, was cut or
 * does not parse becomes a {@link SnapshotIssue} and an empty field, and the rest of the snapshot stands.
 */
public final class NasSnapshotReader {

    /** The items of {@code snapshot} that every agent prints (absent or not). */
    private static final List<String> EXPECTED = List.of("id", "adf_status", "default_qat", "blacklist",
            "kstat_qat", "cpu_online", "node_online", "cpu_nodes", "zfs_get", "zpool_get", "kernel_log",
            "debugfs", "qat_service", "os_release", "truenas_version", PersistReader.UNIT_ITEM,
            PersistReader.UNIT_STATE_ITEM, PersistReader.INIT_ITEM);

    /**
     * The QAT driver's module version ({@code /sys/module/intel_qat/version}); not in {@link #EXPECTED}:
     * an older agent does not send it, and the in-kernel driver has no version file.
     */
    public static final String DRIVER_VERSION_ITEM = "qat_version";

    /** The layouts staged for the next boot ({@link PendingLayout}); not in {@link #EXPECTED}: older agents lack it. */
    public static final String PENDING_ITEM = "tx_pending";

    /** The last boot check's record ({@link BootCheck}); absent until a boot check ran. */
    public static final String BOOT_CHECK_ITEM = "boot_check";

    /** The conf files read as one set: their bytes, and {@link #CONF_SIZES_ITEM} to split them ({@link ConfSet}). */
    public static final String CONF_FILES_ITEM = "conf_files";
    public static final String CONF_SIZES_ITEM = "conf_sizes";
    /** Every {@code zfs_qat_*} module parameter, known or not (issue 16, section 4). */
    public static final String ZFS_QAT_PARAMS_ITEM = "zfs_qat_params";
    /** The installed kernels and what is built for each (issue 16, section 2; docs/agent-protocol.md). */
    public static final String KERNELS_ITEM = "kernels";
    /** One conf file read on its own: {@code conf:/etc/c6xx_dev0.conf} (an older agent). */
    public static final String CONF_PREFIX = "conf:";

    /** Linux's most NUMA nodes (NODES_SHIFT 10). */
    static final int MAX_NODES = 1024;

    /** Issues one item adds at most; one more counts the rest (a NAS must not flood the terminal). */
    static final int WARNINGS_PER_ITEM = 8;

    /**
     * Lines of all conf files together at most: a host with 51 devices has about 13,000, one with
     * 131 conf files (c4xxx) about 33,000.
     */
    static final int MAX_CONF_LINES = 65536;

    private final AgentOutput out;
    private int confLinesLeft = MAX_CONF_LINES;
    private final List<SnapshotIssue> issues = new ArrayList<>();

    private NasSnapshotReader(AgentOutput out) {
        this.out = out;
    }

    /** Reads a parsed {@code snapshot} output. */
    public static NasSnapshot read(AgentOutput output) {
        return new NasSnapshotReader(output).read();
    }

    /** A step that turns an item's frame into a value, allowed to fail on bad content. */
    private interface Reader<T> {
        T read(AgentFrame frame) throws ParseException;
    }

    private NasSnapshot read() {
        if (out.verb() == AgentVerb.SNAPSHOT) {
            for (String name : EXPECTED) {
                if (out.frame(name).isEmpty()) {
                    issue(name, Kind.MISSING, "missing from the agent's output");
                }
            }
        }
        Map<String, ItemStatus> statuses = new LinkedHashMap<>();
        for (AgentFrame f : out.frames()) {
            statuses.putIfAbsent(f.name(), f.status());
        }

        Optional<UserId> user = item("id", NasSnapshotReader::userId);
        Optional<AdfStatus> devices = item("adf_status", f -> AdfStatusParser.parse(f.text()));
        Optional<QatDefaults> defaults = item("default_qat", f -> QatDefaultsParser.parse(f.text()));
        Optional<VfBlacklist> blacklist = item("blacklist", f -> VfBlacklistParser.parse(f.text()));
        Map<ZfsParam, Integer> params = new EnumMap<>(ZfsParam.class);
        for (ZfsParam p : ZfsParam.values()) {
            item(p.itemName(), NasSnapshotReader::paramValue).ifPresent(v -> params.put(p, v));
        }
        Optional<QatKstat> kstat = item("kstat_qat", f -> QatKstat.of(KstatParser.parse(f.text())));
        CpuTopology cpu = new CpuTopology(item("cpu_online", f -> CpuList.parse(f.text())),
                item("node_online", f -> CpuList.parse(f.text())),
                item("cpu_nodes", this::cpuNodes).orElseGet(TreeMap::new));
        Map<String, ZfsDataset> datasets = new LinkedHashMap<>();
        item("zfs_get", f -> table("zfs_get", f)).ifPresent(t ->
                t.rows().forEach((name, props) -> datasets.put(name, new ZfsDataset(name, props))));
        Map<String, ZfsPool> pools = new LinkedHashMap<>();
        item("zpool_get", f -> table("zpool_get", f)).ifPresent(t ->
                t.rows().forEach((name, props) -> pools.put(name, new ZfsPool(name, props))));
        List<String> kernelLog = item("kernel_log", f -> lines(f.text())).orElse(List.of());
        item("debugfs", f -> f); // only its warning: fw_counters need root or sudo
        Map<String, String> fw = new LinkedHashMap<>();
        for (AgentFrame f : out.framesStartingWith("fw_counters:")) {
            item(f, AgentFrame::text).ifPresent(t -> fw.put(f.name().substring("fw_counters:".length()), t));
        }
        // each device's debugfs dev_cfg: what the driver loaded (root only, like fw_counters)
        Map<String, DevCfg> devCfg = new LinkedHashMap<>();
        int devCfgIssues = issues.size();
        for (AgentFrame f : out.framesStartingWith("dev_cfg:")) {
            item(f, g -> DevCfgParser.parse(g.text())).ifPresent(d -> devCfg.put(f.name().substring("dev_cfg:".length()), d));
        }
        // one item per device (51 on a C62x with its VFs): the first problem, then how many more,
        // rather than a warning per device
        if (issues.size() - devCfgIssues > 2) {
            List<SnapshotIssue> each = new ArrayList<>(issues.subList(devCfgIssues, issues.size()));
            issues.subList(devCfgIssues, issues.size()).clear();
            issues.add(each.get(0));
            issue("dev_cfg", each.get(0).kind(), (each.size() - 1) + " more devices' dev_cfg could not be read either");
        }
        Optional<Boolean> held = item("qat_refcnt", NasSnapshotReader::qatHeld);
        // the agent looked and found no count (an older agent's output has no such item: nothing to say)
        if (held.isEmpty() && out.frame("qat_refcnt").filter(f -> f.status() == ItemStatus.ABSENT).isPresent()
                && devices.filter(d -> !d.devices().isEmpty()).isPresent()) {
            issue("qat_refcnt", Kind.UNKNOWN, "whether ZFS holds QAT is unknown: no QAT driver module shows a reference"
                    + " count (/sys/module/qat_*/refcnt), so whether a restart can apply a layout is unknown");
        }
        Optional<String> service = item("qat_service", f -> firstLine(f.text()));
        Optional<OsRelease> os = item("os_release", f -> OsRelease.parse(f.text()));
        Optional<String> truenas = item("truenas_version", f -> firstLine(f.text()));
        Optional<DriverVersion> driver = item(DRIVER_VERSION_ITEM, f -> DriverVersion.parse(f.text()));
        DriverRelease release = driver.map(DriverVersion::release).orElse(DriverRelease.NEWEST);
        PersistState persistence = PersistReader.read(out, PersistTarget.of(statuses));
        if (persistence instanceof PersistState.Unreadable u
                && PersistReader.ITEMS.stream().anyMatch(n -> out.frame(n).isPresent())) {
            issue("persistence", Kind.NOT_READ, u.reason());
        }

        ZiaHost zia = ZiaHost.read(out);
        ziaKept(zia);
        Map<String, ConfDocument> confs = confFiles(release);
        Map<String, FileReport> reports = lint(confs, cpu.cores(), release);
        List<String> journal = item("qat_journal", f -> lines(f.text())).orElse(List.of());
        ModuleFacts modules = modules();
        Optional<QatInterrupts> interrupts = interrupts(devices);
        return new NasSnapshot(user, devices, confs, reports, defaults, blacklist, params, kstat, cpu, datasets,
                pools, kernelLog, fw, service, os, truenas, driver, persistence, zia, interrupts,
                KeptPins.read(n -> item(n, AgentFrame::text)), statuses, issues,
                journal, modules, item(PENDING_ITEM, f -> PendingLayout.parse(f.text())).flatMap(p -> p),
                item(BOOT_CHECK_ITEM, f -> BootCheck.parse(f.text())),
                devCfg, held, kernels(), qatPci(), qatParameters());
    }

    /** The installed kernels and their builds (issue 16, section 2). */
    private Optional<KernelBuilds> kernels() {
        Optional<String> grubEnv = item("grub_env", AgentFrame::text);
        Optional<String> grubCfg = item("grub_cfg", AgentFrame::text);
        Optional<String> loader = item("loader_conf", AgentFrame::text);
        Optional<KernelBuilds> k = item(KERNELS_ITEM, f -> KernelsParser.parse(f.text(), grubEnv, grubCfg, loader));
        k.ifPresent(b -> {
            if (!b.warnings().isEmpty()) {
                issue(KERNELS_ITEM, Kind.BAD_LINES, b.warnings().get(0)
                        + (b.warnings().size() > 1 ? " (and " + (b.warnings().size() - 1) + " more)" : ""));
            }
        });
        return k;
    }

    /**
     * Item {@code qat_refcnt}: {@code MODULE COUNT} per QAT driver module. {@code adf_dev_get}
     * (qat_common/adf_dev_mgr.c) takes a reference on the device's driver module when a kernel user
     * (ZFS's started instances) starts using it: a count above 0 means a device is in use, and the
     * driver refuses to stop any device then (adf_ctl_drv.c {@code adf_ctl_is_device_in_use}).
     */
    private static Boolean qatHeld(AgentFrame f) throws ParseException {
        boolean held = false;
        int n = 0;
        for (String l : lines(f.text())) {
            n++;
            String[] w = l.strip().split(" ");
            if (w.length != 2 || !w[0].matches("qat_[a-z0-9_]{1,40}") || !w[1].matches("[0-9]{1,9}")) {
                throw new ParseException(n, "not MODULE COUNT");
            }
            held |= Integer.parseInt(w[1]) > 0;
        }
        if (n == 0) {
            throw new ParseException(0, "no module listed");
        }
        return held;
    }

    /** Every QAT PCI device and its driver (issue 16, section 3): the agent's {@code qat_pci}. */
    private Optional<QatPciDevices> qatPci() {
        return item("qat_pci", f -> QatPciDevices.parse(f.text()));
    }

    /** The items about kernel modules, VF drivers and load-time options (docs/agent-protocol.md). */
    private ModuleFacts modules() {
        Optional<LoadedModules> loaded = item("qat_modules", f -> LoadedModules.parse(f.text()));
        Optional<List<String>> depends = item("zfs_depends", f -> f.text().isBlank() ? null
                : ModuleFacts.dependencies(firstLine(f.text())));
        Optional<List<VfBinding>> vfs = item("pci_vfs", f -> VfBinding.parseAll(f.text()));
        Map<String, String> modprobe = new LinkedHashMap<>();
        for (AgentFrame f : out.framesStartingWith("modprobe:")) {
            item(f, AgentFrame::text).ifPresent(t -> modprobe.put(f.name().substring("modprobe:".length()), t));
        }
        Optional<String> cmdline = item("cmdline", AgentFrame::text);
        return new ModuleFacts(loaded, depends, vfs, ZfsParamSetting.read(modprobe, cmdline), cmdline.isPresent());
    }

    /**
     * Every {@code zfs_qat_*} parameter the NAS exposes (issue 16, section 4): item
     * {@code zfs_qat_params}; an older agent sends none (empty, and the three {@code param:} items
     * still give {@link NasSnapshot#params()}). Its lines not understood are warnings.
     */
    private Optional<ZfsQatParams> qatParameters() {
        Optional<ZfsQatParams> read = item(ZFS_QAT_PARAMS_ITEM, f -> ZfsQatParams.parse(f.text()));
        read.ifPresent(p -> {
            p.warnings().stream().limit(WARNINGS_PER_ITEM).forEach(w -> issue(ZFS_QAT_PARAMS_ITEM, Kind.BAD_LINES, w));
            if (p.warnings().size() > WARNINGS_PER_ITEM) {
                issue(ZFS_QAT_PARAMS_ITEM, Kind.BAD_LINES, (p.warnings().size() - WARNINGS_PER_ITEM) + " more warnings");
            }
        });
        return read;
    }

    /**
     * {@code interrupts} joined with {@code irq_affinity} (an older agent sends neither, and the
     * snapshot has none). Each item's bad lines are warnings, {@link #WARNINGS_PER_ITEM} at most.
     */
    private Optional<QatInterrupts> interrupts(Optional<AdfStatus> devices) {
        Optional<InterruptTable> table = item("interrupts", f -> InterruptTable.parse(f.text()));
        if (table.isEmpty()) {
            return Optional.empty();
        }
        List<String> affinityWarnings = new ArrayList<>();
        Map<Integer, IrqAffinity> affinities = item("irq_affinity", f -> IrqAffinity.parse(f.text(), affinityWarnings))
                .orElse(Map.of());
        List<SnapshotIssue> itemIssues = new ArrayList<>();
        table.get().warnings().forEach(w -> itemIssues.add(new SnapshotIssue("interrupts", Kind.BAD_LINES, w)));
        affinityWarnings.forEach(w -> itemIssues.add(new SnapshotIssue("irq_affinity", Kind.BAD_LINES, w)));
        itemIssues.stream().limit(WARNINGS_PER_ITEM).forEach(issues::add);
        if (itemIssues.size() > WARNINGS_PER_ITEM) {
            issue("interrupts", Kind.BAD_LINES, (itemIssues.size() - WARNINGS_PER_ITEM) + " more warnings");
        }
        Optional<Boolean> irqbalance = item("irqbalance", f -> firstLine(f.text())).map(w -> w.equals("active"));
        return Optional.of(QatInterrupts.of(table.get(), affinities, devices, affinityWarnings).withIrqbalance(irqbalance));
    }

    private void issue(String item, Kind kind, String message) {
        issues.add(new SnapshotIssue(item, kind, message));
    }

    /** Whether {@code item} is one of the items the conf files are read from ({@code conf_files}, {@code conf:PATH}, ...). */
    public static boolean isConfItem(String item) {
        return item.equals(CONF_FILES_ITEM) || item.equals(CONF_SIZES_ITEM) || item.startsWith(CONF_PREFIX);
    }

    /**
     * The kept Z.I.A. file's issues: not read at all (the item's status, as any item's), or lines that were
     * skipped ({@link org.qatwb.model.zia.ZiaKept#warnings()}, which name the file and the line).
     */
    private void ziaKept(ZiaHost zia) {
        Optional<AgentFrame> f = out.frame(ZiaHost.KEPT_ITEM).filter(g -> g.status() != ItemStatus.ABSENT);
        if (f.isPresent() && !f.get().readable()) {
            issue(f.get().name(), Kind.NOT_READ, f.get().problemMessage());
        } else if (f.isPresent() && f.get().tooManyLines()) {
            issue(f.get().name(), Kind.TOO_LARGE, f.get().tooManyLinesMessage());
        } else {
            zia.kept().warnings().forEach(w -> issue(ZiaHost.KEPT_ITEM, Kind.BAD_LINES, w));
        }
    }

    private <T> Optional<T> item(String name, Reader<T> reader) {
        return out.frame(name).flatMap(f -> item(f, reader));
    }

    /** The item's value, or empty with an issue saying why not. */
    private <T> Optional<T> item(AgentFrame f, Reader<T> reader) {
        switch (f.status()) {
            case ABSENT:
                return Optional.empty();
            case OK:
                break;
            case TRUNCATED:
                issue(f.name(), Kind.CUT, "cut at " + f.size() + " bytes: the item is larger than the agent's cap of "
                        + AgentProtocol.ITEM_CAP + " bytes");
                break;
            default:
                issue(f.name(), Kind.NOT_READ, f.problemMessage());
                return Optional.empty();
        }
        if (f.tooManyLines()) {
            issue(f.name(), Kind.TOO_LARGE, f.tooManyLinesMessage());
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(reader.read(f));
        } catch (ParseException e) {
            issue(f.name(), Kind.UNPARSEABLE, Snippet.oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            // a bug of ours must not cost the rest of the snapshot; tests look for this text
            issue(f.name(), Kind.INTERNAL, "internal error while reading it: " + Snippet.oneLine(String.valueOf(e)));
        }
        return Optional.empty();
    }

    private static UserId userId(AgentFrame f) throws ParseException {
        List<String> l = lines(f.text());
        if (l.size() != 2 || !l.get(0).matches("[0-9]{1,10}") || l.get(1).isBlank()) {
            throw new ParseException(0, "expected 'id -u' and 'id -un', one per line: " + Snippet.quote(f.text()));
        }
        return new UserId(Long.parseLong(l.get(0)), l.get(1).strip());
    }

    private static Integer paramValue(AgentFrame f) throws ParseException {
        String t = f.text().strip();
        if (!t.matches("-?[0-9]{1,9}")) {
            throw new ParseException(0, "not an integer: " + Snippet.quote(t));
        }
        return Integer.valueOf(t);
    }

    /**
     * "N LIST" per line; a bad line is skipped with a warning, the other nodes stay. Linux numbers
     * at most 1024 nodes (NODES_SHIFT 10), and each list may hold every CPU, so a higher node is
     * refused rather than kept. After {@link #WARNINGS_PER_ITEM} bad lines one more issue counts the rest.
     */
    private TreeMap<Integer, CpuList> cpuNodes(AgentFrame f) {
        TreeMap<Integer, CpuList> nodes = new TreeMap<>();
        List<String> l = lines(f.text());
        int bad = 0;
        for (int i = 0; i < l.size(); i++) {
            String[] w = l.get(i).strip().split(" ", 2);
            try {
                if (!w[0].matches("[0-9]{1,4}") || Integer.parseInt(w[0]) >= MAX_NODES) {
                    throw new ParseException(i + 1, "expected 'NODE CPULIST' with a node below " + MAX_NODES + ": "
                            + Snippet.quote(l.get(i)));
                }
                nodes.put(Integer.valueOf(w[0]), CpuList.parse(w.length > 1 ? w[1] : ""));
            } catch (ParseException e) {
                if (++bad <= WARNINGS_PER_ITEM) {
                    issue("cpu_nodes", Kind.BAD_LINES, e.line() > 0 ? e.getMessage() : "line " + (i + 1) + ": " + e.getMessage());
                }
            }
        }
        if (bad > WARNINGS_PER_ITEM) {
            issue("cpu_nodes", Kind.BAD_LINES, (bad - WARNINGS_PER_ITEM) + " more bad lines");
        }
        return nodes;
    }

    private ZfsPropertyTable table(String name, AgentFrame f) throws ParseException {
        ZfsPropertyTable t = ZfsPropertyTable.parse(f.text());
        t.warnings().stream().limit(WARNINGS_PER_ITEM).forEach(w -> issue(name, Kind.BAD_LINES, w));
        if (t.warnings().size() > WARNINGS_PER_ITEM) {
            issue(name, Kind.BAD_LINES, (t.warnings().size() - WARNINGS_PER_ITEM) + " more warnings");
        }
        return t;
    }

    /** The conf files that were read, PFs first, then VFs, each by inst_id; others after, by name. */
    private Map<String, ConfDocument> confFiles(DriverRelease release) {
        Map<String, ConfDocument> read = new HashMap<>(confSet(release));
        for (AgentFrame f : out.framesStartingWith(CONF_PREFIX)) {
            if (f.status() == ItemStatus.TRUNCATED) {
                // a cut conf file must never be edited and written back
                issue(f.name(), Kind.TOO_LARGE, "larger than " + AgentProtocol.ITEM_CAP + " bytes, not read: "
                        + "it cannot be a conf file the driver accepts");
                continue;
            }
            if (f.readable() && !spendConfLines(f)) {
                continue;
            }
            item(f, fr -> ConfDocument.parse(fr.content(), release)).ifPresent(d -> read.put(path(f), d));
        }
        List<String> paths = new ArrayList<>(read.keySet());
        paths.sort(Comparator.comparing((String p) -> driverFile(p).isEmpty())
                .thenComparing(p -> driverFile(p).map(d -> d.device().vf()).orElse(false))
                .thenComparing(p -> driverFile(p).map(d -> d.device().type()).orElse(""))
                .thenComparingInt(p -> driverFile(p).map(DeviceFileName::instId).orElse(0))
                .thenComparing(Comparator.naturalOrder()));
        Map<String, ConfDocument> docs = new LinkedHashMap<>();
        paths.forEach(p -> docs.put(p, read.get(p)));
        return docs;
    }

    /** The conf files the agent read as one set ({@link ConfSet}); a set that does not add up is refused whole. */
    private Map<String, ConfDocument> confSet(DriverRelease release) {
        Optional<AgentFrame> sizes = out.frame(CONF_SIZES_ITEM);
        Optional<AgentFrame> bytes = out.frame(CONF_FILES_ITEM);
        if (sizes.isEmpty() || bytes.isEmpty()) {
            return Map.of();
        }
        if (bytes.get().status() != ItemStatus.OK || sizes.get().status() != ItemStatus.OK) {
            issue(CONF_FILES_ITEM, Kind.NOT_READ, "the conf files could not be read (" + bytes.get().status().wire()
                    + ", exit " + bytes.get().rc() + "); run the snapshot again");
            return Map.of();
        }
        if (!spendConfLines(bytes.get())) {
            return Map.of();
        }
        Map<String, byte[]> files;
        try {
            files = ConfSet.split(sizes.get().text(), bytes.get().content());
        } catch (ParseException e) {
            issue(CONF_SIZES_ITEM, Kind.UNPARSEABLE, e.getMessage() + "; conf files not used");
            return Map.of();
        } catch (ConfSet.Refused e) {
            issue(CONF_FILES_ITEM, Kind.CHANGED_WHILE_READ, "the conf files changed while they were read ("
                    + e.getMessage() + "); run the snapshot again");
            return Map.of();
        }
        Map<String, ConfDocument> docs = new HashMap<>();
        files.forEach((path, content) -> docs.put(path, ConfDocument.parse(content, release)));
        return docs;
    }

    /**
     * Takes an item's lines from the conf files' budget, or says why it is not read. Every line of
     * a conf file costs a document line and, when it is garbage, lint findings (about 500 bytes in
     * all): a NAS's conf files together are read up to {@link #MAX_CONF_LINES}.
     */
    private boolean spendConfLines(AgentFrame f) {
        int lines = f.lines();
        if (lines > confLinesLeft) {
            issue(f.name(), Kind.TOO_LARGE, "not read: the conf files hold more than " + MAX_CONF_LINES
                    + " lines in all, more than any QAT host's");
            return false;
        }
        confLinesLeft -= lines;
        return true;
    }

    private Map<String, FileReport> lint(Map<String, ConfDocument> docs, OptionalInt cores, DriverRelease release) {
        List<ConfFile> files = new ArrayList<>();
        docs.forEach((path, doc) -> {
            Optional<DeviceFileName> name = driverFile(path);
            LintContext ctx = new LintContext(name.map(DeviceFileName::device), cores).withRelease(release);
            files.add(new ConfFile(path, doc, ctx,
                    name.map(n -> OptionalInt.of(n.instId())).orElse(OptionalInt.empty())));
        });
        Map<String, FileReport> reports = new LinkedHashMap<>();
        try {
            for (FileReport r : DeviceSetLinter.lint(files)) {
                reports.put(r.path(), r);
            }
        } catch (RuntimeException e) {
            issue("lint", Kind.INTERNAL, "internal error while reading it: " + Snippet.oneLine(String.valueOf(e)));
        }
        return reports;
    }

    private static String path(AgentFrame f) {
        return f.name().substring(CONF_PREFIX.length());
    }

    /** The device of a file the driver reads ({@code c6xxvf_dev3.conf}); templates and others have none. */
    private static Optional<DeviceFileName> driverFile(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        return DeviceFileName.isDriverFileName(base) ? DeviceFileName.of(base) : Optional.empty();
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> l = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        return l;
    }

    private static String firstLine(String text) throws ParseException {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new ParseException(0, "empty");
        }
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).strip();
    }
}
