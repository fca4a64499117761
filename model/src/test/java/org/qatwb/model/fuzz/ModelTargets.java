package org.qatwb.model.fuzz;

import static org.qatwb.model.fuzz.FuzzSeeds.B;
import static org.qatwb.model.fuzz.FuzzSeeds.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.qatwb.model.adf.AdfStatusParser;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.StreamFrameReader;
import org.qatwb.model.agent.StreamTick;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.NasFiles;
import org.qatwb.model.apply.TxHistory;
import org.qatwb.model.apply.TxRecord;
import org.qatwb.model.apply.TxStep;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.cpu.CpuList;
import org.qatwb.model.debugfs.FwCountersParser;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.doctor.CheckResult;
import org.qatwb.model.doctor.Doctor;
import org.qatwb.model.doctor.Fix;
import org.qatwb.model.etc.QatDefaultsParser;
import org.qatwb.model.etc.VfBlacklistParser;
import org.qatwb.model.json.Json;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.NamedKstat;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.history.HistoryRecorder;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.model.layout.Baseline;
import org.qatwb.model.layout.LayoutCompiler;
import org.qatwb.model.lint.ConfLinter;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.LintContext;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.persist.InitScript;
import org.qatwb.model.persist.PersistOutcome;
import org.qatwb.model.persist.PersistReader;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.persist.PersistTarget;
import org.qatwb.model.irq.InterruptTable;
import org.qatwb.model.irq.IrqAffinity;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.snapshot.OsRelease;
import org.qatwb.model.snapshot.ProcUptime;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.testutil.C62xFixture;
import org.qatwb.model.testutil.NasOutputs;
import org.qatwb.model.zfs.ZfsPropertyTable;
import org.qatwb.model.zfs.ZfsQatParams;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaProperty;
import org.qatwb.model.zia.ZiaKept;
import org.qatwb.model.zia.ZiaSetOutcome;

/**
 * Every reader in {@code model} of what a NAS prints or a user hands in, as a {@link FuzzTarget}.
 * A reader added to {@code model} belongs here.
 */
public final class ModelTargets {

    private static final List<Class<? extends Exception>> PARSE = List.of(ParseException.class);
    private static final List<Class<? extends Exception>> NEVER = List.of();

    private ModelTargets() {
    }

    public static final FuzzTarget AGENT_OUTPUT = new FuzzTarget("agent.AgentOutput (FrameScanner)",
            concat(FuzzSeeds.snapshots(), FuzzSeeds.applyOutputs(), FuzzSeeds.streams()), FuzzSeeds.frameWords(),
            in -> {
                AgentOutput.parse(in, B);
                return List.of();
            }, PARSE);

    public static final FuzzTarget STREAM = new FuzzTarget("agent.StreamFrameReader + StreamSample + HistoryRecorder",
            FuzzSeeds.streams(), FuzzSeeds.frameWords(), ModelTargets::stream, PARSE);

    /**
     * A snapshot and everything that reads it (one target, so that a million inputs take minutes):
     * the doctor's report, the layout read from it and compiled unchanged (what qatwb layout and
     * apply do first), the bytes an apply would replace.
     */
    public static final FuzzTarget SNAPSHOT = new FuzzTarget(
            "snapshot.NasSnapshotReader + Doctor + Baseline + LayoutCompiler + NasFiles", FuzzSeeds.snapshots(),
            snapshotWords(), ModelTargets::snapshotAndConsumers, PARSE);

    public static final FuzzTarget PERSIST = new FuzzTarget("persist.PersistReader",
            concat(FuzzSeeds.snapshots(), FuzzSeeds.persistOutputs()), persistWords(), in -> {
                AgentOutput out = AgentOutput.parse(in, B);
                List<String> m = new ArrayList<>();
                for (PersistTarget t : PersistTarget.values()) {
                    m.addAll(reasons(PersistReader.read(out, t)));
                }
                return m;
            }, PARSE);

