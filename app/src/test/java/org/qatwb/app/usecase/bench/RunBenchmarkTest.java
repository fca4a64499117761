package org.qatwb.app.usecase.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.qatwb.model.bench.BenchPlan;
import org.qatwb.model.bench.BenchRequest;
import org.qatwb.model.bench.BenchResult;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.testing.Specs;

/** The use case both front ends call, against the simulated NAS over real SSH. */
class RunBenchmarkTest {

    private static final BenchRequest SMALL = new BenchRequest(Optional.empty(), 8 * BenchRequest.MIB, 50, false);

    @Test
    void aRunReportsProgressAndBothPasses() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x")); NasSession s = Specs.connect(nas.endpoint())) {
            RunBenchmark bench = new RunBenchmark(new AgentClient(s, false));
            BenchPlan plan = bench.plan(SMALL);
            List<BenchProgress> progress = new CopyOnWriteArrayList<>();
            BenchResult r = bench.run(plan, progress::add);
            assertEquals(2, r.runs().size(), r.toString());
            assertTrue(r.simulated());
            assertTrue(r.cleanup().clean());
            assertEquals(Optional.empty(), r.stoppedBecause());
            assertEquals(2, progress.stream().filter(p -> p instanceof BenchProgress.PassDone).count());
            assertTrue(progress.stream().anyMatch(p -> p instanceof BenchProgress.Phase ph && ph.phase().equals("write")));
        }
    }

    /** The link drops mid-run: the NAS cleans up by itself, and the use case reads that back over a new connection. */
    @Test
    void aLostConnectionEndsWithTheCleanUpReadBack() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x")); NasSession s = Specs.connect(nas.endpoint())) {
            RunBenchmark bench = new RunBenchmark(new AgentClient(s, false));
            BenchPlan plan = bench.plan(SMALL);
            BenchResult r = bench.run(plan, p -> {
                if (p instanceof BenchProgress.Step st && st.line().startsWith("QAT on: writing 0")) {
                    nas.faults().dropAllConnections();
                }
            });
            assertTrue(r.cleanup().clean(), r.cleanup().toString());
            assertTrue(r.stoppedBecause().isPresent());
            assertTrue(r.runs().size() < 2);
        }
    }

    @Test
    void aNasWithoutQatIsRefusedInOneLine() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("no-qat")); NasSession s = Specs.connect(nas.endpoint())) {
            BenchSession.BenchRefused e = assertThrows(BenchSession.BenchRefused.class,
                    () -> new RunBenchmark(new AgentClient(s, false)).plan(SMALL));
            assertTrue(e.getMessage().startsWith("ZFS has no QAT parameters"), e.getMessage());
        }
    }
}
