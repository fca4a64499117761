package org.qatwb.ssh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.SessionSettings;
import org.qatwb.ssh.config.ConnectionSpec;
import org.qatwb.ssh.testing.OpenSshServer;

/** The benchmarks' two servers for one simulated NAS on loopback: its own (MINA), and a real sshd serving its tree. */
final class Loopback {

    /** What a benchmark does over the real sshd. */
    @FunctionalInterface
    interface OverOpenSsh {
        void run(NasSession session, OpenSshServer sshd, Path knownHosts) throws Exception;
    }

    private Loopback() {
    }

    /** A session to the simulator's own SSH server. */
    static NasSession simulator(SimulatedNas sim) throws NasConnectionException {
        SimEndpoint e = sim.endpoint();
        return connect(e.host(), e.port(), e.user(), e.identity(), e.knownHosts());
    }

    /** Starts a real OpenSSH sshd that serves the simulator's tree, runs {@code body} over a session to it, stops it. */
    static void openSsh(SimulatedNas sim, OverOpenSsh body) throws Exception {
        OpenSshServer sshd = OpenSshServer.start(Map.of("QATWB_ROOT", sim.root().toString(),
                "PATH", sim.toolsForRealSshd() + ":/usr/bin:/bin"));
        try {
            Path kh = Files.createTempFile("kh", "");
            Files.writeString(kh, sshd.knownHostsLine() + "\n");
            try (NasSession s = connect(sshd.host(), sshd.port(), sshd.currentUser(), sshd.userKey(), kh)) {
                body.run(s, sshd, kh);
            }
        } finally {
            sshd.close();
        }
    }

    private static NasSession connect(String host, int port, String user, Path identity, Path knownHosts)
            throws NasConnectionException {
        ConnectionSpec spec = new ConnectionSpec(host, host, port, user, List.of(identity), knownHosts, false, false,
                Optional.empty());
        return NasSession.connect(spec, SessionSettings.defaults(), Optional.empty(), Credentials.none());
    }
}
