package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.TxId;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.StdinReply;
import org.qatwb.ssh.testing.OpenSshServer;
import org.qatwb.ssh.testing.Poll;
import org.qatwb.ssh.testing.QatFileSet;
import org.qatwb.ssh.testing.Specs;

/**
 * A client that goes away before it says go leaves the NAS as it was: over the simulator and over
 * a real OpenSSH sshd, which sends a pty-less exec no signal when its client goes (the exec reads
 * end of file on stdin, and its writes fail). Before the go, the commit used to happen anyway.
 */
class ClientGoneBeforeGoTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aClientGoneWhileTheExecWaitsForGoChangesNothingOnTheSimulator() throws Exception {
        try (SimNas s = SimNas.c62x()) {
            goneWhileWaiting(s.nas, s.session, s.plan(s.validEdit(), ApplyMode.RESTART));
        }
    }

    @Test
    void aClientGoneWhileTheExecStagesChangesNothingOnTheSimulator() throws Exception {
        try (SimNas s = SimNas.c62x()) {
            goneWhileStaging(s.nas, s.session, s.plan(s.validEdit(), ApplyMode.RESTART));
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aClientGoneWhileTheExecWaitsForGoChangesNothingOverOpenSsh() throws Exception {
        OpenSshServer.assumeAvailable();
        try (SimulatedNas sim = SimulatedNas.start(SimOptions.driven("c62x"));
             OpenSshServer sshd = openSsh(sim)) {
            goneWhileWaiting(sim, connect(sshd), plan(sim));
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aClientGoneWhileTheExecStagesChangesNothingOverOpenSsh() throws Exception {
        OpenSshServer.assumeAvailable();
        try (SimulatedNas sim = SimulatedNas.start(SimOptions.driven("c62x"));
             OpenSshServer sshd = openSsh(sim)) {
            goneWhileStaging(sim, connect(sshd), plan(sim));
        }
    }

    /** The exec has staged and waits for the go; the client's connection closes instead. */
    private static void goneWhileWaiting(SimulatedNas nas, NasSession session, ApplyPlan plan) throws Exception {
        QatFileSet before = QatFileSet.read(nas.root());
        String id = TxId.next(Instant.now());
        AgentCommand.Apply apply = new AgentCommand.Apply(false, id, plan);
        String boundary = Boundary.random();
        // a client that never answers: stdin stays open until the connection goes
        StdinReply never = new StdinReply("no such output".getBytes(StandardCharsets.UTF_8), new byte[0]);
        Thread client = new Thread(() -> {
            try {
                session.exec(apply.commandLine(boundary), apply.stdin(), Duration.ofMinutes(5), Optional.of(never));
            } catch (Exception | Error e) {
                // the connection closed under it: what the test does
            }
        }, "client");
        client.setDaemon(true);
        client.start();
        assertTrue(Poll.until(PATIENCE, () -> "awaiting-go".equals(state(nas, id))), "the exec never waited for go: " + state(nas, id));
        session.close();
        assertCancelled(nas, id, before, "the client went away before it said go: nothing was changed");
    }

    /** The client's connection closes while the exec stages the new files (a slow write). */
    private static void goneWhileStaging(SimulatedNas nas, NasSession session, ApplyPlan plan) throws Exception {
        QatFileSet before = QatFileSet.read(nas.root());
        nas.faults().slowCall("tee", "/etc/", 1, Duration.ofSeconds(2));
        AgentClient agent = new AgentClient(session, false);
        Thread client = new Thread(() -> {
            try {
                agent.apply(plan);
            } catch (Exception | Error e) {
                // the connection closed under it: what the test does
            }
        }, "client");
        client.setDaemon(true);
        client.start();
        assertTrue(Poll.until(PATIENCE, () -> nas.faults().calls("tee") >= 1), "staging never began");
        session.close();
        String id = Poll.until(PATIENCE, () -> ids(nas).size() == 1) ? ids(nas).get(0) : "";
        assertCancelled(nas, id, before, "the client went away before it said go: nothing was changed");
        client.join(TimeUnit.SECONDS.toMillis(30));
    }

    /** Every file's bytes as they were, no temporary file, no worker, the lock free, refused and cancelled. */
    private static void assertCancelled(SimulatedNas nas, String id, QatFileSet before, String why) throws Exception {
        assertTrue(Poll.until(PATIENCE, () -> "refused".equals(state(nas, id))), "state " + state(nas, id));
        Path tx = nas.transactions().resolve(id);
        assertTrue(before.sameAs(QatFileSet.read(nas.root())), "a file changed");
        for (String d : List.of("etc", "etc/default", "etc/modprobe.d")) {
            Path p = nas.root().resolve(d);
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".qatwb.")).toList(),
                            "temporary files left in " + d);
                }
            }
        }
        // the exec releases the lock just after it writes the state
        assertTrue(Poll.until(PATIENCE, () -> !Files.exists(nas.transactions().getParent().resolve("lock"))), "the lock is held");
        assertFalse(Files.exists(tx.resolve("worker_pid")), "a worker ran");
        List<String> steps = steps(tx);
        assertFalse(steps.contains("go"), steps.toString());
        assertFalse(steps.contains("commit"), steps.toString());
        assertEquals("cancelled", steps.get(steps.size() - 1), steps.toString());
        String last;
        try (Stream<Path> files = Files.list(tx.resolve("steps"))) {
            last = Files.readString(files.sorted().reduce((a, b) -> b).orElseThrow());
        }
        assertEquals("cancelled error 0\n" + why, last);
    }

    private static List<String> steps(Path tx) throws IOException {
        try (Stream<Path> files = Files.list(tx.resolve("steps"))) {
            return files.sorted().map(f -> {
                try {
                    return Files.readAllLines(f).get(0).split(" ")[0];
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static List<String> ids(SimulatedNas nas) {
        try (Stream<Path> d = Files.list(nas.transactions())) {
            return d.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String state(SimulatedNas nas, String id) {
        try {
            return Files.readString(nas.transactions().resolve(id).resolve("state")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static OpenSshServer openSsh(SimulatedNas sim) throws Exception {
        sim.faults().withoutSystemd(true);
        return OpenSshServer.start(Map.of("QATWB_ROOT", sim.root().toString(), "PATH", sim.toolsForRealSshd() + ":/usr/bin:/bin"));
    }

    private NasSession connect(OpenSshServer sshd) throws Exception {
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, sshd.knownHostsLine() + "\n");
        return NasSession.connect(Specs.spec(sshd.host(), sshd.port(), sshd.currentUser(), List.of(sshd.userKey()), kh, false,
                Optional.empty()), Specs.fast(), Optional.empty(), Credentials.none());
    }

    /** One VF's interrupts on another core: a layout the driver takes. */
    private static ApplyPlan plan(SimulatedNas sim) {
        QatFileSet before = QatFileSet.read(sim.root());
        QatFileSet after = before.with(SimNas.VF, t -> t.replaceFirst("Cy0CoreAffinity = \\d+", "Cy0CoreAffinity = 7")
                .replaceFirst("Dc0CoreAffinity = \\d+", "Dc0CoreAffinity = 7"));
        return before.planTo(after, ApplyMode.RESTART, Set.of(), Duration.ofSeconds(600));
    }
}
