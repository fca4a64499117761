package org.qatwb.ssh;

import java.util.List;

/**
 * The server refused every way of logging in that was tried. Says what was tried (key files by
 * path, the agent's keys by count; never a secret) and what the server accepts.
 */
public final class AuthenticationFailed extends NasConnectionException {
    private static final long serialVersionUID = 1L;

    private final String user;
    private final List<String> tried;
    private final List<String> serverMethods;

    AuthenticationFailed(String user, String host, int port, List<String> tried, List<String> serverMethods) {
        super(host, port, message(user, host, port, tried, serverMethods), null);
        this.user = user;
        this.tried = List.copyOf(tried);
        this.serverMethods = List.copyOf(serverMethods);
    }

    private static String message(String user, String host, int port, List<String> tried, List<String> server) {
        return "permission denied for " + user + "@" + host + " port " + port + "; tried: "
                + (tried.isEmpty() ? "nothing (no agent, no key file, no password prompt)" : String.join("; ", tried))
                + (server.isEmpty() ? "" : "; the server accepts: " + String.join(", ", server));
    }

    public String user() {
        return user;
    }

    /** What was tried, in order, one phrase each. */
    public List<String> tried() {
        return tried;
    }

    /** The methods the server said can continue ({@code publickey}, {@code password}, ...), if it said. */
    public List<String> serverMethods() {
        return serverMethods;
    }
}
