package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.config.ConnectionOptions;
import picocli.CommandLine.Option;

/** The connection options of CLI.md, shared by every command that talks to a NAS. */
final class ConnectionMixin extends SshOptions {

    @Option(names = "--sim", description = "the NAS that 'qatwb sim' is running (its endpoint, keys and known_hosts)")
    boolean sim;

    /** The options as given, with a running simulator's endpoint filling what was not given. */
    ConnectionOptions options() {
        ConnectionOptions given = given();
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
        return connect(options());
    }
}
