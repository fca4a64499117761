package org.qatwb.ssh;

import java.time.Duration;

/** What a {@link ReconnectingStream} is doing, as reported to its {@link StreamStateListener}. */
public sealed interface StreamState {

    /** Opening the stream (connecting first when the connection is down). */
    record Connecting(int attempt) implements StreamState {
    }

    /** The stream is open and delivering. */
    record Connected() implements StreamState {
    }

    /** The stream or the connection went away. */
    record Lost(String reason) implements StreamState {
    }

    /** Waiting {@code delay} before attempt number {@code attempt}. */
    record Retrying(Duration delay, int attempt) implements StreamState {
    }

    /**
     * Given up for good: the host key or authentication failed, which retrying cannot fix (and
     * should not re-ask about); {@code cause} says which.
     */
    record Failed(NasConnectionException cause) implements StreamState {
    }

    /** {@link ReconnectingStream#close()} was called; nothing follows. */
    record Stopped() implements StreamState {
    }
}
