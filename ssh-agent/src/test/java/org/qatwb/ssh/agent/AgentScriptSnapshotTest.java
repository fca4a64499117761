package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.AgentProtocol;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.Severity;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.persist.InitScript;
import org.qatwb.model.irq.IrqPinUnit;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.persist.PersistTarget;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.snapshot.DriverVersion;
import org.qatwb.model.zia.ZiaHooks;
import org.qatwb.model.zia.ZiaKept;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.snapshot.ZfsParamSetting;

/** {@code snapshot} run by each shell against a fake NAS: every item with the status and bytes it must have. */
class AgentScriptSnapshotTest {

    static final String ZFS_ARGS = "get -H -p -o name,property,value,source compression,checksum,encryption,recordsize,"
            + "volblocksize,dedup -t filesystem,volume";
    static final String ZPOOL_ARGS = "get -H -p -o name,property,value all";

    /** The PF's conf as a Windows editor left it: CRLF, no final newline, a Latin-1 byte in a comment. */
    static final byte[] PF_CONF = ("# caf\u00e9\r\n[GENERAL]\r\nServicesEnabled = cy;dc\r\nConfigVersion = 2\r\n"
            + "[KERNEL_QAT]\r\nNumberCyInstances = 0\r\nNumberDcInstances = 0").getBytes(StandardCharsets.ISO_8859_1);
    static final String VF_CONF = """
            [GENERAL]
            ServicesEnabled = cy;dc
            ConfigVersion = 2
            [KERNEL_QAT]
            NumberCyInstances = 1
            NumberDcInstances = 1
            Cy0Name = "ZFS0"
            Cy0IsPolled = 0
            Cy0CoreAffinity = 1
            Dc0Name = "ZFS0"
            Dc0IsPolled = 0
            Dc0CoreAffinity = 2
            """;
    static final String ADF_STATUS = """
            Checking status of all devices.
            There is 2 QAT acceleration device(s) in the system:
             qat_dev0 - type: c6xx,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:00.0,  #accel: 5 #engines: 10 state: up
             qat_dev1 - type: c6xxvf,  inst_id: 0,  node_id: 0,  bsf: 0000:3d:01.0,  #accel: 1 #engines: 1 state: up
            """;
    static final String KSTAT = """
            19 1 0x01 2 544 1645575508916183 3447141868397572
            name                            type data
            comp_requests                   4    218485057
            comp_total_in_bytes             4    214690002502144
            """;
    static final String ZFS_GET = "tank\tcompression\tgzip\tlocal\ntank\tchecksum\tsha256\tlocal\n"
            + "tank\tencryption\toff\tdefault\ntank\trecordsize\t131072\tdefault\n";
    static final String ZPOOL_GET = "tank\tsize\t1000\t-\ntank\tzia_available\tno\t-\n";
    static final String DMESG = """
            [    1.000000] Linux version 6.6.44-production+truenas
            [    5.100000] QAT: qat_dev0 started 5 acceleration engines
            [    5.200000] usb 1-1: new high-speed USB device
            [    6.000000] ZFS: Loaded module v2.2.6-1
            [    7.000000] icp: loaded
            """;
    static final String FW = "AE          Requests        Responses\n 0:         17949407         17949407\n";
    /** Our unit, keeping compression on after boot, and midclt's answer: no init script of ours. */
    static final String UNIT = ZfsQatUnit.text(EnumSet.of(ZfsParam.COMPRESS));
    static final String MIDCLT_ARGS = "call initshutdownscript.query " + InitScript.QUERY_FILTER;
    /** The query for the init script that keeps VF interrupt pins on TrueNAS. */
    static final String IRQ_MIDCLT_ARGS = "call initshutdownscript.query " + org.qatwb.model.irq.IrqPinInit.QUERY_FILTER;

