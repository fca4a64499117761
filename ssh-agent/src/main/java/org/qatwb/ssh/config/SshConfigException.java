package org.qatwb.ssh.config;

import java.nio.file.Path;

/**
 * A client configuration that cannot be used: a bad value, an unsupported token, an {@code Include}
 * loop. The message is one line and names the file and line when there is one.
 */
public final class SshConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A problem with no particular place (a command-line value, for instance). */
    public SshConfigException(String message) {
        super(message);
    }

    /** A problem at {@code file:line}. */
    public SshConfigException(Path file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }

    /** A file that could not be read. */
    public SshConfigException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }
}
