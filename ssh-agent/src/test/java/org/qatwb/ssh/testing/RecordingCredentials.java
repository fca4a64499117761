package org.qatwb.ssh.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.qatwb.ssh.Credentials;

/** Answers with fixed secrets and records what was asked (never the answers). */
public final class RecordingCredentials implements Credentials {

    private final String passphrase;
    private final String password;
    public final List<String> asked = new CopyOnWriteArrayList<>();
    /** Every array handed out, to check that qatwb wiped them. */
    public final List<char[]> handedOut = new CopyOnWriteArrayList<>();

    public RecordingCredentials(String passphrase, String password) {
        this.passphrase = passphrase;
        this.password = password;
    }

    private Optional<char[]> give(String secret) {
        if (secret == null) {
            return Optional.empty();
        }
        char[] c = secret.toCharArray();
        handedOut.add(c);
        return Optional.of(c);
    }

    @Override
    public Optional<char[]> passphrase(Path identity) {
        asked.add("passphrase " + identity);
        return give(passphrase);
    }

    @Override
    public Optional<char[]> password(String destination) {
        asked.add("password " + destination);
        return give(password);
    }

    /** Whether every array handed out is now all zeros. */
    public boolean allWiped() {
        return handedOut.stream().allMatch(c -> new String(c).chars().allMatch(ch -> ch == 0));
    }
}
