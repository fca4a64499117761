package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.qatwb.model.parse.Snippet;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.SessionSettings;
import org.qatwb.ssh.config.ConnectionOptions;
import org.qatwb.ssh.config.ConnectionSpec;
import org.qatwb.ssh.config.SshConfigException;
import picocli.CommandLine.Option;

/** The connection options of CLI.md, shared by every command that talks to a NAS. */
final class ConnectionMixin {

    @Option(names = "--host", paramLabel = "H", description = "a name, an address, or an ~/.ssh/config alias (user@host too)")
    String host;

    @Option(names = "--port", paramLabel = "P", description = "SSH port (default: ~/.ssh/config, else 22)")
    Integer port;

    @Option(names = "--user", paramLabel = "U", description = "login name (default: ~/.ssh/config, else yours)")
    String user;

    @Option(names = "--identity", paramLabel = "FILE", description = "private key file")
    Path identity;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts file (default ~/.ssh/known_hosts)")
    Path knownHosts;

    @Option(names = "--accept-new", description = "trust and save the key of a host not yet known (never a changed one)")
    boolean acceptNew;

    @Option(names = "--sudo", description = "privileged reads and writes through 'sudo -n' (non-root accounts)")
    boolean sudo;

    @Option(names = "--sim", description = "the NAS that 'qatwb sim' is running (its endpoint, keys and known_hosts)")
    boolean sim;

    /** The options as given, with a running simulator's endpoint filling what was not given. */
    ConnectionOptions options() {
        ConnectionOptions given = new ConnectionOptions(host, port, user, identity, knownHosts, acceptNew, sudo);
        if (!sim) {
            if (host == null) {
                throw new CliException(ExitCodes.USAGE, "which NAS? give --host (or --sim for a running 'qatwb sim')");
            }
            return given;
        }
        JsonNode e = SimEndpointFile.read().orElseThrow(() -> new CliException(ExitCodes.UNREACHABLE,
                "no simulated NAS is running (start one with 'qatwb sim'; looked for " + SimEndpointFile.path() + ")"));
        return new ConnectionOptions(host != null ? host : e.get("host").asText(),
                port != null ? port : e.get("port").asInt(),
                user != null ? user : e.get("user").asText(),
                identity != null ? identity : Path.of(e.get("identity").asText()),
                knownHosts != null ? knownHosts : Path.of(e.get("knownHosts").asText()),
                acceptNew, sudo);
    }

    /** Connects, asking on the terminal where one is attached; every failure is exit 3 with one line. */
    NasSession connect() {
        ConnectionSpec spec;
        try {
            spec = ConnectionSpec.resolve(options());
        } catch (SshConfigException e) {
            throw new CliException(ExitCodes.UNREACHABLE, Snippet.failure(e), e);
        }
        try {
            return NasSession.connect(spec, SessionSettings.defaults().withLog(org.qatwb.app.logging.AppLogging.sshLog()), TerminalPrompts.hostKeys(),
                    TerminalPrompts.credentials());
        } catch (NasConnectionException e) {
            throw new CliException(ExitCodes.UNREACHABLE, Snippet.failure(e), e);
        }
    }
}
