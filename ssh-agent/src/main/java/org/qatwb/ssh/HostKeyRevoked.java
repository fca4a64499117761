package org.qatwb.ssh;

import java.nio.file.Path;

/** The host offers a key that {@code known_hosts} marks {@code @revoked}. Never overridden. */
public final class HostKeyRevoked extends NasConnectionException {
    private static final long serialVersionUID = 1L;

    private final Path knownHosts;
    private final int line;

    HostKeyRevoked(String host, int port, String name, String keyType, String fingerprint, Path knownHosts, int line) {
        super(host, port, "the " + keyType + " host key " + fingerprint + " offered by " + name
                + " is marked @revoked in " + knownHosts + ":" + line + "; refusing to connect", null);
        this.knownHosts = knownHosts;
        this.line = line;
    }

    public Path knownHosts() {
        return knownHosts;
    }

    public int line() {
        return line;
    }
}
