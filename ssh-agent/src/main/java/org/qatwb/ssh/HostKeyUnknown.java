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
                        + "; if that is the NAS's key (check it on the NAS with ssh-keygen -lf on its host key),"
                        + " connect once with --accept-new or interactively to add it to " + k.knownHosts();
        return k.notes().isEmpty() ? head : head + " (" + String.join("; ", k.notes()) + ")";
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
