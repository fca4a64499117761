package org.qatwb.ssh;

/** How an {@link ExecStream} ended; delivered once, last, to {@link StreamListener#onEnd}. */
public sealed interface StreamEnd {

    /** The remote command ended by itself; {@code exitStatus} -1 when it had none (killed by a signal). */
    record Exited(int exitStatus) implements StreamEnd {
    }

    /** {@link ExecStream#close()} ended it. */
    record Closed() implements StreamEnd {
    }

    /** The connection went away under it. */
    record Lost(String reason) implements StreamEnd {
    }

    /** The client gave up on it: the listener threw, or fell too far behind. */
    record Failed(String reason) implements StreamEnd {
    }
}
