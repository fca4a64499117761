package org.qatwb.ssh;

/** The calling thread was interrupted while the command ran; the command's channel was closed. */
public final class ExecInterrupted extends ExecException {
    private static final long serialVersionUID = 1L;

    ExecInterrupted(String what) {
        super(what + " was cancelled (thread interrupted); it was stopped");
    }
}
