package org.qatwb.ssh.config;

import java.nio.file.Path;

/**
 * The connection options of the command line (CLI.md), as given: {@code null} where an option was
 * not given. {@code host} may be {@code user@host}, as for ssh.
 */
public record ConnectionOptions(String host, Integer port, String user, Path identity, Path knownHosts,
        boolean acceptNew, boolean sudo) {

    /** Only a host: everything else from the configuration and the defaults. */
    public static ConnectionOptions host(String host) {
        return new ConnectionOptions(host, null, null, null, null, false, false);
    }

    public ConnectionOptions withPort(Integer p) {
        return new ConnectionOptions(host, p, user, identity, knownHosts, acceptNew, sudo);
    }

    public ConnectionOptions withUser(String u) {
        return new ConnectionOptions(host, port, u, identity, knownHosts, acceptNew, sudo);
    }

    public ConnectionOptions withIdentity(Path i) {
        return new ConnectionOptions(host, port, user, i, knownHosts, acceptNew, sudo);
    }

    public ConnectionOptions withKnownHosts(Path k) {
        return new ConnectionOptions(host, port, user, identity, k, acceptNew, sudo);
    }

    public ConnectionOptions withAcceptNew(boolean a) {
        return new ConnectionOptions(host, port, user, identity, knownHosts, a, sudo);
    }

    public ConnectionOptions withSudo(boolean s) {
        return new ConnectionOptions(host, port, user, identity, knownHosts, acceptNew, s);
    }
}
