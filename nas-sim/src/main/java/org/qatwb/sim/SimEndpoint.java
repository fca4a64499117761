package org.qatwb.sim;

import java.nio.file.Path;

/**
 * How to reach a simulated NAS: what {@code qatwb sim} prints and a client needs.
 *
 * @param host               always {@code 127.0.0.1}
 * @param port               the listening port
 * @param user               the login name
 * @param identity           the private key file (OpenSSH format, mode 0600)
 * @param knownHosts         a known_hosts file with the host key for {@code [127.0.0.1]:PORT}
 * @param hostKeyFingerprint the host key's {@code SHA256:...} fingerprint
 */
public record SimEndpoint(String host, int port, String user, Path identity, Path knownHosts,
                          String hostKeyFingerprint) {
}
