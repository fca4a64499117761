package org.qatwb.ssh;

import java.nio.file.Path;

/**
 * The host offers a different key than {@code known_hosts} records for it: possibly someone in the
 * middle. Never overridden; the message names the file and line of the old key and both
 * fingerprints, and how to remove the old key if the change is expected.
 */
public final class HostKeyChanged extends NasConnectionException {
    private static final long serialVersionUID = 1L;

    private final Path knownHosts;
    private final int line;
    private final String offeredFingerprint;
    private final String knownFingerprint;

    HostKeyChanged(String host, int port, String name, String keyType, String offeredFingerprint, Path knownHosts,
            int line, String knownFingerprint) {
        super(host, port, "the " + keyType + " host key of " + name + " has CHANGED: the server offers "
                + offeredFingerprint + " but " + knownHosts + ":" + line + " has " + knownFingerprint
                + "; this can be an attack (someone in the middle) or a reinstalled NAS; refusing to connect."
                + " If the change is expected, remove the old key with ssh-keygen -R '" + name + "' -f " + knownHosts
                + " and connect again", null);
        this.knownHosts = knownHosts;
        this.line = line;
        this.offeredFingerprint = offeredFingerprint;
        this.knownFingerprint = knownFingerprint;
    }

    public Path knownHosts() {
        return knownHosts;
    }

    /** The 1-based line of the conflicting entry. */
    public int line() {
        return line;
    }

    public String offeredFingerprint() {
        return offeredFingerprint;
    }

    public String knownFingerprint() {
        return knownFingerprint;
    }
}
