package org.qatwb.app.cli;

import java.nio.file.Path;
import org.qatwb.model.parse.Snippet;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.SessionSettings;
import org.qatwb.ssh.config.ConnectionOptions;
import org.qatwb.ssh.config.ConnectionSpec;
import org.qatwb.ssh.config.SshConfigException;
import picocli.CommandLine.Option;

/**
 * The SSH options of CLI.md's connection options, without {@code --sim}: {@link ConnectionMixin}
 * adds the running simulator's; {@code qatwb bench} starts its own ({@code --sim[=PROFILE]}).
 */
class SshOptions {

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

    /** The options as given. */
    ConnectionOptions given() {
        return new ConnectionOptions(host, port, user, identity, knownHosts, acceptNew, sudo);
    }

    /** Connects, asking on the terminal where one is attached; every failure is exit 3 with one line. */
    static NasSession connect(ConnectionOptions options) {
        ConnectionSpec spec;
        try {
            spec = ConnectionSpec.resolve(options);
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
