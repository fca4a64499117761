package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qatwb.model.bench.BenchEvent;
import org.qatwb.model.bench.BenchPass;
import org.qatwb.model.bench.BenchPlan;
import org.qatwb.model.bench.BenchPlanner;
import org.qatwb.model.bench.BenchProbe;
import org.qatwb.model.bench.BenchRequest;
import org.qatwb.model.bench.BenchRun;
import org.qatwb.model.bench.BenchTool;
import org.qatwb.model.bench.ChecksumCheck;
import org.qatwb.sim.SimOptions;
import org.qatwb.ssh.testing.Specs;

/**
 * The benchmark against the simulated NAS, over real SSH: the agent's worker runs detached, its
 * clean-up runs on the NAS, whatever the client does.
 */
class BenchOnSimulatorTest {

    private static final Duration RUN = Duration.ofSeconds(120);

    private static BenchPlan plan(SimNas s, int mib) throws Exception {
        return BenchPlanner.plan(s.client.benchProbe(), new BenchRequest(Optional.empty(), mib * BenchRequest.MIB, 50, false));
    }

    private static BenchExec start(SimNas s, BenchPlan plan, List<BenchEvent> events) throws Exception {
        return s.client.benchRun(BenchPlanner.id(plan), plan.pool(), plan.request().sizeBytes() / BenchRequest.MIB,
                plan.request().compressibility(), plan.request().encrypt(), events::add);
    }

    /** Starts a run and returns once the NAS is at its first pass (the dataset made, the parameters about to change). */
    private static BenchExec startToFirstPass(SimNas s, BenchPlan plan, List<BenchEvent> events) throws Exception {
        CountDownLatch created = new CountDownLatch(1);
        BenchExec exec = s.client.benchRun(BenchPlanner.id(plan), plan.pool(), plan.request().sizeBytes() / BenchRequest.MIB,
                plan.request().compressibility(), plan.request().encrypt(), e -> {
                    events.add(e);
                    if (e instanceof BenchEvent.Step st && st.line().startsWith("QAT on: writing 0")) {
                        created.countDown();
                    }
                });
        assertTrue(created.await(60, TimeUnit.SECONDS), "the run got as far as the first pass: " + events);
        return exec;
    }

