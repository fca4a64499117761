package org.qatwb.model.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.StreamFrameReader;
import org.qatwb.model.agent.StreamTick;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.SnapshotIssue.Kind;
import org.qatwb.model.testutil.AgentOutputWriter;
import org.qatwb.model.zia.ZiaHost;

/** The snapshot's issues are typed: consumers ask for the item and the kind, never a prefix of the text. */
class SnapshotIssueTest {

    private static NasSnapshot read(AgentOutputWriter w) throws ParseException {
        return NasSnapshotReader.read(AgentOutput.parse(w.bytes(), AgentOutputWriter.BOUNDARY));
    }

    private static List<StreamTick> ticks(AgentOutputWriter w) throws ParseException {
        return new StreamFrameReader(AgentOutputWriter.BOUNDARY).feed(w.bytes());
    }

    private static Map<String, Kind> kinds(List<SnapshotIssue> issues) {
        java.util.LinkedHashMap<String, Kind> m = new java.util.LinkedHashMap<>();
        issues.forEach(i -> m.putIfAbsent(i.item(), i.kind()));
        return m;
    }

    @Test
    void eachWayAnItemFailsHasItsKindAndTheLineStaysTheOneUsersRead() throws ParseException {
        NasSnapshot s = read(AgentOutputWriter.snapshot()
                .item("adf_status", "error", 1, "Failed to open /dev/qat_adf_ctl\n")
                .item("kernel_log", "denied", 0, "sudo: a password is required\n")
                .item("zfs_get", "truncated", 0, "tank\tcompression\tlz4\t-\n")
                .ok("param:zfs_qat_compress_disable", "zero\n")
                .ok("cpu_nodes", "0 0-3\nnode1 4-7\n")
                .item("conf:/etc/c6xx_dev0.conf", "truncated", 0, new byte[16])
                .done());
        Map<String, Kind> k = kinds(s.issues());
        assertEquals(Kind.NOT_READ, k.get("adf_status"));
        assertEquals(Kind.NOT_READ, k.get("kernel_log"));
        assertEquals(Kind.CUT, k.get("zfs_get"));
        assertEquals(Kind.UNPARSEABLE, k.get("param:zfs_qat_compress_disable"));
        assertEquals(Kind.BAD_LINES, k.get("cpu_nodes"));
        assertEquals(Kind.TOO_LARGE, k.get("conf:/etc/c6xx_dev0.conf"));
        assertEquals(Kind.MISSING, k.get("debugfs"));
        assertTrue(s.warnings().contains("adf_status: error (exit status 1): Failed to open /dev/qat_adf_ctl"),
                s.warnings().toString());
        assertEquals(s.issues().size(), s.warnings().size());
        for (SnapshotIssue i : s.issues()) {
            assertEquals(i.item() + ": " + i.message(), i.line());
            assertFalse(i.message().startsWith(i.item() + ":"), "the item is not said twice: " + i.line());
        }
        assertTrue(Kind.CUT.partial() && Kind.BAD_LINES.partial() && !Kind.NOT_READ.partial());
    }

    @Test
    void theIssueOfAnItemIsFoundByItsNameNotByAPrefixOfAnother() throws ParseException {
        // "fw_counters: ..." was what a prefix test looked for; the item is fw_counters:<dir>
        NasSnapshot s = read(AgentOutputWriter.snapshot()
                .item("fw_counters:qat_c6xx_0000:3d:00.0", "denied", 0, "no\n")
                .done());
        assertEquals(Optional.empty(), s.issue("fw_counters"));
        assertEquals(Kind.NOT_READ, s.issue("fw_counters:qat_c6xx_0000:3d:00.0").orElseThrow().kind());
    }

    @Test
    void theConfFilesIssuesAreThoseOfTheItemsTheyAreReadFrom() throws ParseException {
        NasSnapshot s = read(AgentOutputWriter.snapshot()
                .ok("conf_sizes", "10 /etc/c6xx_dev0.conf\n").ok("conf_files", "[GENERAL]\nConfigVersion = 2\n")
                .item("kernel_log", "denied", 0, "sudo: a password is required\n")
                .done());
        List<SnapshotIssue> conf = s.confIssues();
        assertEquals(1, conf.size(), conf.toString());
        assertEquals(NasSnapshotReader.CONF_FILES_ITEM, conf.get(0).item());
        assertEquals(Kind.CHANGED_WHILE_READ, conf.get(0).kind());
        assertTrue(NasSnapshotReader.isConfItem("conf:/etc/c6xx_dev0.conf"));
        assertTrue(NasSnapshotReader.isConfItem("conf_sizes"));
        assertFalse(NasSnapshotReader.isConfItem("config"));
    }

    @Test
    void aKeptZiaFileTheAgentCouldNotReadIsAnIssueOfItsItem() throws ParseException {
        NasSnapshot denied = read(AgentOutputWriter.snapshot()
                .item(ZiaHost.KEPT_ITEM, "denied", 0, "Permission denied\n").done());
        SnapshotIssue i = denied.issue(ZiaHost.KEPT_ITEM).orElseThrow();
        assertEquals(Kind.NOT_READ, i.kind());
        assertEquals("zia_kept: denied: Permission denied", i.line());

        NasSnapshot odd = read(AgentOutputWriter.snapshot()
                .ok(ZiaHost.KEPT_ITEM, "tank zia_compress on\nnonsense\n").done());
        assertEquals(Kind.BAD_LINES, odd.issue(ZiaHost.KEPT_ITEM).orElseThrow().kind(), odd.warnings().toString());
    }

    @Test
    void aMessageFromTheNasStaysOneLine() {
        SnapshotIssue i = new SnapshotIssue("adf_status", Kind.NOT_READ, "denied\nQAT: spoofed second line\r");
        assertFalse(i.line().contains("\n") || i.line().contains("\r"), i.line());
        assertEquals("not-read", Kind.NOT_READ.id());
        assertEquals("changed-while-read", Kind.CHANGED_WHILE_READ.id());
    }

    @Test
    void aTickWithoutUptimeSaysSoOnceTyped() throws ParseException {
        StreamSample s = StreamSample.read(ticks(AgentOutputWriter.stream().item("uptime", "error", 1, "no\n").tick(1)).get(0));
        assertEquals(List.of(new SnapshotIssue("uptime", Kind.NOT_READ, "error: no")), s.issues());
        StreamSample none = StreamSample.read(ticks(AgentOutputWriter.stream().tick(1)).get(0));
        assertEquals(List.of(new SnapshotIssue("uptime", Kind.MISSING, "missing from the tick")), none.issues());
    }
}
