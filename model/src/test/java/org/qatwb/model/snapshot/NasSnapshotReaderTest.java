package org.qatwb.model.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.testutil.AgentOutputWriter.BOUNDARY;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.Rule;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.persist.PersistTarget;
import org.qatwb.model.testutil.AgentOutputWriter;
import org.qatwb.model.testutil.NasOutputs;
import org.qatwb.model.zfs.ZfsDataset;
import org.qatwb.model.zfs.ZfsParam;

class NasSnapshotReaderTest {

    private static NasSnapshot read(AgentOutputWriter w) throws ParseException {
        return NasSnapshotReader.read(AgentOutput.parse(w.bytes(), BOUNDARY));
    }

    @Test
    void aC62xHostIsReadWhole() throws ParseException {
        NasSnapshot s = read(NasOutputs.c62xHost());

        assertEquals(new UserId(0, "root"), s.user().orElseThrow());
        assertEquals(51, s.devices().orElseThrow().devices().size());
        assertEquals(51, s.confFiles().size());
        List<String> paths = new ArrayList<>(s.confFiles().keySet());
        assertEquals(List.of("/etc/c6xx_dev0.conf", "/etc/c6xx_dev1.conf", "/etc/c6xx_dev2.conf", "/etc/c6xxvf_dev0.conf",
                "/etc/c6xxvf_dev1.conf", "/etc/c6xxvf_dev2.conf"), paths.subList(0, 6), "PFs first, then VFs by inst_id");
        assertEquals("/etc/c6xxvf_dev47.conf", paths.get(50));
        assertTrue(s.qatDefaults().orElseThrow().kapiEnabled());
        assertTrue(s.blacklist().isEmpty());
        assertEquals(OptionalInt.of(0), s.param(ZfsParam.COMPRESS));
        assertEquals(OptionalInt.of(1), s.param(ZfsParam.CHECKSUM));
        assertEquals(OptionalInt.of(1), s.param(ZfsParam.ENCRYPT));
        assertEquals(218485057L, s.kstat().orElseThrow().value(QatCounter.COMP_REQUESTS).getAsLong());
        assertEquals(OptionalInt.of(56), s.cpu().cores());
        assertEquals(OptionalInt.of(2), s.cpu().nodeCount());
        assertEquals("14-27,42-55", s.cpu().nodes().get(1).toString());
        assertEquals(List.of("tank", "tank/backup", "tank/my vol"), List.copyOf(s.datasets().keySet()));
        ZfsDataset backup = s.datasets().get("tank/backup");
        assertEquals("gzip-6", backup.compression().orElseThrow());
        assertEquals("sha256", backup.checksum().orElseThrow());
        assertEquals("aes-256-gcm", backup.encryption().orElseThrow());
        assertEquals(OptionalLong.of(1048576), backup.recordsize());
        assertEquals(OptionalLong.empty(), s.datasets().get("tank/my vol").recordsize());
        assertEquals(Map.of("zia_available", "yes", "zia_provider", "qat", "zia_compress", "on"), s.pools().get("tank").zia());
        assertEquals(Map.of(), s.pools().get("boot-pool").zia());
        assertEquals(2, s.kernelLog().size());
        assertTrue(s.kernelLog().get(1).contains("requests pending"));
        assertEquals(List.of("qat_c6xx_0000:3d:00.0", "qat_c6xx_0000:3f:00.0"), List.copyOf(s.fwCounters().keySet()));
        assertTrue(s.fwCounters().get("qat_c6xx_0000:3f:00.0").contains(" 0:  18  18"));
        assertEquals("active", s.qatService().orElseThrow());
        assertEquals("Debian GNU/Linux 12 (bookworm)", s.osRelease().orElseThrow().prettyName().orElseThrow());
        assertEquals("12", s.osRelease().orElseThrow().versionId().orElseThrow());
        assertEquals("25.04.0", s.truenasVersion().orElseThrow());
        assertEquals(new PersistState.None(PersistTarget.TRUENAS_INIT_SCRIPT), s.persistence(),
                "TrueNAS (it has /etc/version), and midclt knows no init script of ours");
        assertEquals(ItemStatus.ABSENT, s.itemStatus().get("blacklist"));
        assertEquals(List.of("fw_counters:qat_c6xx_0000:41:00.0: error (exit status 1): cat: fw_counters: Input/output error"),
                s.warnings());
    }

