package org.qatwb.app.settings;

/** How a saved connection authenticates. The secret itself is asked each time, never saved. */
public enum AuthMethod {
    /** The running ssh-agent ({@code SSH_AUTH_SOCK}) and the default keys, as ssh does. */
    AGENT,
    /** A private key file; its passphrase, if any, is asked. */
    KEY,
    /** A password (or keyboard-interactive), asked. */
    PASSWORD
}