    private static <T> List<T> of(List<BenchEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Nothing of the benchmark is left: no dataset carries the mark, the parameters read as before. */
    private static void assertNothingLeft(SimNas s, BenchPlan plan) throws Exception {
        assertNothingLeft(s.client, s, plan);
    }

    private static void assertNothingLeft(AgentClient client, SimNas s, BenchPlan plan) throws Exception {
        BenchProbe after = client.benchProbe();
        assertEquals(List.of(), after.leftovers(), "no scratch dataset left");
        assertEquals(List.of(), after.running());
        assertEquals(plan.paramsBefore(), after.params(), "the parameters as before");
        try (Stream<Path> keys = Files.walk(s.nas.root().resolve("var/lib/qatwb/bench"))) {
            assertEquals(List.of(), keys.filter(p -> p.getFileName().toString().equals("key")).toList(), "no key file");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(BenchTool.class)
    void bothPassesAreMeasuredAndVerifiedAndNothingIsLeft(BenchTool tool) throws Exception {
        try (SimNas s = new SimNas(SimOptions.driven("c62x"))) {
            s.nas.faults().withoutFio(tool == BenchTool.DD);
            BenchPlan plan = plan(s, 8);
            assertEquals(tool, plan.tool());
            assertTrue(plan.simulated(), "the agent knows the simulator by QATWB_ROOT");
            List<BenchEvent> events = new CopyOnWriteArrayList<>();
            BenchExec exec = start(s, plan, events);
            assertTrue(exec.await(RUN), "the benchmark ends");
            assertEquals(Optional.empty(), exec.problem());
            List<BenchRun> runs = of(events, BenchEvent.PassDone.class).stream().map(BenchEvent.PassDone::run).toList();
            assertEquals(List.of(BenchPass.QAT_ON, BenchPass.QAT_OFF), runs.stream().map(BenchRun::pass).toList(), events.toString());
            for (BenchRun r : runs) {
                assertEquals(ChecksumCheck.VERIFIED, r.checksum(), r.toString());
                assertEquals(List.of(), r.errors());
                assertTrue(r.compressRatio().isPresent(), "zfs reports the ratio");
                assertTrue(r.writeMiBps().isPresent() && r.readMiBps().isPresent(), r.toString());
                assertTrue(r.writeCpuPerGiB().isPresent() && r.readCpuPerGiB().isPresent(), r.toString());
            }
            // the simulator's model: software gzip costs the NAS's CPU, QAT takes it off
            assertTrue(runs.get(0).writeCpuPerGiB().getAsDouble() < runs.get(1).writeCpuPerGiB().getAsDouble(), runs.toString());
            assertTrue(runs.get(0).qatShare().get("compress") > 0.5, runs.get(0).qatShare().toString());
            assertEquals(0.0, runs.get(1).qatShare().get("compress"), "QAT off: kstat does not move");
            BenchEvent.Finished end = of(events, BenchEvent.Finished.class).get(0);
            assertTrue(end.cleanup().clean(), end.cleanup().toString());
            assertEquals(Optional.empty(), end.stoppedBecause());
            assertNothingLeft(s, plan);
        }
    }

    @Test
    void withSudoTheExecFollowsTheWorkerWithoutBeingRoot() throws Exception {
        try (SimNas s = new SimNas(SimOptions.driven("c62x"))) {
            AgentClient sudo = new AgentClient(s.session, true);
            BenchPlan plan = BenchPlanner.plan(sudo.benchProbe(), new BenchRequest(Optional.empty(), 8 * BenchRequest.MIB, 50, false));
            List<BenchEvent> events = new CopyOnWriteArrayList<>();
            BenchExec exec = sudo.benchRun(BenchPlanner.id(plan), plan.pool(), 8, 50, false, events::add);
            assertTrue(exec.await(RUN));
            assertEquals(2, of(events, BenchEvent.PassDone.class).size(), events.toString());
            assertTrue(of(events, BenchEvent.Finished.class).get(0).cleanup().clean());
            assertNothingLeft(s, plan);
        }
    }

    @Test
    void anEncryptedRunMakesItsKeyOnTheNasAndLeavesNoKey() throws Exception {
        try (SimNas s = new SimNas(SimOptions.driven("c62x"))) {
            BenchPlan plan = BenchPlanner.plan(s.client.benchProbe(), new BenchRequest(Optional.empty(), 8 * BenchRequest.MIB, 50, true));
            List<BenchEvent> events = new CopyOnWriteArrayList<>();
            BenchExec exec = start(s, plan, events);
            assertTrue(exec.await(RUN));
            List<BenchRun> runs = of(events, BenchEvent.PassDone.class).stream().map(BenchEvent.PassDone::run).toList();
            assertEquals(2, runs.size(), events.toString());
            assertEquals(ChecksumCheck.VERIFIED, runs.get(0).checksum(), runs.toString());
            assertTrue(runs.get(0).qatShare().containsKey("encrypt") && runs.get(0).qatShare().containsKey("decrypt"), runs.toString());
            assertTrue(of(events, BenchEvent.Step.class).stream().anyMatch(st -> st.line().contains("encryption=aes-256-gcm")));
            assertTrue(of(events, BenchEvent.Finished.class).get(0).cleanup().clean());
            assertNothingLeft(s, plan);
        }
    }

    @Test
    void aStopMidRunIsCleanedUpOnTheNasAndReported() throws Exception {
        try (SimNas s = new SimNas(SimOptions.driven("c62x"))) {
            BenchPlan plan = plan(s, 8);
            List<BenchEvent> events = new CopyOnWriteArrayList<>();
            BenchExec exec = startToFirstPass(s, plan, events);
            exec.stop();
            assertTrue(exec.await(RUN));
            BenchEvent.Finished end = of(events, BenchEvent.Finished.class).get(0);
            assertTrue(end.cleanup().clean(), end.cleanup().toString());
            assertTrue(end.stoppedBecause().orElseThrow().startsWith("stopped"), end.stoppedBecause().toString());
            assertTrue(of(events, BenchEvent.PassDone.class).size() < 2, "it did not run to the end");
            assertNothingLeft(s, plan);
        }
    }

    @Test
    void aClientThatGoesAwayLeavesNothingBehind() throws Exception {
        try (SimNas s = new SimNas(SimOptions.driven("c62x"))) {
            BenchPlan plan = plan(s, 8);
            List<BenchEvent> events = new CopyOnWriteArrayList<>();
            BenchExec exec = startToFirstPass(s, plan, events);
            s.nas.faults().dropAllConnections(); // no signal reaches the exec (OpenSSH sends none): its stdin ends
            // the NAS stops and cleans up by itself, with nobody asking again
            Path record = s.nas.root().resolve("var/lib/qatwb/bench").resolve(BenchPlanner.id(plan));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(record.resolve("done")) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(record.resolve("done")), "cleaned up after the drop");
            assertTrue(Files.readString(record.resolve("outcome")).startsWith("stopped: client asked to stop"),
                    Files.readString(record.resolve("outcome")));
            List<BenchEvent> end = s.client.benchAbort(BenchPlanner.id(plan), Duration.ofSeconds(30));
            BenchEvent.Finished f = assertInstanceOf(BenchEvent.Finished.class, end.get(end.size() - 1));
            assertTrue(f.cleanup().clean(), f.cleanup().toString());
            try (org.qatwb.ssh.NasSession fresh = Specs.connect(s.nas.endpoint())) {
                assertNothingLeft(new AgentClient(fresh, false), s, plan);
            }
        }
    }

    @Test
    void aWorkerKilledWithoutItsCleanUpIsCleanedUpByWhoeverFindsIt() throws Exception {
        try (SimNas s = new SimNas(SimOptions.driven("c62x"))) {
            BenchPlan plan = plan(s, 8);
            List<BenchEvent> events = new CopyOnWriteArrayList<>();
            BenchExec exec = startToFirstPass(s, plan, events);
            Path record = s.nas.root().resolve("var/lib/qatwb/bench").resolve(BenchPlanner.id(plan));
            long pid = Long.parseLong(Files.readString(record.resolve("worker")).split(" ")[0]);
            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // kill -9: no trap runs
            assertTrue(exec.await(RUN));
            BenchEvent.Finished end = of(events, BenchEvent.Finished.class).get(0);
            assertTrue(end.cleanup().clean(), end.cleanup().toString());
            assertTrue(end.stoppedBecause().orElseThrow().contains("without its clean-up"), end.stoppedBecause().toString());
            assertNothingLeft(s, plan);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(BenchTool.class)
    void aCorruptedReadIsAMismatch(BenchTool tool) throws Exception {
        try (SimNas s = new SimNas(SimOptions.driven("c62x"))) {
            s.nas.faults().withoutFio(tool == BenchTool.DD);
            BenchPlan plan = plan(s, 8);
            s.nas.faults().corruptNextRead();
            List<BenchEvent> events = new CopyOnWriteArrayList<>();
            BenchExec exec = start(s, plan, events);
            assertTrue(exec.await(RUN));
            List<BenchRun> runs = of(events, BenchEvent.PassDone.class).stream().map(BenchEvent.PassDone::run).toList();
            assertEquals(ChecksumCheck.MISMATCH, runs.get(0).checksum(), runs.toString());
            assertTrue(runs.get(0).errors().stream().anyMatch(e -> e.contains("not what was written")), runs.get(0).errors().toString());
            assertTrue(of(events, BenchEvent.Finished.class).get(0).cleanup().clean());
            assertNothingLeft(s, plan);
        }
    }

    @Test
    void lessThanThreeTimesTheSizeAvailableIsRefusedByTheNasToo() throws Exception {
        try (SimNas s = new SimNas(SimOptions.driven("c62x"))) {
            s.nas.faults().poolAvailable("tank", 3 * 8 * BenchRequest.MIB - 1);
            List<BenchEvent> events = new CopyOnWriteArrayList<>();
            BenchExec exec = s.client.benchRun("20261208T020000Z-1a2b3c4d", "tank", 8, 50, false, events::add);
            assertTrue(exec.await(RUN));
            BenchEvent.Refused r = of(events, BenchEvent.Refused.class).get(0);
            assertTrue(r.line().contains("under three times the size"), r.line());
        }
    }

    /** A reboot mid-run ends every process of the NAS, the worker's traps too: the next benchmark cleans up first. */
    @Test
    void aBenchmarkCutByARebootIsCleanedUpByTheNextOne() throws Exception {
        try (SimNas s = new SimNas(SimOptions.driven("c62x").withDownTime(Duration.ZERO))) {
            BenchPlan first = plan(s, 8);
            startToFirstPass(s, first, new CopyOnWriteArrayList<>());
            s.nas.reboot();
            Path record = s.nas.root().resolve("var/lib/qatwb/bench").resolve(BenchPlanner.id(first));
            try (org.qatwb.ssh.NasSession fresh = Specs.connect(s.nas.endpoint())) {
                AgentClient client = new AgentClient(fresh, false);
                assertEquals(List.of(first.dataset()), client.benchProbe().leftovers(), "left behind by the reboot");
                assertFalse(Files.exists(record.resolve("done")));
                BenchPlan next = BenchPlanner.plan(client.benchProbe(),
                        new BenchRequest(Optional.empty(), 8 * BenchRequest.MIB, 50, false));
                List<BenchEvent> events = new CopyOnWriteArrayList<>();
                BenchExec exec = client.benchRun(BenchPlanner.id(next), next.pool(), 8, 50, false, events::add);
                assertTrue(exec.await(RUN));
                assertTrue(of(events, BenchEvent.Step.class).stream().anyMatch(st -> st.line().startsWith(BenchPlanner.id(first)
                        + ": a benchmark left behind")), events.toString());
                assertTrue(Files.readString(record.resolve("cleanup")).startsWith("dataset yes\nparams yes\n"));
                assertEquals(2, of(events, BenchEvent.PassDone.class).size());
                assertNothingLeft(client, s, next);
            }
        }
    }

    @Test
    void zfsWithoutQatIsRefusedByTheNasBeforeAnythingChanges() throws Exception {
        try (SimNas s = new SimNas(SimOptions.driven("no-qat"))) {
            List<BenchEvent> events = new CopyOnWriteArrayList<>();
            BenchExec exec = s.client.benchRun("20261208T020000Z-1a2b3c4d", "tank", 8, 50, false, events::add);
            assertTrue(exec.await(RUN));
            BenchEvent.Refused r = of(events, BenchEvent.Refused.class).get(0);
            assertTrue(r.line().startsWith("ZFS has no QAT parameters"), r.line());
            assertFalse(Files.exists(s.nas.root().resolve("var/lib/qatwb/bench/20261208T020000Z-1a2b3c4d")));
        }
    }

    @Test
    void aPoolThatDoesNotExistIsRefusedByTheNas() throws Exception {
        try (SimNas s = new SimNas(SimOptions.driven("c62x"))) {
            List<BenchEvent> events = new CopyOnWriteArrayList<>();
            BenchExec exec = s.client.benchRun("20261208T020000Z-1a2b3c4d", "nopool", 8, 50, false, events::add);
            assertTrue(exec.await(RUN));
            BenchEvent.Refused r = of(events, BenchEvent.Refused.class).get(0);
            assertTrue(r.line().startsWith("pool nopool: "), r.line());
            assertEquals(List.of(), s.client.benchProbe().leftovers());
        }
    }
}
