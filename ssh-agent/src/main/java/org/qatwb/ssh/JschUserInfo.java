package org.qatwb.ssh;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Password and keyboard-interactive answers for JSch, from {@link Credentials}.
 *
 * <p>JSch's callbacks take answers as {@code String}s, which cannot be wiped; this is the one place a
 * secret becomes a {@code String}, immediately before JSch copies it into a byte array that it
 * zeroes after sending. The {@code char[]} from the callback is zeroed here at once. Host key
 * questions never come here: {@link JschHostKeyRepository} answers them.
 */
final class JschUserInfo implements UserInfo, UIKeyboardInteractive {

    /** ssh's NumberOfPasswordPrompts. */
    private static final int MAX_PROMPTS = 3;

    private final Credentials credentials;
    private final String destination;
    private final AuthLog log;
    private char[] pending;
    private int passwordPrompts;
    private int challenges;

    JschUserInfo(Credentials credentials, String destination, AuthLog log) {
        this.credentials = credentials;
        this.destination = destination;
        this.log = log;
    }

    @Override
    public synchronized boolean promptPassword(String message) {
        wipePending();
        if (passwordPrompts++ >= MAX_PROMPTS) {
            return false;
        }
        Optional<char[]> answer;
        try {
            answer = credentials.password(destination);
        } catch (RuntimeException e) {
            answer = Optional.empty();
        }
        log.passwordPrompt(answer.isPresent());
        pending = answer.orElse(null);
        return pending != null;
    }

    @Override
    public synchronized String getPassword() {
        if (pending == null) {
            return null;
        }
        String s = new String(pending);
        wipePending();
        return s;
    }

    @Override
    public synchronized String[] promptKeyboardInteractive(String dest, String name, String instruction,
            String[] prompt, boolean[] echo) {
        if (prompt.length == 0) {
            return new String[0]; // an information-only round: nothing to answer
        }
        if (challenges++ >= MAX_PROMPTS) {
            return null;
        }
        List<KeyboardInteractiveChallenge.Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < prompt.length; i++) {
            prompts.add(new KeyboardInteractiveChallenge.Prompt(prompt[i], i < echo.length && echo[i]));
        }
        Optional<List<char[]>> answer;
        try {
            answer = credentials.keyboardInteractive(
                    new KeyboardInteractiveChallenge(destination, name, instruction, prompts));
        } catch (RuntimeException e) {
            answer = Optional.empty();
        }
        if (answer.isEmpty() || answer.get().size() != prompt.length) {
            answer.ifPresent(a -> a.forEach(c -> Arrays.fill(c, '\0')));
            log.challenge(false);
            return null;
        }
        String[] out = new String[prompt.length];
        for (int i = 0; i < out.length; i++) {
            char[] c = answer.get().get(i);
            out[i] = new String(c);
            Arrays.fill(c, '\0');
        }
        log.challenge(true);
        return out;
    }

    private void wipePending() {
        if (pending != null) {
            Arrays.fill(pending, '\0');
            pending = null;
        }
    }

    @Override
    public String getPassphrase() {
        return null; // key files unlock themselves (FileIdentity); JSch never needs this
    }

    @Override
    public boolean promptPassphrase(String message) {
        return false;
    }

    @Override
    public boolean promptYesNo(String message) {
        return false; // host keys are decided by JschHostKeyRepository, never by a JSch yes/no question
    }

    @Override
    public void showMessage(String message) {
        // server banners and JSch's host key warnings: the outcome is reported through exceptions instead
    }
}
