package org.qatwb.app.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.hostkey.HostKeyDecision;
import org.qatwb.ssh.hostkey.HostKeyPrompt;
import org.qatwb.ssh.hostkey.UnknownHostKey;

/**
 * Questions the CLI may ask on the terminal, as ssh asks them. Without a terminal (scripts, CI)
 * nothing is asked: an unknown host is refused (use --accept-new) and no password is tried.
 * Answers are read with echo off and handed over as char[]; nothing is kept or logged.
 */
final class TerminalPrompts {

    private TerminalPrompts() {
    }

    static HostKeyPrompt hostKeys() {
        return TerminalPrompts::askHostKey;
    }

    private static HostKeyDecision askHostKey(UnknownHostKey key) {
        Console console = System.console();
        if (console == null) {
            return HostKeyDecision.REFUSE;
        }
        console.printf("The authenticity of host '%s' can't be established.%n", key.name());
        for (String note : key.notes()) {
            console.printf("%s%n", note);
        }
        console.printf("%s key fingerprint is %s.%n", key.keyType(), key.fingerprint());
        while (true) {
            String answer = console.readLine("Are you sure you want to continue connecting (yes/no/once)? ");
            if (answer == null) {
                return HostKeyDecision.REFUSE;
            }
            switch (answer.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "yes":
                    return HostKeyDecision.ACCEPT_AND_SAVE;
                case "once":
                    return HostKeyDecision.ACCEPT_ONCE;
                case "no":
                    return HostKeyDecision.REFUSE;
                default:
                    console.printf("Please type 'yes', 'no' or 'once' (trust this time, do not save): ");
            }
        }
    }

    static Credentials credentials() {
        return new Credentials() {
            @Override
            public Optional<char[]> passphrase(Path identity) {
                Console console = System.console();
                return console == null ? Optional.empty()
                        : Optional.ofNullable(console.readPassword("Enter passphrase for key '%s': ", identity));
            }

            @Override
            public Optional<char[]> password(String destination) {
                Console console = System.console();
                return console == null ? Optional.empty()
                        : Optional.ofNullable(console.readPassword("%s's password: ", destination));
            }
        };
    }
}