    /** A C62x-like host: one PF, one VF, ZFS with QAT, two NUMA nodes. */
    static FakeNas c62x(Path dir) {
        FakeNas nas = new FakeNas(dir)
                .file("etc/c6xx_dev0.conf", PF_CONF)
                .file("etc/c6xxvf_dev0.conf", VF_CONF)
                .file("etc/my c6xx_dev9.conf", "[GENERAL]\n")            // a blank in the name: not a driver file
                .file("etc/c6xx_dev0.conf.bak", "old\n")
                .file("etc/default/qat", "SRIOV_ENABLE=1\nENABLE_KAPI=1\n")
                .file("etc/modprobe.d/blacklist-qat-vfs.conf", "blacklist qat_c62xvf\n")
                .file("etc/os-release", "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n")
                .file("etc/version", "25.04.0")
                .file("sys/module/zfs/parameters/zfs_qat_compress_disable", "0\n")
                .file("sys/module/zfs/parameters/zfs_qat_checksum_disable", "1\n")
                .file("sys/module/zfs/parameters/zfs_qat_encrypt_disable", "1\n")
                .file("sys/module/intel_qat/version", "4.24.0\n")
                .file("proc/spl/kstat/zfs/qat", KSTAT)
                .file("sys/devices/system/cpu/online", "0-7\n")
                .file("sys/devices/system/node/online", "0-1\n")
                .file("sys/devices/system/node/node0/cpulist", "0-3\n")
                .file("sys/devices/system/node/node1/cpulist", "4-7\n")
                .file("sys/kernel/debug/qat_c6xx_0000:3d:00.0/fw_counters", FW)
                // a device whose debugfs has a dev_cfg but no fw_counters (an old driver): dev_cfg only
                .file("sys/kernel/debug/qat_c6xx_0000:3f:00.0/dev_cfg", "[GENERAL]\nServicesEnabled = dc\n")
                .file("sys/module/qat_c62x/refcnt", "0\n")
                .file("sys/kernel/debug/dri/fw_counters", "not QAT\n")
                .toolPrinting("adf_ctl", "status", ADF_STATUS)
                .toolPrinting("zfs", ZFS_ARGS, ZFS_GET)
                .toolPrinting("zpool", ZPOOL_ARGS, ZPOOL_GET)
                .toolPrinting("dmesg", "", DMESG)
                // qat.service active; irqbalance, asked by the interrupts' items, not running
                .tool("systemctl", "case $* in 'is-active qat') echo active ;; 'is-active irqbalance') echo inactive; exit 3 ;;"
                        + " *) echo \"systemctl: unexpected arguments: $*\" >&2; exit 64 ;; esac")
                .file("etc/systemd/system/" + ZfsQatUnit.NAME, UNIT)
                .link("etc/systemd/system/multi-user.target.wants/" + ZfsQatUnit.NAME, ZfsQatUnit.PATH)
                // the last boot check, and a layout staged since (its manifest is root's: no files listed here)
                .file("var/lib/qatwb/boot/last", BOOT_LAST)
                .file("var/lib/qatwb/boot/pending", PENDING_TX + "\nnot-an-id\n")
                .file("var/lib/qatwb/tx/" + PENDING_TX + "/state", "staged\n")
                // midclt answers both of qatwb's queries: no init script of ours
                .tool("midclt", "case $* in " + ShellQuote.quote(MIDCLT_ARGS) + "|" + ShellQuote.quote(IRQ_MIDCLT_ARGS)
                        + ") echo '[]' ;; *) echo \"midclt: unexpected arguments: $*\" >&2; exit 64 ;; esac")
                // the doctor's evidence: qat.service's journal, modules and their holders, the VFs' drivers, options
                .toolPrinting("journalctl", JOURNALCTL_ARGS, JOURNAL)
                .link("sys/module/qat_api/holders/zfs", "../../zfs")
                .file("sys/module/qat_c62xvf/refcnt", "48\n")
                .file("sys/module/intel_qat/refcnt", "3\n")
                .file("proc/sys/kernel/osrelease", "6.6.44-production+truenas\n")
                .file("lib/modules/6.6.44-production+truenas/modules.dep", MODULES_DEP)
                .file("sys/bus/pci/devices/0000:3d:01.0/vendor", "0x8086\n")
                .file("sys/bus/pci/devices/0000:3d:01.0/device", "0x37c9\n")
                .link("sys/bus/pci/devices/0000:3d:01.0/physfn", "../0000:3d:00.0")
                .link("sys/bus/pci/drivers/c6xxvf/0000:3d:01.0", "../../../../devices/pci0000:3a/0000:3d:01.0")
                .file("sys/bus/pci/devices/0000:3d:01.1/vendor", "0x8086\n")
                .file("sys/bus/pci/devices/0000:3d:01.1/device", "0x37c9\n")
                .link("sys/bus/pci/devices/0000:3d:01.1/physfn", "../0000:3d:00.0")
                .file("sys/bus/pci/devices/0000:b1:00.1/vendor", "0x8086\n")    // a NIC's VF: not QAT's
                .file("sys/bus/pci/devices/0000:b1:00.1/device", "0x154c\n")
                .link("sys/bus/pci/devices/0000:b1:00.1/physfn", "../0000:b1:00.0")
                .file("proc/cmdline", CMDLINE)
                .file("etc/modprobe.d/zfs.conf", ZFS_OPTIONS)
                .file("usr/lib/modprobe.d/systemd.conf", "options bonding max_bonds=0\n")
                // Z.I.A.: dpusm loaded, settings kept, both re-apply hooks in place
                .file("sys/module/dpusm/refcnt", "1\n")
                .file(ZiaKept.PATH.substring(1), "tank zia_compress on\n")
                .file("etc/systemd/system/" + ZiaHooks.UNIT, "[Unit]\n")
                .link("etc/systemd/system/multi-user.target.wants/" + ZiaHooks.UNIT, "/etc/systemd/system/" + ZiaHooks.UNIT)
                .file(ZiaHooks.ZEDLET.substring(1), "#!/bin/sh\n")
                .file("proc/interrupts", AgentScriptInterruptsTest.INTERRUPTS)
                .file("proc/irq/140/smp_affinity_list", "1\n")
                .file("proc/irq/140/effective_affinity_list", "1\n")
                .file("etc/systemd/system/" + IrqPinUnit.NAME, AgentScriptInterruptsTest.PIN_UNIT)
                .link("etc/systemd/system/multi-user.target.wants/" + IrqPinUnit.NAME, IrqPinUnit.PATH);

        try {
            Files.setPosixFilePermissions(nas.path(ZiaHooks.ZEDLET.substring(1)),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return nas;
    }

    static final String JOURNALCTL_ARGS = "-u qat.service -b -o cat --no-pager";
    static final String JOURNAL = "Processing /etc/c6xx_dev0.conf\nQAT Error: Only version 2 config file supported\n";
    static final String MODULES_DEP = "kernel/fs/ext4/ext4.ko: kernel/fs/jbd2/jbd2.ko\n"
            + "updates/dkms/zfs.ko: updates/dkms/spl.ko updates/drivers/qat_api.ko\nupdates/dkms/spl.ko:\n";
    static final String CMDLINE = "BOOT_IMAGE=/vmlinuz root=ZFS=boot-pool/ROOT/25.04 zfs.zfs_qat_checksum_disable=1\n";
    static final String ZFS_OPTIONS = "options zfs zfs_qat_compress_disable=1\n";

    static Stream<Shell> shells() {
        return Shell.all();
    }

    static List<String> args(String command, String sudo, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of(command, AgentScriptTestSupport.BOUNDARY, sudo));
        a.addAll(List.of(more));
        return a;
    }

    private static AgentOutput snapshot(Shell shell, FakeNas nas, String sudo) throws ParseException {
        AgentRun run = AgentRun.run(shell, nas, args("snapshot", sudo));
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("", run.stderr());
        return run.parse(AgentScriptTestSupport.BOUNDARY);
    }

    private static String text(AgentOutput out, String name) {
        return out.frame(name).orElseThrow(() -> new AssertionError("no item " + name)).text();
    }

    private static ItemStatus status(AgentOutput out, String name) {
        return out.frame(name).orElseThrow(() -> new AssertionError("no item " + name)).status();
    }

    static final String PENDING_TX = "20261207T080000Z-0a1b2c3d";
    static final String BOOT_LAST = "outcome rolled-back\ntx 20261206T080000Z-00000001,20261206T090000Z-00000002\n"
            + "boot_id 0f6c4b9e-2d7a-4c55-9d0e-7a1c2b3d4e5f\nuptime 14\n"
            + "message the driver refused the staged layout: not up: 0000:3d:01.0; kernel: QAT: Failed to configure device\n";

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void everyItemHasItsStatusAndItsBytes(Shell shell, @TempDir Path dir) throws ParseException {
        AgentOutput out = snapshot(shell, c62x(dir), "0");

        assertEquals(List.of("id", "adf_status", "conf_sizes", "conf_files", "default_qat",
                        "blacklist", "param:zfs_qat_compress_disable", "param:zfs_qat_checksum_disable",
                        "param:zfs_qat_encrypt_disable", "zfs_qat_params", "zfs_module", "qat_version", "kstat_qat",
                        "cpu_online", "node_online",
                        "cpu_nodes", "zfs_get", "zpool_get", "kernel_log", "qat_journal", "qat_modules", "zfs_depends",
                        "pci_vfs", "cmdline", "modprobe:/etc/modprobe.d/zfs.conf", "qat_pci", "debugfs",
                        "fw_counters:qat_c6xx_0000:3d:00.0", "dev_cfg:0000:3f:00.0", "qat_refcnt", "qat_service",
                        "os_release", "truenas_version", "persist_unit", "persist_unit_state", "persist_init",
                        "dpusm_module", "zia_kept", "zia_unit", "zia_zedlet",
                        "interrupts", "irq_affinity", "irq_unit", "irq_unit_state", "irq_init", "irqbalance",
                        "boot_check", "tx_pending", "kernels"),
                out.frames().stream().map(AgentFrame::name).toList());
        assertTrue(out.frames().stream().allMatch(f -> f.status() == ItemStatus.OK && f.rc() == 0), out.frames().toString());

        assertEquals(AgentScriptTestSupport.idOfThisUser(), text(out, "id"), "the agent runs as the test's user");
        assertEquals(ADF_STATUS, text(out, "adf_status"));
        assertEquals(BOOT_LAST, text(out, "boot_check"));
        assertEquals(PENDING_TX + " staged", text(out, "tx_pending").strip(), "the ids checked, each with its state");
        NasSnapshot boot = NasSnapshotReader.read(out);
        assertEquals(org.qatwb.model.apply.BootCheck.Outcome.ROLLED_BACK, boot.lastBootCheck().orElseThrow().outcome());
        assertEquals(Optional.of("0f6c4b9e-2d7a-4c55-9d0e-7a1c2b3d4e5f"), boot.lastBootCheck().orElseThrow().bootId());
        assertEquals(List.of(PENDING_TX), boot.pendingLayout().orElseThrow().transactions());
        // the conf files come as one set, split by model along the sizes wc gave
        Map<String, ConfDocument> confs = NasSnapshotReader.read(out).confFiles();
        assertEquals(List.of("/etc/c6xx_dev0.conf", "/etc/c6xxvf_dev0.conf"), List.copyOf(confs.keySet()));
        assertArrayEquals(PF_CONF, confs.get("/etc/c6xx_dev0.conf").toBytes());
        assertEquals(VF_CONF, confs.get("/etc/c6xxvf_dev0.conf").text());
        assertEquals("SRIOV_ENABLE=1\nENABLE_KAPI=1\n", text(out, "default_qat"));
        assertEquals("blacklist qat_c62xvf\n", text(out, "blacklist"));
        assertEquals("0\n", text(out, "param:zfs_qat_compress_disable"));
        assertEquals("1\n", text(out, "param:zfs_qat_encrypt_disable"));
        assertEquals("loaded\n", text(out, "zfs_module"));
        assertEquals("4.24.0\n", text(out, "qat_version"));
        assertEquals(KSTAT, text(out, "kstat_qat"));
        assertEquals("0-7\n", text(out, "cpu_online"));
        assertEquals("0 0-3\n1 4-7\n", text(out, "cpu_nodes"));
        assertEquals(ZFS_GET, text(out, "zfs_get"));
        assertEquals(ZPOOL_GET, text(out, "zpool_get"));
        assertEquals("""
                [    5.100000] QAT: qat_dev0 started 5 acceleration engines
                [    6.000000] ZFS: Loaded module v2.2.6-1
                [    7.000000] icp: loaded
                """, text(out, "kernel_log"));
        assertEquals(JOURNAL, text(out, "qat_journal"));
        assertEquals("intel_qat\nqat_api zfs\nqat_c62xvf\n", text(out, "qat_modules"));
        assertEquals("updates/dkms/zfs.ko: updates/dkms/spl.ko updates/drivers/qat_api.ko\n", text(out, "zfs_depends"));
        assertEquals("0000:3d:01.0 0x37c9 c6xxvf\n0000:3d:01.1 0x37c9 -\n", text(out, "pci_vfs"));
        assertEquals(CMDLINE, text(out, "cmdline"));
        assertEquals(ZFS_OPTIONS, text(out, "modprobe:/etc/modprobe.d/zfs.conf"));
        assertEquals("qat_c6xx_0000:3d:00.0\n", text(out, "debugfs"));
        assertEquals(FW, text(out, "fw_counters:qat_c6xx_0000:3d:00.0"));
        assertEquals("active\n", text(out, "qat_service"));
        assertEquals("25.04.0", text(out, "truenas_version"));
        assertEquals(UNIT, text(out, "persist_unit"));
        assertEquals("enabled\n", text(out, "persist_unit_state"));
        assertEquals("[]\n", text(out, "persist_init"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void theOutputMakesASnapshotWithoutWarnings(Shell shell, @TempDir Path dir) throws ParseException {
        NasSnapshot s = NasSnapshotReader.read(snapshot(shell, c62x(dir), "0"));
        assertEquals(List.of(), s.warnings());
        assertEquals(2, s.devices().orElseThrow().devices().size());
        assertEquals(List.of("/etc/c6xx_dev0.conf", "/etc/c6xxvf_dev0.conf"), List.copyOf(s.confFiles().keySet()));
        assertArrayEquals(PF_CONF, s.confFiles().get("/etc/c6xx_dev0.conf").toBytes());
        assertEquals(OptionalInt.of(0), s.param(ZfsParam.COMPRESS));
        assertEquals(218485057L, s.kstat().orElseThrow().value(QatCounter.COMP_REQUESTS).getAsLong());
        assertEquals(OptionalInt.of(8), s.cpu().cores());
        assertEquals("gzip", s.datasets().get("tank").compression().orElseThrow());
        assertEquals(Map.of("zia_available", "no"), s.pools().get("tank").zia());
        assertEquals(3, s.kernelLog().size());
        assertEquals(FW, s.fwCounters().get("qat_c6xx_0000:3d:00.0"));
        assertEquals(java.util.Optional.of("dc"), s.devCfg().get("0000:3f:00.0").value("GENERAL", "ServicesEnabled"));
        assertEquals(java.util.Optional.of(true), s.qatHeldByZfs(), "qat_c62xvf 48: the VFs are in use");
        assertEquals("active", s.qatService().orElseThrow());
        assertEquals("12", s.osRelease().orElseThrow().versionId().orElseThrow());
        assertEquals(new DriverVersion("4.24.0", Optional.of(DriverRelease.R4_24)), s.driverVersion().orElseThrow());
        assertEquals(List.of("Processing /etc/c6xx_dev0.conf", "QAT Error: Only version 2 config file supported"),
                s.serviceJournal());
        assertTrue(s.modules().loaded().orElseThrow().holds("qat_api", "zfs"));
        assertEquals(List.of("spl", "qat_api"), s.modules().zfsDepends().orElseThrow());
        assertEquals(2, s.modules().vfs().orElseThrow().size());
        assertEquals(List.of(new ZfsParamSetting(ZfsParam.COMPRESS, "1", "/etc/modprobe.d/zfs.conf line 1"),
                new ZfsParamSetting(ZfsParam.CHECKSUM, "1", ZfsParamSetting.CMDLINE)), s.modules().zfsOptions());
        assertEquals(new PersistState.None(PersistTarget.TRUENAS_INIT_SCRIPT), s.persistence(),
                "/etc/version makes it TrueNAS: its init scripts count, and it has none of ours");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void theConfFilesAreReadAsTheNassDriverReleaseReadsThem(Shell shell, @TempDir Path dir) throws ParseException,
            IOException {
        // an indented [KERNEL_QAT]: a header for 4.24/4.28's adf_ctl (trim_left), a key line for 4.8's
        String indented = VF_CONF.replace("[KERNEL_QAT]", "  [KERNEL_QAT]");
        FakeNas nas = c62x(dir).file("etc/c6xxvf_dev0.conf", indented).file("sys/module/intel_qat/version", "4.8.0\n");
        NasSnapshot old = NasSnapshotReader.read(snapshot(shell, nas, "0"));
        assertEquals(DriverRelease.R4_8, old.driverRelease());
        assertEquals(DriverRelease.R4_8, old.confFiles().get("/etc/c6xxvf_dev0.conf").release());
        assertTrue(old.confFiles().get("/etc/c6xxvf_dev0.conf").section("KERNEL_QAT").isEmpty());
        assertEquals(Severity.ERROR, indentedFinding(old).severity());

        nas.file("sys/module/intel_qat/version", "4.28.0\n");
        NasSnapshot newer = NasSnapshotReader.read(snapshot(shell, nas, "0"));
        assertEquals(DriverRelease.R4_28, newer.driverRelease());
        assertTrue(newer.confFiles().get("/etc/c6xxvf_dev0.conf").section("KERNEL_QAT").isPresent());
        assertEquals(Severity.WARNING, indentedFinding(newer).severity());

        // hostile or unknown: one warning, and the newest release
        nas.file("sys/module/intel_qat/version", "4.24.0; reboot\n");
        NasSnapshot hostile = NasSnapshotReader.read(snapshot(shell, nas, "0"));
        assertEquals(Optional.empty(), hostile.driverVersion());
        assertEquals(DriverRelease.NEWEST, hostile.driverRelease());
        assertEquals(1, hostile.warnings().size(), hostile.warnings().toString());
        assertTrue(hostile.warnings().get(0).startsWith("qat_version: "), hostile.warnings().toString());
        Files.delete(nas.path("sys/module/intel_qat/version"));
        NasSnapshot none = NasSnapshotReader.read(snapshot(shell, nas, "0"));
        assertEquals(Optional.empty(), none.driverVersion());
        assertEquals(List.of(), none.warnings(), "no version file (in-kernel driver, older agent): no warning");
    }

    private static Finding indentedFinding(NasSnapshot s) {
        return s.lintReports().get("/etc/c6xxvf_dev0.conf").findings().stream()
                .filter(f -> f.rule().id().equals("syntax.indented-section")).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void offTrueNasTheUnitIsThePersistenceAndMidcltIsNotAsked(Shell shell, @TempDir Path dir) throws ParseException,
            IOException {
        FakeNas nas = c62x(dir).tool("midclt", "exit 99");
        Files.delete(nas.path("etc/version"));
        AgentOutput out = snapshot(shell, nas, "0");
        assertEquals(ItemStatus.ABSENT, status(out, "persist_init"));
        NasSnapshot s = NasSnapshotReader.read(out);
        assertEquals(new PersistState.Kept(PersistTarget.SYSTEMD_UNIT, EnumSet.of(ZfsParam.COMPRESS), true, UNIT,
                List.of()), s.persistence());
        Files.delete(nas.path("etc/systemd/system/multi-user.target.wants/" + ZfsQatUnit.NAME));
        assertEquals("disabled\n", text(snapshot(shell, nas, "0"), "persist_unit_state"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aNasWithoutQatToolsOrFilesGivesAbsentItems(Shell shell, @TempDir Path dir) throws ParseException {
        AgentOutput out = snapshot(shell, new FakeNas(dir), "0");
        List<String> notAbsent = out.frames().stream().filter(f -> f.status() != ItemStatus.ABSENT)
                .map(AgentFrame::name).toList();
        assertEquals(List.of("id"), notAbsent);
        assertTrue(out.frames().stream().filter(f -> f.status() == ItemStatus.ABSENT).allMatch(f -> f.size() == 0));
        assertEquals(List.of("id", "adf_status", "default_qat", "blacklist", "param:zfs_qat_compress_disable",
                "param:zfs_qat_checksum_disable", "param:zfs_qat_encrypt_disable", "zfs_qat_params", "zfs_module",
                "qat_version", "kstat_qat", "cpu_online",
                "node_online", "cpu_nodes", "zfs_get", "zpool_get", "kernel_log", "qat_journal", "qat_modules",
                "zfs_depends", "pci_vfs", "cmdline", "qat_pci", "debugfs", "qat_refcnt", "qat_service", "os_release",
                "truenas_version", "persist_unit", "persist_unit_state", "persist_init", "dpusm_module", "zia_kept", "zia_unit",
                "zia_zedlet", "interrupts", "irq_affinity",
                "irq_unit", "irq_unit_state", "irq_init", "irqbalance", "boot_check", "tx_pending", "kernels"),
                out.frames().stream().map(AgentFrame::name).toList());

        NasSnapshot s = NasSnapshotReader.read(out);
        assertEquals(List.of(), s.warnings());
        assertTrue(s.params().isEmpty(), "absent parameters are not zeros");
        assertTrue(s.kstat().isEmpty());
        assertTrue(s.devices().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void itemsAreCutAtTheCapExactly(Shell shell, @TempDir Path dir) throws ParseException {
        int cap = AgentProtocol.ITEM_CAP;
        byte[] fiveMiB = AgentScriptTestSupport.pattern(5 * 1024 * 1024);
        FakeNas nas = new FakeNas(dir)
                .file("etc/c6xx_dev0.conf", fiveMiB)
                .file("etc/c6xx_dev1.conf", Arrays.copyOf(fiveMiB, cap))
                .file("etc/c6xx_dev2.conf", Arrays.copyOf(fiveMiB, cap + 1))
                .tool("zfs", "exec head -c 5242880 " + ShellQuote.quote(nas0(dir)))
                .tool("zpool", "exec head -c " + cap + " " + ShellQuote.quote(nas0(dir)));
        AgentOutput out = snapshot(shell, nas, "0");

        AgentFrame big = out.frame("conf:/etc/c6xx_dev0.conf").orElseThrow();
        assertEquals(ItemStatus.TRUNCATED, big.status());
        assertArrayEquals(Arrays.copyOf(fiveMiB, cap), big.content());
        assertEquals(ItemStatus.OK, status(out, "conf:/etc/c6xx_dev1.conf"), "exactly the cap is whole");
        assertEquals(cap, out.frame("conf:/etc/c6xx_dev1.conf").orElseThrow().size());
        assertEquals(ItemStatus.TRUNCATED, status(out, "conf:/etc/c6xx_dev2.conf"), "one byte more is cut");

        AgentFrame zfs = out.frame("zfs_get").orElseThrow();
        assertEquals(ItemStatus.TRUNCATED, zfs.status());
        assertArrayEquals(Arrays.copyOf(fiveMiB, cap), zfs.content());
        AgentFrame zpool = out.frame("zpool_get").orElseThrow();
        assertEquals(ItemStatus.OK, zpool.status(), "a tool printing exactly the cap is whole");
        assertEquals(cap, zpool.size());

        assertTrue(NasSnapshotReader.read(out).warnings().stream().anyMatch(w -> w.startsWith("zfs_get: cut at 4194304 bytes")));
    }

    /** The 5 MiB pattern file the tool stand-ins of the cap test print from. */
    private static String nas0(Path dir) {
        Path p = dir.resolve("pattern.bin");
        try {
            if (!Files.exists(p)) {
                Files.write(p, AgentScriptTestSupport.pattern(5 * 1024 * 1024));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aSudoThatWantsAPasswordGivesDeniedPrivilegedItemsWithItsWords(Shell shell, @TempDir Path dir) throws ParseException {
        FakeNas nas = c62x(dir).tool("sudo", "echo 'sudo: a password is required' >&2\nexit 1");
        AgentOutput out = snapshot(shell, nas, "1");
        for (String privileged : List.of("adf_status", "kernel_log", "qat_journal", "debugfs", "persist_init")) {
            AgentFrame f = out.frame(privileged).orElseThrow();
            assertEquals(ItemStatus.DENIED, f.status(), privileged);
            assertEquals("sudo: a password is required\n", f.text(), privileged);
        }
        assertTrue(out.framesStartingWith("fw_counters:").isEmpty());
        assertEquals(ItemStatus.OK, status(out, "conf_files"), "plain reads need no sudo");
        assertEquals(ItemStatus.OK, status(out, "zfs_get"));

        List<String> warnings = NasSnapshotReader.read(out).warnings();
        assertTrue(warnings.contains("adf_status: denied: sudo: a password is required"), warnings.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withSudoThePrivilegedReadsGoThroughSudoDashN(Shell shell, @TempDir Path dir) throws ParseException, IOException {
        Path log = dir.resolve("sudo.log");
        FakeNas nas = c62x(dir).tool("sudo", "[ \"$1\" = -n ] || exit 9\nshift\necho \"$*\" >> "
                + ShellQuote.quote(log.toString()) + "\nexec \"$@\"");
        AgentOutput out = snapshot(shell, nas, "1");
        assertEquals(ADF_STATUS, text(out, "adf_status"));
        assertEquals(FW, text(out, "fw_counters:qat_c6xx_0000:3d:00.0"));
        assertEquals(3, text(out, "kernel_log").lines().count());
        String calls = Files.readString(log).replace(nas.tools + "/", "TOOLS/").replace(nas.basics + "/", "BASICS/")
                .replace(nas.root.toString(), "ROOT");
        assertEquals("""
                true
                TOOLS/adf_ctl status
                TOOLS/dmesg
                TOOLS/journalctl -u qat.service -b -o cat --no-pager
                BASICS/find ROOT/sys/kernel/debug -maxdepth 2 -name fw_counters
                BASICS/cat ROOT/sys/kernel/debug/qat_c6xx_0000:3d:00.0/fw_counters
                BASICS/find ROOT/sys/kernel/debug -maxdepth 2 -name dev_cfg
                BASICS/cat ROOT/sys/kernel/debug/qat_c6xx_0000:3f:00.0/dev_cfg
                TOOLS/midclt call initshutdownscript.query [["comment", "=", "qatwb: ZFS QAT offload parameters"]]
                TOOLS/midclt call initshutdownscript.query [["comment", "=", "qatwb: QAT VF interrupt pins"]]
                """, calls);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aRestrictedKernelLogIsDeniedToAUserWithoutSudo(Shell shell, @TempDir Path dir) throws ParseException {
        FakeNas nas = c62x(dir).file("proc/sys/kernel/dmesg_restrict", "1\n")
                .tool("id", "case $1 in -u) echo 1000 ;; -un) echo admin ;; *) exit 1 ;; esac");
        AgentFrame f = snapshot(shell, nas, "0").frame("kernel_log").orElseThrow();
        assertEquals(ItemStatus.DENIED, f.status());
        assertTrue(f.text().startsWith("kernel.dmesg_restrict is 1"), f.text());

        FakeNas open = c62x(dir.resolve("open")).file("proc/sys/kernel/dmesg_restrict", "0\n")
                .tool("id", "case $1 in -u) echo 1000 ;; -un) echo admin ;; *) exit 1 ;; esac");
        assertEquals(ItemStatus.OK, snapshot(shell, open, "0").frame("kernel_log").orElseThrow().status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void toolsThatReadStdinGetNothingAndTheAgentEndsWhileTheClientKeepsStdinOpen(Shell shell, @TempDir Path dir)
            throws ParseException {
        FakeNas nas = c62x(dir).tool("zfs", "cat; echo read-to-the-end");
        AgentRun run = AgentRun.run(shell, nas, args("snapshot", "0"), false);
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("read-to-the-end\n", run.parse(AgentScriptTestSupport.BOUNDARY).frame("zfs_get").orElseThrow().text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void readingLeavesNothingOnTheNas(Shell shell, @TempDir Path dir) throws ParseException, IOException {
        FakeNas nas = c62x(dir);
        Map<String, String> before = listing(dir);
        snapshot(shell, nas, "0");
        assertEquals(before, listing(dir));
        try (Stream<Path> tmp = Files.list(nas.tmp)) {
            assertEquals(0, tmp.count(), "no temporary files");
        }
    }

    private static Map<String, String> listing(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.collect(Collectors.toMap(p -> dir.relativize(p).toString(), p -> {
                try {
                    return Files.isRegularFile(p) ? Files.size(p) + "@" + Files.getLastModifiedTime(p) : "dir";
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, (a, b) -> a, TreeMap::new));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void probeSaysOnlyWhoItIs(Shell shell, @TempDir Path dir) throws ParseException {
        AgentRun run = AgentRun.run(shell, c62x(dir), args("probe", "0"));
        assertEquals(0, run.exit());
        AgentOutput out = run.parse(AgentScriptTestSupport.BOUNDARY);
        assertEquals(List.of("id"), out.frames().stream().map(AgentFrame::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void systemctlWithoutSystemdIsAnErrorNotAState(Shell shell, @TempDir Path dir) throws ParseException {
        FakeNas nas = c62x(dir).tool("systemctl",
                "echo 'System has not been booted with systemd as init system (PID 1). Can'\\''t operate.' >&2\nexit 1");
        AgentFrame f = snapshot(shell, nas, "0").frame("qat_service").orElseThrow();
        assertEquals(ItemStatus.ERROR, f.status());
        assertEquals(1, f.rc());
        assertTrue(f.text().startsWith("System has not been booted with systemd"));
    }
}
