package org.qatwb.ssh;

/**
 * Receives a stream's output as it arrives, on the stream's own delivery thread (one per stream,
 * calls in order, never concurrently). A slow listener delays only its own stream; one that falls
 * more than {@link SessionSettings#maxQueuedStreamBytes()} behind ends it with {@link StreamEnd.Failed}.
 */
public interface StreamListener {

    /** A chunk of stdout, as it came off the wire (not aligned to lines or frames). */
    void onData(byte[] chunk);

    /** A chunk of stderr (up to the stderr cap in all). */
    default void onStderr(byte[] chunk) {
    }

    /** The stream is over; nothing is delivered after this. */
    default void onEnd(StreamEnd end) {
    }
}
