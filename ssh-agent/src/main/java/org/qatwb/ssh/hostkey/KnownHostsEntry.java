package org.qatwb.ssh.hostkey;

/**
 * One key line of a {@code known_hosts} file.
 *
 * @param line 1-based line number in its file
 * @param hashed whether the host field is hashed (then it names exactly one host)
 */
public record KnownHostsEntry(int line, Marker marker, boolean hashed, HostPublicKey key, String hostField) {

    /** {@code ssh-ed25519 SHA256:...}, for messages. */
    public String describeKey() {
        return key.type() + " " + key.fingerprint();
    }
}
