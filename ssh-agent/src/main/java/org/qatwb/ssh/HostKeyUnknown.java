package org.qatwb.ssh;

import org.qatwb.ssh.hostkey.UnknownHostKey;

/**
 * The host key is not in {@code known_hosts} and was not accepted: the user refused it, or nobody
 * could be asked and accept-new was not given. The message has the fingerprint and how to accept it.
 */
public final class HostKeyUnknown extends NasConnectionException {
    private static final long serialVersionUID = 1L;

    private final transient UnknownHostKey key;
    private final boolean refusedByUser;

    HostKeyUnknown(UnknownHostKey key, boolean refusedByUser) {
        super(key.host(), key.port(), message(key, refusedByUser), null);
        this.key = key;
        this.refusedByUser = refusedByUser;
    }

    private static String message(UnknownHostKey k, boolean refused) {
        String head = refused
                ? "the " + k.keyType() + " host key of " + k.name() + " (" + k.fingerprint() + ") was not accepted"
                : "the host key of " + k.name() + " is not known: " + k.keyType() + " " + k.fingerprint()
                        + ". To proceed, make sure it is the NAS's own key: compare " + k.fingerprint()
                        + ", out of band, with what the NAS itself prints for ssh-keygen -lf /etc/ssh/ssh_host_"
                        + fileType(k.keyType()) + "_key.pub. Then connect once with --accept-new (or on a terminal,"
                        + " to be asked) to add it to " + k.knownHosts() + ", or add it yourself: "
                        + keyscan(k) + " >> " + k.knownHosts() + " (checking first that " + keyscan(k)
                        + " | ssh-keygen -lf - prints the same fingerprint)";
        return k.notes().isEmpty() ? head : head + " (" + String.join("; ", k.notes()) + ")";
    }

    private static String keyscan(UnknownHostKey k) {
        return "ssh-keyscan" + (k.port() == 22 ? "" : " -p " + k.port()) + " -t " + fileType(k.keyType())
                + " '" + k.host() + "'";
    }

    /** The key type as ssh-keyscan -t and the host key file names spell it: ed25519, ecdsa, rsa. */
    private static String fileType(String keyType) {
        if (keyType.startsWith("ecdsa-")) {
            return "ecdsa";
        }
        if (keyType.equals("ssh-dss")) {
            return "dsa";
        }
        return keyType.startsWith("ssh-") ? keyType.substring(4) : keyType;
    }

    /** The key as it was offered; {@code null} after deserialisation. */
    public UnknownHostKey key() {
        return key;
    }

    /** True when the user was asked and said no; false when nobody could be asked. */
    public boolean refusedByUser() {
        return refusedByUser;
    }
}