    @Test
    void confFilesStayByteExactAndAreLintedAsOneSetWithTheNasCoreCount() throws ParseException {
        NasSnapshot s = read(NasOutputs.c62xHost());
        assertArrayEquals(NasOutputs.VF7_CRLF.getBytes(StandardCharsets.ISO_8859_1),
                s.confFiles().get("/etc/c6xxvf_dev7.conf").toBytes());
        assertFalse(NasOutputs.VF7_CRLF.endsWith("\n"));

        FileReport vf7 = s.lintReports().get("/etc/c6xxvf_dev7.conf");
        assertEquals("c6xxvf", vf7.device().orElseThrow().type());
        // polled Cy beside an interrupt-mode Dc: ZFS would block, and the driver refuses the VF's one bank to the Dc
        assertEquals(List.of(Rule.ZFS_POLLED, Rule.CAPACITY_EXCEEDED), vf7.findings().stream().map(Finding::rule).toList());
        assertEquals(s.confFiles().keySet(), s.lintReports().keySet());
        long others = s.lintReports().values().stream().filter(r -> r != vf7).mapToLong(r -> r.findings().size()).sum();
        assertEquals(0, others, "the fixture is clean apart from VF 7");
    }

    @Test
    void theCoreCountReachesTheAffinityRule() throws ParseException {
        AgentOutputWriter w = AgentOutputWriter.snapshot().ok("cpu_online", "0-7\n")
                .ok("conf:/etc/c6xxvf_dev0.conf", org.qatwb.model.testutil.C62xFixture.vf(9)).done();
        NasSnapshot s = read(w);
        assertEquals(List.of(Rule.AFFINITY_RANGE, Rule.AFFINITY_RANGE),
                s.lintReports().get("/etc/c6xxvf_dev0.conf").findings().stream().map(Finding::rule).toList());
    }

    @Test
    void aHostWithoutQatHasAbsentPartsNotZeros() throws ParseException {
        NasSnapshot s = read(NasOutputs.noQatHost());
        assertEquals(new UserId(1000, "admin"), s.user().orElseThrow());
        assertFalse(s.user().orElseThrow().root());
        assertTrue(s.devices().isEmpty());
        assertTrue(s.confFiles().isEmpty());
        assertTrue(s.lintReports().isEmpty());
        assertTrue(s.params().isEmpty());
        for (ZfsParam p : ZfsParam.values()) {
            assertEquals(OptionalInt.empty(), s.param(p), "absent is not 0: " + p);
        }
        assertTrue(s.kstat().isEmpty());
        assertEquals(OptionalInt.of(8), s.cpu().cores());
        assertEquals(1, s.datasets().size());
        assertEquals(List.of(), s.kernelLog());
        assertEquals(Map.of(), s.fwCounters());
        assertEquals("inactive", s.qatService().orElseThrow());
        assertTrue(s.truenasVersion().isEmpty());
        assertEquals(new PersistState.None(PersistTarget.SYSTEMD_UNIT), s.persistence());
        assertEquals(List.of("debugfs: denied: permission denied: /sys/kernel/debug"), s.warnings());
    }

    @Test
    void confFilesReadAsOneSetAreSplitByTheSizesWcGave() throws ParseException {
        String pf = "[GENERAL]\r\nServicesEnabled = cy;dc\r\n";
        String vf = "[GENERAL]\nServicesEnabled = dc";
        String sizes = "  " + pf.length() + " /tmp/nas root/etc/c6xx_dev0.conf\n  " + vf.length()
                + " /tmp/nas root/etc/c6xxvf_dev0.conf\n  " + (pf.length() + vf.length()) + " total\n";
        NasSnapshot s = NasSnapshotReader.read(AgentOutput.parse(AgentOutputWriter.snapshot()
                .ok("conf_sizes", sizes).ok("conf_files", pf + vf).done().bytes(), AgentOutputWriter.BOUNDARY));
        assertEquals(List.of("/etc/c6xx_dev0.conf", "/etc/c6xxvf_dev0.conf"), List.copyOf(s.confFiles().keySet()));
        assertEquals(pf, s.confFiles().get("/etc/c6xx_dev0.conf").text());
        assertEquals(vf, s.confFiles().get("/etc/c6xxvf_dev0.conf").text(), "no final newline kept");
        assertTrue(s.warnings().stream().noneMatch(w -> w.startsWith("conf")), s.warnings().toString());
    }

