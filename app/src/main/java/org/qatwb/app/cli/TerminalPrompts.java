package org.qatwb.app.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.hostkey.HostKeyDecision;
import org.qatwb.ssh.hostkey.HostKeyPrompt;
import org.qatwb.ssh.hostkey.UnknownHostKey;

/**
 * Questions the CLI may ask on the terminal, as ssh asks them. Without a terminal (scripts, CI)
 * nothing is asked: an unknown host is refused (use --accept-new) and no password is tried.
 * Answers are read with echo off and handed over as char[]; nothing is kept or logged.
 * Questions are written through {@link TerminalSink} like all other output (they name hosts,
 * users and paths from the command line and ~/.ssh/config), then read without a prompt of the
 * Console's own, which would bypass it.
 */
final class TerminalPrompts {

    private TerminalPrompts() {
    }

    /**
     * Who to ask about an unknown host key: nobody without a terminal, so that the refusal is the
     * one that says how to check the key and proceed, not the one for a user who answered no.
     */
    static Optional<HostKeyPrompt> hostKeys() {
        return System.console() == null ? Optional.empty() : Optional.of(TerminalPrompts::askHostKey);
    }

    private static HostKeyDecision askHostKey(UnknownHostKey key) {
        Console console = System.console();
        if (console == null) {
            return HostKeyDecision.REFUSE;
        }
        PrintWriter tty = sink(console);
        tty.printf("The authenticity of host '%s' can't be established.%n", key.name());
        for (String note : key.notes()) {
            tty.printf("%s%n", note);
        }
        tty.printf("%s key fingerprint is %s.%n", key.keyType(), key.fingerprint());
        tty.print("Are you sure you want to continue connecting (yes/no/once)? ");
        while (true) {
            tty.flush();
            String answer = console.readLine();
            if (answer == null) {
                return HostKeyDecision.REFUSE;
            }
            switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "yes":
                    return HostKeyDecision.ACCEPT_AND_SAVE;
                case "once":
                    return HostKeyDecision.ACCEPT_ONCE;
                case "no":
                    return HostKeyDecision.REFUSE;
                default:
                    tty.print("Please type 'yes', 'no' or 'once' (trust this time, do not save): ");
            }
        }
    }

    /** An answer to a yes/no question; {@link #NO_TERMINAL} when there was nobody to ask. */
    enum Answer {
        YES, NO, NO_TERMINAL
    }

    /** Asks {@code question} on the terminal: "y" or "yes" is yes, anything else (or end of input) no. */
    static Answer yesNo(String question) {
        Console console = System.console();
        if (console == null) {
            return Answer.NO_TERMINAL;
        }
        PrintWriter tty = sink(console);
        tty.print(question);
        tty.flush();
        String answer = console.readLine();
        if (answer == null) {
            return Answer.NO;
        }
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes") ? Answer.YES : Answer.NO;
    }

    /** Whether a question can be asked: there is a terminal. */
    static boolean canAsk() {
        return System.console() != null;
    }

    /** A yes/no question on the terminal; no terminal, or end of input, is no. */
    static boolean confirm(String question) {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        PrintWriter tty = sink(console);
        tty.print(question + " (yes/no)? ");
        while (true) {
            tty.flush();
            String answer = console.readLine();
            if (answer == null) {
                return false;
            }
            switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "yes":
                    return true;
                case "no":
                    return false;
                default:
                    tty.print("Please type 'yes' or 'no': ");
            }
        }
    }

    static Credentials credentials() {
        return new Credentials() {
            @Override
            public Optional<char[]> passphrase(Path identity) {
                return secret("Enter passphrase for key '" + identity + "': ");
            }

            @Override
            public Optional<char[]> password(String destination) {
                return secret(destination + "'s password: ");
            }
        };
    }

    private static Optional<char[]> secret(String prompt) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        PrintWriter tty = sink(console);
        tty.print(prompt);
        tty.flush();
        return Optional.ofNullable(console.readPassword());
    }

    private static PrintWriter sink(Console console) {
        return TerminalSink.printWriter(console.writer());
    }
}
