package org.qatwb.ssh;

/** No SSH conversation could be had with the NAS: the name, the network or the server is the problem. */
public final class Unreachable extends NasConnectionException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The host name does not resolve (DNS, {@code /etc/hosts}). */
        UNKNOWN_HOST,
        /** Nothing listens on the port (connection refused). */
        REFUSED,
        /** No answer to the TCP connection within the connect timeout. */
        TIMED_OUT,
        /** The network has no route to the host. */
        NO_ROUTE,
        /** The server stopped answering during key exchange or authentication (auth timeout). */
        HANDSHAKE_TIMED_OUT,
        /** The connection was closed or reset before the SSH handshake finished (not an SSH server?). */
        CLOSED,
        /** The SSH handshake failed (no common algorithm, protocol error). */
        HANDSHAKE_FAILED
    }

    private final Reason reason;

    Unreachable(Reason reason, String host, int port, String message, Throwable cause) {
        super(host, port, message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