    public static final FuzzTarget PERSIST_OUTCOME = new FuzzTarget("persist.PersistOutcome", FuzzSeeds.persistOutputs(),
            persistWords(), in -> {
                PersistOutcome o = PersistOutcome.read(AgentOutput.parse(in, B), EnumSet.of(ZfsParam.COMPRESS));
                List<String> m = new ArrayList<>(reasons(o.after()));
                o.steps().forEach(s -> m.add(s.name() + ": " + s.message()));
                return m;
            }, PARSE);

    public static final FuzzTarget APPLY_OUTCOME = new FuzzTarget("apply.ApplyOutcome", FuzzSeeds.applyOutputs(),
            applyWords(), in -> {
                Optional<ApplyOutcome> o = ApplyOutcome.read(AgentOutput.parse(in, B));
                List<String> m = new ArrayList<>();
                o.ifPresent(a -> {
                    a.steps().forEach(s -> m.add(s.line()));
                    a.failure().map(TxStep::line).ifPresent(m::add);
                });
                return m;
            }, PARSE);

    public static final FuzzTarget TX_HISTORY = new FuzzTarget("apply.TxHistory", FuzzSeeds.historyOutputs(),
            applyWords(), in -> {
                TxHistory.read(AgentOutput.parse(in, B));
                return List.of();
            }, PARSE);

    public static final FuzzTarget TX_RECORD = new FuzzTarget("apply.TxRecord",
            utf8List(fuzz("tx_summary.txt"), fuzz("tx_restore_summary.txt")), applyWords(), in -> {
                TxRecord.read(text(in));
                return List.of();
            }, PARSE);

    public static final FuzzTarget ZIA = new FuzzTarget("zia.ZiaSetOutcome", FuzzSeeds.ziaOutputs(),
            concat(FuzzSeeds.frameWords(), Mutator.utf8("zpool_set", "zpool_get", "tank\t", "\tzia_compress\t", "on", "off")),
            in -> {
                // the message is zpool's own words (which may be "null" or nothing), shown after the step
                String m = ZiaSetOutcome.read(AgentOutput.parse(in, B), ZiaChange.turn("tank", ZiaProperty.COMPRESS, true))
                        .message();
                return List.of("zpool_set: " + m);
            }, PARSE);

    public static final FuzzTarget ZIA_KEPT = new FuzzTarget("zia.ZiaKept",
            utf8List("# qatwb\ntank zia_provider zia_software_provider\ntank zia_compress on\nother zia_checksum off\n"),
            Mutator.utf8("tank", " ", "\t", "\n", "zia_provider", "zia_compress", "on", "off", "#", "$(id)", ";", "none"),
            in -> ZiaKept.parse(text(in)).warnings(), PARSE);

    public static final FuzzTarget ZFS_QAT_PARAMS = new FuzzTarget("zfs.ZfsQatParams",
            utf8List("value zfs_qat_compress_disable 0\nvalue zfs_qat_init_failure_threshold 100\ndenied zfs_qat_x\n"
                    + "cut zfs_qat_long yyyy\nmore 2\n"),
            Mutator.utf8("value ", "cut ", "denied ", "more ", "zfs_qat_", " ", "\n", "0", "99999999999", "\u001b[2J"),
            in -> ZfsQatParams.parse(text(in)).warnings(), PARSE);

    public static final FuzzTarget FW_COUNTERS = new FuzzTarget("debugfs.FwCountersParser",
            utf8List(fuzz("fw_counters_box.txt"), fuzz("fw_counters_table.txt")),
            Mutator.utf8("| Firmware Requests [AE ", "| Firmware Responses[AE ", "| RAS Events        [AE ", "]: ",
                    "AE          Requests        Responses\n", ":", "+----+\n", " |\n"),
            in -> FwCountersParser.parse(text(in)).warnings(), PARSE);

    public static final FuzzTarget KSTAT = new FuzzTarget("kstat.KstatParser + QatKstat", utf8List(NasOutputs.KSTAT),
            Mutator.utf8("name type data\n", "comp_requests", " 4 ", " 1 ", " 7 ", "19 1 0x01 17 4624 ", "\n"), in -> {
                NamedKstat k = KstatParser.parse(text(in));
                QatKstat.of(k);
                return k.warnings();
            }, PARSE);

