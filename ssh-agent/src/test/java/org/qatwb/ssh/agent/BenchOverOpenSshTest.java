package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.model.bench.BenchEvent;
import org.qatwb.model.bench.BenchPlan;
import org.qatwb.model.bench.BenchPlanner;
import org.qatwb.model.bench.BenchRequest;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.testing.OpenSshServer;
import org.qatwb.ssh.testing.Specs;

/**
 * The benchmark as a real NAS takes it: a real OpenSSH sshd serves the simulator's tree, without
 * systemd, so the worker is a setsid process; the client's connection is cut mid-run, which OpenSSH
 * signals to nobody (decision 0007): the exec's stdin ends and the NAS cleans up by itself.
 */
class BenchOverOpenSshTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aConnectionCutMidRunLeavesNothingBehind() throws Exception {
        OpenSshServer.assumeAvailable();
        try (SimulatedNas sim = SimulatedNas.start(SimOptions.driven("c62x"));
             OpenSshServer sshd = OpenSshServer.start(Map.of("QATWB_ROOT", sim.root().toString(),
                     "PATH", sim.toolsForRealSshd() + ":/usr/bin:/bin"))) {
            sim.faults().withoutSystemd(true);
            Path kh = dir.resolve("known_hosts");
            Files.writeString(kh, sshd.knownHostsLine() + "\n");
            String before = params(sim);
            BenchPlan plan;
            try (NasSession session = NasSession.connect(Specs.spec(sshd.host(), sshd.port(), sshd.currentUser(),
                    List.of(sshd.userKey()), kh, false, Optional.empty()), Specs.fast(), Optional.empty(), Credentials.none())) {
                AgentClient client = new AgentClient(session, false);
                plan = BenchPlanner.plan(client.benchProbe(), new BenchRequest(Optional.empty(), 8 * BenchRequest.MIB, 50, false));
                CountDownLatch firstPass = new CountDownLatch(1);
                List<BenchEvent> events = new CopyOnWriteArrayList<>();
                client.benchRun(BenchPlanner.id(plan), plan.pool(), 8, 50, false, e -> {
                    events.add(e);
                    if (e instanceof BenchEvent.Step st && st.line().startsWith("QAT on: writing 0")) {
                        firstPass.countDown();
                    }
                });
                assertTrue(firstPass.await(60, TimeUnit.SECONDS), events.toString());
            } // the connection is cut here, mid-run
            Path record = sim.root().resolve("var/lib/qatwb/bench").resolve(BenchPlanner.id(plan));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(record.resolve("done")) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(record.resolve("done")), "the NAS cleaned up by itself");
            assertEquals("dataset yes\nparams yes\nbefore " + before + "\n", Files.readString(record.resolve("cleanup")));
            assertEquals(before, params(sim), "the parameters as before");
            try (Stream<Path> left = Files.walk(sim.root().resolve("mnt"))) {
                assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("qatwb-bench-")).toList());
            }
        }
    }

    private static String params(SimulatedNas sim) throws Exception {
        StringBuilder s = new StringBuilder();
        for (String p : List.of("compress", "checksum", "encrypt")) {
            s.append(s.length() == 0 ? "" : " ")
                    .append(Files.readString(sim.root().resolve("sys/module/zfs/parameters/zfs_qat_" + p + "_disable")).strip());
        }
        return s.toString();
    }
}
