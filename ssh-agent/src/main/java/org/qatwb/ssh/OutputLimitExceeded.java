package org.qatwb.ssh;

/** The command printed more on stdout than the client accepts for one request; its channel was closed. */
public final class OutputLimitExceeded extends ExecException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    OutputLimitExceeded(String what, long limit) {
        super(what + " printed more than " + Durations.bytes(limit) + " on stdout, the limit for one request;"
                + " it was stopped");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