    public static final FuzzTarget INTERRUPTS = new FuzzTarget("irq.InterruptTable + IrqAffinity",
            utf8List("            CPU0       CPU1       CPU2       CPU3       \n"
                    + " 131:          0          0          0          2  IR-PCI-MSI 31981568-edge      qat0-ae-cluster\n"
                    + " 140:          0      51234          0          0  IR-PCI-MSI 31985664-edge      qat_3d:01.00\n"
                    + "  60:        10          0          0          0  IR-PCI-MSI 31981568-edge      qat0-bundle0\n"
                    + "131 3 3\n140 1 1\n60 0-3 -\n"),
            Mutator.utf8("CPU", " ", "\n", ":", "qat_3d:01.00", "qat0-bundle", "-ae-cluster", "4294967295", "0-", ",", "-"),
            in -> {
                String t = text(in);
                List<String> m = new ArrayList<>(InterruptTable.parse(t).warnings());
                IrqAffinity.parse(t, m);
                return m;
            }, PARSE);

    public static final FuzzTarget ADF_STATUS = new FuzzTarget("adf.AdfStatusParser",
            utf8List(FuzzSeeds.smallAdfStatus(), FuzzSeeds.resource("/fixtures/adf/journal_start_with_sriov.txt")),
            Mutator.utf8(" qat_dev", " - type: ", ",  inst_id: ", ",  node_id: ", ",  bsf: ", "0000:3d:00.0", ",  #accel: ",
                    " #engines: ", " state: ", "up", "down", "There is ", " QAT acceleration device(s) in the system:\n"),
            in -> AdfStatusParser.parse(text(in)).warnings(), PARSE);

    /** irqbalance's environment file and qatwb's init script for the pins, as the pin plan reads them: never a throw. */
    public static final FuzzTarget IRQBALANCE = new FuzzTarget("irq.IrqbalanceBan + KeptPins.ofInit",
            utf8List("# irqbalance\n#IRQBALANCE_BANNED_CPULIST=\nIRQBALANCE_ARGS=\"--hintpolicy=ignore\"\n",
                    "IRQBALANCE_ONESHOT=yes\nIRQBALANCE_ARGS='-l /x'\n"),
            Mutator.utf8("IRQBALANCE_ARGS=", "\"", "'", "$", "`", " ", "\r\n", "export ", "#", "--policyscript=", "-l"),
            in -> {
                String t = text(in);
                org.qatwb.model.irq.IrqbalanceBan.of(new org.qatwb.model.irq.IrqbalanceFiles(
                        java.util.Map.of("/etc/default/irqbalance", t), java.util.Optional.of(t)), true,
                        List.of(new org.qatwb.model.irq.IrqPin("0000:3d:01.0", 3)));
                org.qatwb.model.irq.KeptPins.ofInit(t, org.qatwb.model.irq.IrqbalanceFiles.none());
                return List.of();
            }, NEVER);

    public static final FuzzTarget QAT_DEFAULTS = new FuzzTarget("etc.QatDefaultsParser",
            utf8List(FuzzSeeds.resource("/fixtures/etc/default_qat_hand_edited.txt"), "SRIOV_ENABLE=1\nENABLE_KAPI=1\n"),
            Mutator.utf8("SRIOV_ENABLE", "ENABLE_KAPI", "=", "export ", "'", "\"", "$(", "`", "\\\n", "#", "${X:-1}", ";"),
            in -> QatDefaultsParser.parse(text(in)).warnings(), PARSE);

    public static final FuzzTarget BLACKLIST = new FuzzTarget("etc.VfBlacklistParser",
            utf8List(FuzzSeeds.resource("/fixtures/etc/blacklist_hand_edited.conf")),
            Mutator.utf8("blacklist ", "install ", " /bin/false", "qat_c62xvf", "qat-c62xvf", "options ", "\\\n", "#"),
            in -> VfBlacklistParser.parse(text(in)).warnings(), PARSE);

