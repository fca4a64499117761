package org.qatwb.app.settings;

import java.util.Objects;

/**
 * A NAS the user connects to, as saved in {@code connections.json}. No password or passphrase:
 * those are asked at every connect and never stored.
 *
 * @param name     what the tab says; unique among saved connections
 * @param host     a name, an address or an {@code ~/.ssh/config} alias
 * @param port     null for {@code ~/.ssh/config}'s, else 22
 * @param user     null for {@code ~/.ssh/config}'s, else the local login name
 * @param auth     how to authenticate
 * @param identity the key file for {@link AuthMethod#KEY}; null otherwise
 * @param sudo     privileged steps through {@code sudo -n} (non-root accounts)
 * @param knownHosts the known_hosts file; null for {@code ~/.ssh/known_hosts}
 */
public record SavedConnection(String name, String host, Integer port, String user, AuthMethod auth, String identity,
                              boolean sudo, String knownHosts) {

    public SavedConnection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        auth = auth == null ? AuthMethod.AGENT : auth;
    }

    /** {@code user@host:port} with what is known, for a title or a message. */
    public String destination() {
        return (user == null || user.isEmpty() ? "" : user + "@") + host + (port == null ? "" : ":" + port);
    }
}
