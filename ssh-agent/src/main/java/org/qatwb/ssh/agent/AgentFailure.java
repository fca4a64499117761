package org.qatwb.ssh.agent;

/**
 * The agent did not give a usable answer: it refused its arguments, it died, or its output could
 * not be read. The message is one line for the user; the connection itself may be fine.
 */
public final class AgentFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public AgentFailure(String message) {
        super(message);
    }

    public AgentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
