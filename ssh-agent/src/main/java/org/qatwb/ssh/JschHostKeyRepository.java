package org.qatwb.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.util.ArrayList;
import java.util.List;
import org.qatwb.ssh.hostkey.HostKeyName;
import org.qatwb.ssh.hostkey.HostKeyOutcome;
import org.qatwb.ssh.hostkey.HostKeyVerifier;
import org.qatwb.ssh.hostkey.HostPublicKey;

/**
 * JSch's host key hook, handing every decision to {@link HostKeyVerifier}. JSch runs with
 * {@code StrictHostKeyChecking=yes}: it proceeds only on {@link #OK} and never adds or removes keys
 * itself, so asking, saving and refusing all happen in the verifier, and the outcome is kept here
 * for the session to turn into the right exception.
 */
final class JschHostKeyRepository implements HostKeyRepository {

    private final HostKeyVerifier verifier;
    private final String host;
    private final int port;
    private volatile HostKeyOutcome outcome;

    JschHostKeyRepository(HostKeyVerifier verifier, String host, int port) {
        this.verifier = verifier;
        this.host = host;
        this.port = port;
    }

    /** The outcome of the last check, or null when JSch never got as far. */
    HostKeyOutcome outcome() {
        return outcome;
    }

    @Override
    public int check(String jschName, byte[] key) {
        HostPublicKey k;
        try {
            k = HostPublicKey.of(key);
        } catch (IllegalArgumentException e) {
            return NOT_INCLUDED;
        }
        HostKeyOutcome o = verifier.check(host, port, k);
        outcome = o;
        if (o.trusted()) {
            return OK;
        }
        return o instanceof HostKeyOutcome.NotAccepted ? NOT_INCLUDED : CHANGED;
    }

    @Override
    public HostKey[] getHostKey(String jschName, String type) {
        // JSch asks for the known keys to put their algorithms first in its proposal (as ssh does),
        // and after a successful check to look for its own @revoked markers (the verifier did that already)
        List<HostKey> keys = new ArrayList<>();
        for (HostPublicKey k : verifier.knownKeys(host, port)) {
            if (type == null || type.equals(k.type())) {
                try {
                    keys.add(new HostKey(HostKeyName.of(host, port), k.blob()));
                } catch (JSchException e) {
                    // a key type JSch does not know cannot be proposed anyway
                }
            }
        }
        return keys.toArray(new HostKey[0]);
    }

    @Override
    public HostKey[] getHostKey() {
        return getHostKey(null, null);
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // never called with StrictHostKeyChecking=yes; saving is the verifier's decision
    }

    @Override
    public void remove(String host, String type) {
        // qatwb never removes known keys: that is the administrator's call (ssh-keygen -R)
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // as above
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return verifier.knownHosts().toString();
    }
}
