package org.qatwb.ssh;

/** A command ran but its result cannot be used: it took too long, printed more than the cap, or was cancelled. */
public abstract sealed class ExecException extends Exception permits ExecTimedOut, OutputLimitExceeded, ExecInterrupted {
    private static final long serialVersionUID = 1L;

    ExecException(String message) {
        super(message);
    }
}
