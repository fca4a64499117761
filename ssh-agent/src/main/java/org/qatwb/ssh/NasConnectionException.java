package org.qatwb.ssh;

/**
 * The NAS cannot be reached or trusted: the CLI's exit code 3. Every message is one line meant for
 * an administrator, says what failed and where, and never contains a password or passphrase.
 */
public abstract sealed class NasConnectionException extends Exception
        permits Unreachable, AuthenticationFailed, HostKeyUnknown, HostKeyChanged, HostKeyRevoked, ConnectionLost {
    private static final long serialVersionUID = 1L;

    private final String host;
    private final int port;

    NasConnectionException(String host, int port, String message, Throwable cause) {
        super(message, cause);
        this.host = host;
        this.port = port;
    }

    /** The host name connected to. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
