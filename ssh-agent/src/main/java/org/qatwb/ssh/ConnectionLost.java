package org.qatwb.ssh;

/** An established connection went away (network, NAS reboot, sshd restart) or was closed while in use. */
public final class ConnectionLost extends NasConnectionException {
    private static final long serialVersionUID = 1L;

    public ConnectionLost(String host, int port, String message, Throwable cause) {
        super(host, port, message, cause);
    }
}
