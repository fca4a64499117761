package org.qatwb.ssh.hostkey;

/**
 * Asks the user about a host key {@code known_hosts} does not know. Called on the connecting
 * thread while the connection waits; a GUI implementation hands the question to its UI thread and
 * blocks until answered.
 */
@FunctionalInterface
public interface HostKeyPrompt {

    HostKeyDecision decide(UnknownHostKey key);
}
