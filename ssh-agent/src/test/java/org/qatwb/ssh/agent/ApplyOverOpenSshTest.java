package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.TxState;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.testing.OpenSshServer;
import org.qatwb.ssh.testing.QatFileSet;
import org.qatwb.ssh.testing.Specs;

/**
 * One apply as a real NAS takes it: a real OpenSSH sshd serves the simulator's tree (files under a
 * temporary root) to the login user's shell, without systemd, so the worker and the rollback timer
 * are setsid processes that must outlive sshd's session; the confirm comes over a new connection.
 */
class ApplyOverOpenSshTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a channel held open by the timer would hang for its 600 s
    void aRestartOverOpenSshIsConfirmedOverANewConnection() throws Exception {
        OpenSshServer.assumeAvailable();
        // booted as root on ZFS boots: ZFS holds no QAT device, so the restart can apply the layout
        try (SimulatedNas sim = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false));
             OpenSshServer sshd = OpenSshServer.start(Map.of("QATWB_ROOT", sim.root().toString(),
                     "PATH", sim.toolsForRealSshd() + ":/usr/bin:/bin"))) {
            sim.faults().withoutSystemd(true);
            Path kh = dir.resolve("known_hosts");
            Files.writeString(kh, sshd.knownHostsLine() + "\n");
            try (NasSession session = NasSession.connect(Specs.spec(sshd.host(), sshd.port(), sshd.currentUser(),
                    List.of(sshd.userKey()), kh, false, Optional.empty()), Specs.fast(), Optional.empty(), Credentials.none())) {
                AgentClient client = new AgentClient(session, false);
                QatFileSet before = QatFileSet.read(sim.root());
                QatFileSet after = before.with(SimNas.VF, t -> t.replaceFirst("Cy0CoreAffinity = \\d+", "Cy0CoreAffinity = 7")
                        .replaceFirst("Dc0CoreAffinity = \\d+", "Dc0CoreAffinity = 7"));
                ApplyOutcome o = client.apply(before.planTo(after, ApplyMode.RESTART, java.util.Set.of(), Duration.ofSeconds(600)));
                assertEquals(TxState.AWAITING_CONFIRM, o.state(), o.steps().toString());
                assertEquals("setsid", o.tx().runner().orElseThrow());
                assertTrue(after.sameAs(QatFileSet.read(sim.root())));
                ApplyOutcome c = client.confirm(o.tx().id());
                assertEquals(TxState.CONFIRMED, c.state(), c.steps().toString());
                assertEquals(o.tx().id(), client.history().get(0).id());
            }
        }
    }
}
