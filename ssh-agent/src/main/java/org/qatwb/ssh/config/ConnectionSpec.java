package org.qatwb.ssh.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to open a connection to one NAS, resolved as ssh resolves it.
 *
 * @param host the name given on the command line (an alias, a name or an address), for messages
 * @param hostName what is actually connected to ({@code HostName}, or {@code host}); also the name
 *     looked up in {@code known_hosts}
 * @param identities private key files to offer after the agent's keys, in order
 * @param knownHosts the {@code known_hosts} file to check and to save accepted keys to
 * @param acceptNew OpenSSH's {@code StrictHostKeyChecking=accept-new}: save unknown keys without asking
 * @param sudo run privileged reads and writes through {@code sudo -n} (agent protocol's SUDO)
 * @param agentSocket the ssh-agent to ask for keys, if any
 */
public record ConnectionSpec(String host, String hostName, int port, String user, List<Path> identities,
        Path knownHosts, boolean acceptNew, boolean sudo, Optional<Path> agentSocket) {

    /** Tried in this order when neither the command line nor the configuration names a key. */
    public static final List<String> DEFAULT_IDENTITIES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    public ConnectionSpec {
        identities = List.copyOf(identities);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** {@code user@hostName:port}, for messages. */
    public String destination() {
        return user + "@" + hostName + ":" + port;
    }

    /** Reads {@code ~/.ssh/config} of the current user and resolves {@code cli} against it. */
    public static ConnectionSpec resolve(ConnectionOptions cli) throws SshConfigException {
        SshEnvironment env = SshEnvironment.current();
        return resolve(cli, SshConfig.read(env), env);
    }

    /**
     * Resolves the command line against a configuration the way ssh does: an explicit command-line
     * value wins over the configuration, the configuration over the defaults (port 22, the local
     * user, known hosts in {@code ~/.ssh/known_hosts}). Identities add up as with {@code ssh -i}:
     * the command line's first, then the configuration's; the default key files (those present) only
     * when neither names one.
     */
    public static ConnectionSpec resolve(ConnectionOptions cli, SshConfig config, SshEnvironment env)
            throws SshConfigException {
        String given = cli.host();
        if (given == null || given.isBlank()) {
            throw new SshConfigException("no host given");
        }
        String cliUser = cli.user();
        int at = given.lastIndexOf('@');
        if (at >= 0) {
            if (cliUser == null) {
                cliUser = given.substring(0, at);
            }
            given = given.substring(at + 1);
        }
        if (given.isEmpty() || (cliUser != null && cliUser.isEmpty())) {
            throw new SshConfigException("bad host '" + cli.host() + "'");
        }
        HostSettings s = config.settingsFor(given);

        String hostName = given;
        if (s.hostName().isPresent()) {
            ConfigValue v = s.hostName().get();
            hostName = expand(v, Map.of('h', given));
        }

        int port = 22;
        if (cli.port() != null) {
            port = cli.port();
            if (port < 1 || port > 65535) {
                throw new SshConfigException("bad port " + port + " (1..65535)");
            }
        } else if (s.port().isPresent()) {
            port = parsePort(s.port().get().value());
        }

        String user = cliUser != null ? cliUser : s.user().map(ConfigValue::value).orElse(env.localUser());

        Map<Character, String> tokens = new HashMap<>();
        tokens.put('d', env.home().toString());
        tokens.put('u', env.localUser());
        tokens.put('h', hostName);
        tokens.put('r', user);
        tokens.put('p', Integer.toString(port));
        tokens.put('n', given);
        List<Path> identities = new ArrayList<>();
        if (cli.identity() != null) {
            identities.add(tildePath(cli.identity().toString(), env));
        }
        for (ConfigValue v : s.identityFiles()) {
            Path p = Path.of(expand(new ConfigValue(tilde(v, env), v.file(), v.line()), tokens));
            if (!identities.contains(p)) {
                identities.add(p);
            }
        }
        if (identities.isEmpty()) {
            for (String name : DEFAULT_IDENTITIES) {
                Path p = env.sshDir().resolve(name);
                if (Files.isRegularFile(p)) {
                    identities.add(p);
                }
            }
        }

        Path knownHosts = cli.knownHosts() != null ? tildePath(cli.knownHosts().toString(), env)
                : env.sshDir().resolve("known_hosts");
        return new ConnectionSpec(given, hostName, port, user, identities, knownHosts, cli.acceptNew(), cli.sudo(),
                env.agentSocket());
    }

    /** The port in {@code text}, or -1 when it is not a number in 1..65535. */
    static int parsePort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int p = Integer.parseInt(text);
        return p >= 1 && p <= 65535 ? p : -1;
    }

    private static String expand(ConfigValue v, Map<Character, String> tokens) throws SshConfigException {
        try {
            return ConfigTokens.expand(v.value(), tokens);
        } catch (IllegalArgumentException e) {
            throw new SshConfigException(v.file(), v.line(), e.getMessage());
        }
    }

    private static String tilde(ConfigValue v, SshEnvironment env) throws SshConfigException {
        try {
            return ConfigTokens.expandTilde(v.value(), env.home());
        } catch (IllegalArgumentException e) {
            throw new SshConfigException(v.file(), v.line(), e.getMessage());
        }
    }

    private static Path tildePath(String text, SshEnvironment env) throws SshConfigException {
        try {
            return Path.of(ConfigTokens.expandTilde(text, env.home()));
        } catch (IllegalArgumentException e) {
            throw new SshConfigException(e.getMessage());
        }
    }
}
