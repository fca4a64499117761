package org.qatwb.ssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one connection attempt tried to authenticate with, for {@link AuthenticationFailed}'s
 * message: paths, counts and outcomes only, never a secret.
 */
final class AuthLog {

    private String agent;
    private final Map<Path, String> files = new LinkedHashMap<>();
    private int passwordPrompts;
    private int passwordsGiven;
    private int challenges;
    private int challengesAnswered;

    synchronized void agent(String what) {
        agent = what;
    }

    /** A key file's state: "offered", "no such file", "passphrase not given", ... (the last word wins). */
    synchronized void file(Path path, String state) {
        files.put(path, state);
    }

    synchronized void passwordPrompt(boolean given) {
        passwordPrompts++;
        if (given) {
            passwordsGiven++;
        }
    }

    synchronized void challenge(boolean answered) {
        challenges++;
        if (answered) {
            challengesAnswered++;
        }
    }

    synchronized List<String> tried() {
        List<String> out = new ArrayList<>();
        if (agent != null) {
            out.add("publickey: " + agent);
        }
        if (!files.isEmpty()) {
            List<String> f = new ArrayList<>();
            files.forEach((p, s) -> f.add(p + " (" + s + ")"));
            out.add("publickey: key files " + String.join(", ", f));
        }
        if (challenges > 0) {
            out.add("keyboard-interactive: " + challengesAnswered + " of " + challenges + " challenge(s) answered");
        }
        if (passwordPrompts > 0) {
            out.add("password: " + (passwordsGiven == 0 ? "none given" : passwordsGiven + " tried"));
        }
        return out;
    }
}