    public static final FuzzTarget CONF = new FuzzTarget("conf.ConfDocument + lint.ConfLinter",
            utf8List(C62xFixture.pf(), C62xFixture.vf(0), NasOutputs.VF7_CRLF),
            Mutator.utf8("[GENERAL]\n", "[KERNEL_QAT]\n", "[SSL]\n", "NumberCyInstances = ", "NumberDcInstances = ",
                    "ServicesEnabled = ", "Cy0CoreAffinity = ", "Dc0IsPolled = ", "NumProcesses = ", "LimitDevAccess = ",
                    "cy;dc", "\"", "#", "\r\n", "\ufeff"),
            ModelTargets::conf, NEVER);

    public static final FuzzTarget JSON = new FuzzTarget("json.Json",
            utf8List(fuzz("midclt_init_scripts.json"), "{\"a\": [1, 2.5e3, -0.5, null, true, \"\\u00e9\\n\"]}"),
            Mutator.utf8("{", "}", "[", "]", ":", ",", "\"", "\\u", "\\ud800", "1e99999", "-", "null", "true"), in -> {
                Json.parse(text(in));
                return List.of();
            }, PARSE);

    public static final FuzzTarget INIT_SCRIPTS = new FuzzTarget("persist.InitScript.parseQuery",
            utf8List(fuzz("midclt_init_scripts.json")), Mutator.utf8("\"id\": ", "\"enabled\": ", "\"when\": ", "\"comment\": ",
                    "null", "{", "}", "[", "]", ","), in -> {
                InitScript.parseQuery(text(in));
                return List.of();
            }, PARSE);

    public static final FuzzTarget UNIT = new FuzzTarget("persist.ZfsQatUnit.recognise",
            utf8List(ZfsQatUnit.text(EnumSet.allOf(ZfsParam.class))), Mutator.utf8("ExecStart=", "[Unit]\n", "echo 0 > "),
            in -> {
                ZfsQatUnit.recognise(text(in));
                return List.of();
            }, NEVER);

    public static final FuzzTarget ZFS_PROPERTIES = new FuzzTarget("zfs.ZfsPropertyTable",
            utf8List(NasOutputs.ZFS_GET, NasOutputs.ZPOOL_GET), Mutator.utf8("\t", "tank", "-", "local", "\n"),
            in -> ZfsPropertyTable.parse(text(in)).warnings(), PARSE);

    public static final FuzzTarget CPU_LIST = new FuzzTarget("cpu.CpuList", utf8List("0-55\n", "0-13,28-41\n", "7\n"),
            Mutator.utf8("-", ",", "0", "4294967295", "2147483647"), in -> {
                CpuList.parse(text(in));
                return List.of();
            }, PARSE);

    public static final FuzzTarget OS_RELEASE = new FuzzTarget("snapshot.OsRelease", utf8List(NasOutputs.OS_RELEASE),
            Mutator.utf8("=", "\"", "'", "\\", "PRETTY_NAME="), in -> {
                OsRelease.parse(text(in));
                return List.of();
            }, NEVER);

    public static final FuzzTarget UPTIME = new FuzzTarget("snapshot.ProcUptime", utf8List("350735.47 1234.00\n"),
            Mutator.utf8(".", " ", "e", "-"), in -> {
                ProcUptime.parseNanos(text(in));
                return List.of();
            }, PARSE);

    /** Every target, in the order the benchmark reports them. */
    public static List<FuzzTarget> all() {
        return List.of(AGENT_OUTPUT, STREAM, SNAPSHOT, PERSIST, PERSIST_OUTCOME, APPLY_OUTCOME,
                TX_HISTORY, TX_RECORD, ZIA, ZIA_KEPT, ZFS_QAT_PARAMS, FW_COUNTERS, KSTAT, ADF_STATUS, QAT_DEFAULTS, BLACKLIST, CONF, JSON, INIT_SCRIPTS,
                UNIT, ZFS_PROPERTIES, CPU_LIST, OS_RELEASE, UPTIME);
    }

    /** What the agent's frames hold is UTF-8 to the readers ({@code AgentFrame.text()}); so is a file read as text. */
    static String text(byte[] in) {
        return new String(in, StandardCharsets.UTF_8);
    }

