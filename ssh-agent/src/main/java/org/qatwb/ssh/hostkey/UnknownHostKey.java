package org.qatwb.ssh.hostkey;

import java.nio.file.Path;
import java.util.List;

/**
 * A host key that {@code known_hosts} does not vouch for, as shown to the user.
 *
 * @param host the host name connected to
 * @param name the name it would be saved under ({@code [host]:port} off port 22)
 * @param keyType {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, ...
 * @param fingerprint {@code SHA256:...}, as {@code ssh-keygen -lf} prints it
 * @param notes what else the file says about this host (keys of other types, ignored
 *     {@code @cert-authority} lines, unreadable lines), one sentence each
 */
public record UnknownHostKey(String host, int port, String name, String keyType, String fingerprint,
        Path knownHosts, List<String> notes) {

    public UnknownHostKey {
        notes = List.copyOf(notes);
    }
}
