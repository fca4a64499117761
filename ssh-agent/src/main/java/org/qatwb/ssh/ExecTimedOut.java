package org.qatwb.ssh;

import java.time.Duration;

/** The command did not finish in time; its channel was closed (and the process signalled where the server allows). */
public final class ExecTimedOut extends ExecException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    ExecTimedOut(String what, Duration timeout) {
        super(what + " did not finish within " + Durations.text(timeout) + "; it was stopped");
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
