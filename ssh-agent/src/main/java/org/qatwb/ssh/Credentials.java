package org.qatwb.ssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks the user for secrets while a connection authenticates, on the connecting thread. Each
 * method returns a fresh array that qatwb owns from then on: it is wiped (filled with zeros) as
 * soon as it has been handed to the SSH library, and never logged, stored or put in a message.
 * Return {@link Optional#empty()} to skip (a key, or password authentication).
 */
public interface Credentials {

    /** The passphrase of the encrypted private key {@code identity}; asked only once the server accepts that key. */
    Optional<char[]> passphrase(Path identity);

    /** The password of {@code destination} ({@code user@host:port}). */
    Optional<char[]> password(String destination);

    /**
     * Answers to a keyboard-interactive challenge, one per prompt. By default a challenge of one
     * hidden prompt (what PAM's password question looks like) is answered with {@link #password};
     * anything else is skipped.
     */
    default Optional<List<char[]>> keyboardInteractive(KeyboardInteractiveChallenge challenge) {
        if (challenge.prompts().size() == 1 && !challenge.prompts().get(0).echo()) {
            return password(challenge.destination()).map(p -> {
                List<char[]> answers = new ArrayList<>(1);
                answers.add(p);
                return answers;
            });
        }
        return Optional.empty();
    }

    /** Never answers: key authentication only (the agent and unencrypted key files). */
    static Credentials none() {
        return new Credentials() {
            @Override
            public Optional<char[]> passphrase(Path identity) {
                return Optional.empty();
            }

            @Override
            public Optional<char[]> password(String destination) {
                return Optional.empty();
            }
        };
    }
}