    /** Chunks cut where the input's own length says, so that a reproducer is the input alone. */
    private static List<String> stream(byte[] in) throws ParseException {
        StreamFrameReader r = new StreamFrameReader(B);
        HistoryRecorder history = new HistoryRecorder(new OffloadHistory(16));
        Random cuts = new Random(in.length);
        List<String> m = new ArrayList<>();
        for (int at = 0; at < in.length; ) {
            int len = Math.min(in.length - at, 1 + cuts.nextInt(512));
            for (StreamTick t : r.feed(in, at, len)) {
                StreamSample sample = StreamSample.read(t);
                history.record(1000L * (t.n() & 0xffff), sample);
                m.addAll(sample.warnings());
            }
            at += len;
        }
        r.finish();
        return m;
    }

    private static List<String> snapshotAndConsumers(byte[] in) throws ParseException {
        AgentOutput out = AgentOutput.parse(in, B);
        NasSnapshot s = NasSnapshotReader.read(out);
        List<String> m = new ArrayList<>(s.warnings());
        for (CheckResult r : Doctor.examine(s, Optional.empty()).results()) {
            m.add(r.message());
            m.addAll(r.details());
            r.fixes().stream().map(Fix::summary).forEach(m::add);
        }
        Baseline b = Baseline.of(s);
        LayoutCompiler.compile(b, b.layout()).findings().forEach(f -> m.add(f.finding().message()));
        NasFiles.read(out, s.confFiles());
        return m;
    }

    private static List<String> conf(byte[] in) {
        ConfDocument doc = ConfDocument.parse(in);
        LintContext ctx = new LintContext(Optional.of(DeviceRef.of("c6xxvf")), OptionalInt.of(56));
        return ConfLinter.lint(doc, ctx).stream().map(Finding::message).toList();
    }

    private static List<String> reasons(PersistState s) {
        if (s instanceof PersistState.Foreign f) {
            return List.of(f.reason());
        }
        if (s instanceof PersistState.Unreadable u) {
            return List.of(u.reason());
        }
        return List.of();
    }

    private static List<byte[]> snapshotWords() {
        return concat(FuzzSeeds.frameWords(), Mutator.utf8("id", "adf_status", "conf:/etc/c6xxvf_dev99.conf",
                "conf:/etc/../../etc/passwd", "default_qat", "blacklist", "param:zfs_qat_compress_disable", "kstat_qat",
                "cpu_online", "node_online", "cpu_nodes", "zfs_get", "zpool_get", "kernel_log", "debugfs", "fw_counters:",
                "qat_service", "os_release", "persist_unit", "persist_init", "NumberCyInstances = ", "Cy0IsPolled = ",
                "[KERNEL_QAT]\n", "ServicesEnabled = ", "inst_id: ", " state: ", "type: c6xxvf", "\t", "SRIOV_ENABLE=",
                "blacklist ", "comp_requests 4 ", "| Firmware Requests [AE ", "zia_compress\t", "compression\t", "gzip",
                "qat_journal", "qat_modules", "zfs_depends", "pci_vfs", "cmdline", "modprobe:/etc/modprobe.d/x.conf",
                "options zfs ", "zfs.zfs_qat_compress_disable=", "0x37c9 ", " vfio-pci", "qat_api zfs", "qat_pci", "dev ", "drv ", "mod ", "dep ", " 0x4940 ", " OE "));
    }

    private static List<byte[]> persistWords() {
        return concat(FuzzSeeds.frameWords(), Mutator.utf8("persist_target", "systemd", "truenas-init", "persist_unit",
                "persist_unit_state", "persist_init", "enabled", "ExecStart=", "\"id\": ", "\"comment\": "));
    }

    private static List<byte[]> applyWords() {
        return concat(FuzzSeeds.frameWords(), Mutator.utf8("id ", "mode ", "state ", "timeout ", "expected ", "runner ",
                "source restore ", "file 1 ", " - ", " write", " delete", " keep", "20261122T100001Z-3fa2b1c0", "step:", "tx"));
    }

    private static List<byte[]> utf8List(String... texts) {
        return Mutator.utf8(texts);
    }

    @SafeVarargs
    private static List<byte[]> concat(List<byte[]>... lists) {
        List<byte[]> out = new ArrayList<>();
        for (List<byte[]> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
