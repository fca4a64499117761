package org.qatwb.app.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.ExecResult;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.SessionSettings;
import org.qatwb.ssh.config.ConnectionOptions;
import org.qatwb.ssh.config.ConnectionSpec;
import org.qatwb.ssh.config.SshConfigException;

/**
 * What an administrator types on the simulated NAS, outside qatwb ({@code systemctl restart qat},
 * {@code journalctl}), over a real SSH session to it.
 */
final class SimShell {

    record Result(int rc, String out, String err) {
    }

    private SimShell() {
    }

    /**
     * A session to the NAS opened as the CLI opens one: the endpoint's options resolved as from the
     * command line (ssh config included), the default settings, no prompt, no password.
     */
    static NasSession session(SimulatedNas nas) throws SshConfigException, NasConnectionException {
        SimEndpoint e = nas.endpoint();
        ConnectionSpec spec = ConnectionSpec.resolve(new ConnectionOptions(e.host(), e.port(), e.user(), e.identity(),
                e.knownHosts(), false, false));
        return NasSession.connect(spec, SessionSettings.defaults(), Optional.empty(), Credentials.none());
    }

    static Result run(SimulatedNas nas, String command) {
        try (NasSession session = session(nas)) {
            ExecResult r = session.exec(command, new byte[0], Duration.ofSeconds(60));
            return new Result(r.exitStatus(), new String(r.stdout(), StandardCharsets.UTF_8),
                    new String(r.stderr(), StandardCharsets.UTF_8));
        } catch (Exception ex) {
            throw new AssertionError(command + ": " + ex, ex);
        }
    }
}
