package org.qatwb.ssh.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the client side knows about its user: home directory, login name, and the ssh-agent socket
 * ({@code SSH_AUTH_SOCK}). A value rather than global lookups so that tests never touch the real
 * {@code ~/.ssh} or agent.
 */
public record SshEnvironment(Path home, String localUser, Optional<Path> agentSocket) {

    /** The running process's user, home and {@code SSH_AUTH_SOCK}. */
    public static SshEnvironment current() {
        String sock = System.getenv("SSH_AUTH_SOCK");
        return new SshEnvironment(Path.of(System.getProperty("user.home")), System.getProperty("user.name"),
                sock == null || sock.isBlank() ? Optional.empty() : Optional.of(Path.of(sock)));
    }

    /** {@code ~/.ssh}. */
    public Path sshDir() {
        return home.resolve(".ssh");
    }
}
