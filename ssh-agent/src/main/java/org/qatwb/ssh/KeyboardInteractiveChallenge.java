package org.qatwb.ssh;

import java.util.List;

/**
 * One round of keyboard-interactive authentication as the server sent it.
 *
 * @param destination {@code user@host:port}
 * @param name and {@code instruction}: the server's text, possibly empty
 */
public record KeyboardInteractiveChallenge(String destination, String name, String instruction, List<Prompt> prompts) {

    public KeyboardInteractiveChallenge {
        prompts = List.copyOf(prompts);
    }

    /** One question; {@code echo} false for secrets. */
    public record Prompt(String text, boolean echo) {
    }
}
