package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.ssh.agent.AgentScriptSnapshotTest.args;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.snapshot.NasSnapshotReader;
import org.qatwb.model.agent.AgentProtocol;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.agent.StreamFrameReader;
import org.qatwb.model.agent.StreamTick;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.FileChange;
import org.qatwb.model.apply.TxId;
import org.qatwb.model.apply.TxState;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.persist.PersistOutcome;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.zfs.ZfsParam;

/** The agent on a NAS whose utilities are busybox's applets, under busybox's own shell. */
class AgentScriptBusyboxUserlandTest {

    private static final Shell BUSYBOX = Shell.all().filter(s -> s.program().equals("busybox")).findFirst().orElseThrow();

    private static FakeNas busyboxNas(Path dir) {
        return AgentScriptSnapshotTest.c62x(dir).withBusyboxUtilities(BUSYBOX.assumeInstalled());
    }

    @Test
    void aSnapshotReadsTheSameWithBusyboxUtilities(@TempDir Path dir) throws ParseException {
        AgentRun run = AgentRun.run(BUSYBOX, busyboxNas(dir), args("snapshot", "0"));
        assertEquals(0, run.exit(), run.stderr());
        AgentOutput out = run.parse(AgentScriptTestSupport.BOUNDARY);
        assertTrue(out.frames().stream().allMatch(f -> f.status() == ItemStatus.OK), out.frames().toString());
        assertArrayEquals(AgentScriptSnapshotTest.PF_CONF,
                NasSnapshotReader.read(out).confFiles().get("/etc/c6xx_dev0.conf").toBytes());
        assertEquals(AgentScriptSnapshotTest.FW, out.frame("fw_counters:qat_c6xx_0000:3d:00.0").orElseThrow().text());
        assertEquals(3, out.frame("kernel_log").orElseThrow().text().lines().count());
    }

    @Test
    void persistParamsWritesTheUnitWithBusyboxMktempTeeChmodAndMv(@TempDir Path dir) throws Exception {
        FakeNas nas = AgentScriptPersistParamsTest.systemd(dir).withBusyboxUtilities(BUSYBOX.assumeInstalled());
        Set<ZfsParam> keep = EnumSet.of(ZfsParam.COMPRESS, ZfsParam.ENCRYPT);
        AgentRun run = AgentRun.run(BUSYBOX, nas, args("persist-params", "0", "compress,encrypt"));
        assertEquals(0, run.exit(), run.stderr());
        PersistOutcome o = PersistOutcome.read(run.parse(AgentScriptTestSupport.BOUNDARY), keep);
        assertTrue(o.ok(), o.toString());
        assertEquals(ZfsQatUnit.text(keep), Files.readString(nas.path(AgentScriptPersistParamsTest.UNIT_FILE)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(nas.path(AgentScriptPersistParamsTest.UNIT_FILE))));
    }

    @Test
    void anApplyStagesRestartsAndIsConfirmedWithBusyboxUtilities(@TempDir Path dir) throws Exception {
        FakeNas nas = AgentScriptApplyTest.nas(dir, BUSYBOX).withBusyboxUtilities(BUSYBOX.assumeInstalled());
        byte[] vf = AgentScriptApplyTest.hostile(dir.resolve("PWNED"));
        String id = TxId.next(Instant.now());
        AgentCommand.Apply apply = new AgentCommand.Apply(false, id, new ApplyPlan(List.of(
                new FileChange("/etc/c6xxvf_dev0.conf", Optional.of(
                        Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf"))), vf)),
                ApplyMode.RESTART, Set.of("0000:3d:01.0"), Duration.ofSeconds(60)));
        AgentRun run = AgentRun.run(BUSYBOX, nas, apply, AgentScriptTestSupport.BOUNDARY);
        assertEquals(0, run.exit(), run.stderr());
        var o = ApplyOutcome.read(run.parse(AgentScriptTestSupport.BOUNDARY)).orElseThrow();
        assertEquals(TxState.AWAITING_CONFIRM, o.state(), o.steps().toString());
        assertArrayEquals(vf, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(nas.path("etc/c6xxvf_dev0.conf"))),
                "busybox's cp -p kept the mode");
        AgentCommand.TxCommand confirm = AgentCommand.TxCommand.confirm(false, id);
        AgentRun c = AgentRun.run(BUSYBOX, nas, confirm.arguments(AgentScriptTestSupport.BOUNDARY));
        assertEquals(TxState.CONFIRMED,
                ApplyOutcome.read(c.parse(AgentScriptTestSupport.BOUNDARY)).orElseThrow().state());
    }

    @Test
    void theCapIsExactEvenWithAHeadThatReadsAhead(@TempDir Path dir) throws ParseException {
        int cap = AgentProtocol.ITEM_CAP;
        FakeNas nas = busyboxNas(dir)
                .tool("zfs", "exec head -c " + (cap + 1) + " /dev/zero")
                .tool("zpool", "exec head -c " + cap + " /dev/zero");
        AgentRun run = AgentRun.run(BUSYBOX, nas, args("snapshot", "0"));
        AgentOutput out = run.parse(AgentScriptTestSupport.BOUNDARY);
        AgentFrame zfs = out.frame("zfs_get").orElseThrow();
        assertEquals(ItemStatus.TRUNCATED, zfs.status(), "one byte over the cap");
        assertArrayEquals(new byte[cap], zfs.content());
        AgentFrame zpool = out.frame("zpool_get").orElseThrow();
        assertEquals(ItemStatus.OK, zpool.status(), "exactly the cap");
        assertEquals(cap, zpool.size());
    }

    @Test
    void aStreamTicksWithBusyboxSleep(@TempDir Path dir) throws Exception {
        ProcessBuilder pb = AgentRun.builder(BUSYBOX, busyboxNas(dir), args("stream", "0", "150"));
        Process p = pb.start();
        AgentRun.drain(p.getErrorStream());
        try (var in = p.getOutputStream()) {
            in.write(AgentScript.bytes());
            in.flush();
            StreamFrameReader r = new StreamFrameReader(AgentScriptTestSupport.BOUNDARY);
            List<StreamTick> ticks = new java.util.ArrayList<>();
            byte[] buf = new byte[8192];
            long start = System.nanoTime();
            while (ticks.size() < 3) {
                int n = p.getInputStream().read(buf);
                assertTrue(n > 0, "the stream ended early");
                ticks.addAll(r.feed(buf, 0, n));
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 250, "three ticks take at least two intervals of 150 ms, not " + ms + " ms");
            assertEquals(List.of("uptime", "kstat_qat", "fw_counters:qat_c6xx_0000:3d:00.0", "interrupts"),
                    ticks.get(2).frames().stream().filter(f -> f.status() == ItemStatus.OK).map(AgentFrame::name).toList());
        }
        assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }
}
