package org.qatwb.app.workbench;

import java.util.Objects;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.hostkey.HostKeyPrompt;

/**
 * The questions a connection may ask while it opens (an unknown host key; a passphrase or a
 * password), answered by the window's dialogs, or scripted in tests. Both are called on the
 * connecting thread and may block it until the user answers.
 */
public record Prompts(HostKeyPrompt hostKeys, Credentials credentials) {

    public Prompts {
        Objects.requireNonNull(hostKeys, "hostKeys");
        Objects.requireNonNull(credentials, "credentials");
    }
}
