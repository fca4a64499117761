package org.qatwb.ssh.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.SessionSettings;
import org.qatwb.ssh.config.ConnectionSpec;

/** Connection specs and settings for tests against local servers. */
public final class Specs {

    private Specs() {
    }

    public static ConnectionSpec spec(String host, int port, String user, List<Path> identities, Path knownHosts,
            boolean acceptNew, Optional<Path> agent) {
        return new ConnectionSpec(host, host, port, user, identities, knownHosts, acceptNew, false, agent);
    }

    /** Short timeouts: everything is on loopback. */
    public static SessionSettings fast() {
        return SessionSettings.defaults().withConnectTimeout(Duration.ofSeconds(5)).withAuthTimeout(Duration.ofSeconds(10))
                .withStreamCloseGrace(Duration.ofSeconds(2));
    }

    /** A session to a simulated NAS with its own key and known_hosts, the {@link #fast} settings, no prompt, no password. */
    public static NasSession connect(SimEndpoint e) throws NasConnectionException {
        return NasSession.connect(spec(e.host(), e.port(), e.user(), List.of(e.identity()), e.knownHosts(), false,
                Optional.empty()), fast(), Optional.empty(), Credentials.none());
    }
}