    @Test
    void aConfFileThatChangedBetweenTheTwoReadsRefusesTheSet() throws ParseException {
        NasSnapshot s = NasSnapshotReader.read(AgentOutput.parse(AgentOutputWriter.snapshot()
                .ok("conf_sizes", "10 /etc/c6xx_dev0.conf\n").ok("conf_files", "[GENERAL]\nConfigVersion = 2\n")
                .done().bytes(), AgentOutputWriter.BOUNDARY));
        assertTrue(s.confFiles().isEmpty(), "never a conf document cut at the wrong byte");
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("conf_files: the conf files changed")), s.warnings().toString());
    }

    @Test
    void sizesThatAddUpOnlyThroughANegativeOneAreAWarningAndTheRestStands() throws ParseException {
        String files = "[GENERAL]\nConfigVersion = 2\n"; // 32 bytes
        NasSnapshot s = NasSnapshotReader.read(AgentOutput.parse(AgentOutputWriter.snapshot()
                .ok("qat_service", "active\n")
                .ok("conf_sizes", "2147483647 /etc/c6xx_dev0.conf\n-2147483615 /etc/c6xx_dev1.conf\n32 total\n")
                .ok("conf_files", files).done().bytes(), AgentOutputWriter.BOUNDARY));
        assertTrue(s.confFiles().isEmpty());
        assertEquals("active", s.qatService().orElseThrow());
        assertTrue(s.warnings().contains("conf_sizes: line 2: not wc's 'SIZE PATH': \"-2147483615 /etc/c6xx_dev1.conf\";"
                + " conf files not used"), s.warnings().toString());
    }

    @Test
    void brokenItemsBecomeWarningsAndTheRestStands() throws ParseException {
        byte[] huge = new byte[16];
        AgentOutputWriter w = AgentOutputWriter.snapshot()
                .ok("id", "uid=0(root)\n")
                .item("adf_status", "error", 1, "Failed to open /dev/qat_adf_ctl\n")
                .item("conf:/etc/c6xx_dev0.conf", "truncated", 0, huge)
                .ok("conf:/etc/c6xx_dev1.conf", "[GENERAL]\nServicesEnabled = dc\n")
                .ok("default_qat", "ENABLE_KAPI=$(reboot)\n")
                .ok("param:zfs_qat_compress_disable", "zero\n")
                .item("param:zfs_qat_checksum_disable", "denied", 0, "sudo: a password is required\n")
                .ok("param:zfs_qat_encrypt_disable", "1")
                .ok("kstat_qat", "19 1 0x01 17 4624 1 2\nname type data\ncomp_requests 4 12x\n")
                .ok("cpu_online", "0-")
                .ok("node_online", "0\n")
                .ok("cpu_nodes", "0 0-3\nnode1 4-7\n2 9-8\n")
                .ok("zfs_get", "The ZFS modules are not loaded.\n")
                .ok("zpool_get", "tank\tsize\t10\t-\nnoise\n")
                .item("kernel_log", "denied", 0, "sudo: a password is required\n")
                .ok("qat_service", "")
                .done();
        NasSnapshot s = read(w);
        assertEquals(List.of("/etc/c6xx_dev1.conf"), List.copyOf(s.confFiles().keySet()));
        assertEquals(OptionalInt.of(1), s.param(ZfsParam.ENCRYPT));
        assertEquals(OptionalInt.empty(), s.param(ZfsParam.COMPRESS));
        assertEquals(List.of(0), List.copyOf(s.cpu().nodes().keySet()));
        assertTrue(s.cpu().online().isEmpty());
        assertEquals(1, s.pools().size());
        List<String> warnings = s.warnings();
        for (String expected : List.of(
                "id: expected 'id -u' and 'id -un', one per line",
                "adf_status: error (exit status 1): Failed to open /dev/qat_adf_ctl",
                "conf:/etc/c6xx_dev0.conf: larger than 4194304 bytes, not read",
                "param:zfs_qat_compress_disable: not an integer: \"zero\"",
                "param:zfs_qat_checksum_disable: denied: sudo: a password is required",
                "kstat_qat: line 3",
                "cpu_online: not a CPU list",
                "cpu_nodes: line 2: expected 'NODE CPULIST'",
                "zfs_get: line 1: not 'zfs get -H' or 'zpool get -H' output",
                "zpool_get: line 2: not a 'name<TAB>property<TAB>value' line",
                "kernel_log: denied: sudo: a password is required",
                "qat_service: empty",
                "cpu_nodes: line 3: CPU range runs backwards",
                "debugfs: missing from the agent's output")) {
            assertTrue(warnings.stream().anyMatch(x -> x.startsWith(expected) || x.contains(expected)),
                    "no warning like '" + expected + "' in " + warnings);
        }
        assertTrue(warnings.stream().noneMatch(x -> x.contains("internal error")), warnings.toString());
        assertTrue(warnings.stream().noneMatch(x -> x.contains("\n")));
    }

    @Test
    void theOutputOfProbeGivesTheUserAndNoComplaints() throws ParseException {
        NasSnapshot s = read(new AgentOutputWriter(BOUNDARY).header("probe").ok("id", "0\nroot\n").done());
        assertEquals("root", s.user().orElseThrow().name());
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void anItemOfMoreLinesThanAToolPrintsIsAWarningNotKept() throws ParseException {
        // two million one-byte lines of kernel log cost 100 MB as strings
        NasSnapshot s = read(AgentOutputWriter.snapshot().ok("qat_service", "active\n")
                .ok("kernel_log", "x\n".repeat(org.qatwb.model.agent.AgentProtocol.MAX_ITEM_LINES + 1)).done());
        assertEquals(List.of(), s.kernelLog());
        assertEquals("active", s.qatService().orElseThrow());
        assertTrue(s.warnings().contains("kernel_log: more than 131072 lines, more than the NAS's tools print there;"
                + " not read"), s.warnings().toString());
    }

    @Test
    void aNodeAboveLinuxsLastIsRefusedAndBadLinesAreCountedAfterEight() throws ParseException {
        StringBuilder nodes = new StringBuilder("0 0-3\n1024 0-65535\n");
        for (int i = 0; i < 20; i++) {
            nodes.append("junk\n");
        }
        NasSnapshot s = read(AgentOutputWriter.snapshot().ok("cpu_nodes", nodes.toString()).done());
        assertEquals(List.of(0), List.copyOf(s.cpu().nodes().keySet()));
        List<String> w = s.warnings().stream().filter(x -> x.startsWith("cpu_nodes:")).toList();
        assertEquals(9, w.size(), w.toString());
        assertEquals("cpu_nodes: line 2: expected 'NODE CPULIST' with a node below 1024: \"1024 0-65535\"", w.get(0));
        assertEquals("cpu_nodes: 13 more bad lines", w.get(8));
    }

    @Test
    void aTableOfManyBadLinesWarnsEightTimesAndCountsTheRest() throws ParseException {
        NasSnapshot s = read(AgentOutputWriter.snapshot()
                .ok("zfs_get", "tank\tcompression\tgzip\tlocal\n" + "junk\n".repeat(100)).done());
        assertEquals(1, s.datasets().size());
        List<String> w = s.warnings().stream().filter(x -> x.startsWith("zfs_get:")).toList();
        assertEquals(9, w.size(), w.toString());
        assertEquals("zfs_get: 92 more warnings", w.get(8));
    }

    @Test
    void confFilesAreReadUpToTheirLineBudgetInAll() throws ParseException {
        // 50,000 lines of garbage cost a document line and a lint finding each, about 500 bytes
        String garbage = "x\n".repeat(50_000);
        NasSnapshot s = read(AgentOutputWriter.snapshot()
                .ok("conf:/etc/c6xxvf_dev0.conf", "[GENERAL]\nServicesEnabled = dc\n")
                .ok("conf:/etc/c6xxvf_dev1.conf", garbage)
                .ok("conf:/etc/c6xxvf_dev2.conf", garbage)
                .ok("conf:/etc/c6xxvf_dev3.conf", "[GENERAL]\nServicesEnabled = dc\n").done());
        assertEquals(List.of("/etc/c6xxvf_dev0.conf", "/etc/c6xxvf_dev1.conf", "/etc/c6xxvf_dev3.conf"),
                List.copyOf(s.confFiles().keySet()));
        assertTrue(s.warnings().contains("conf:/etc/c6xxvf_dev2.conf: not read: the conf files hold more than 65536 lines"
                + " in all, more than any QAT host's"), s.warnings().toString());
    }

    @Test
    void aConfSetOfMoreLinesThanTheBudgetIsNotRead() throws ParseException {
        String garbage = "x\n".repeat(NasSnapshotReader.MAX_CONF_LINES + 1);
        NasSnapshot s = read(AgentOutputWriter.snapshot()
                .ok("conf_sizes", garbage.length() + " /etc/c6xx_dev0.conf\n").ok("conf_files", garbage).done());
        assertTrue(s.confFiles().isEmpty());
        assertTrue(s.warnings().contains("conf_files: not read: the conf files hold more than 65536 lines in all, more"
                + " than any QAT host's"), s.warnings().toString());
    }
}
