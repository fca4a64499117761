package org.qatwb.ssh;

/** Receives a {@link ReconnectingStream}'s state changes, on its supervisor thread, in order. */
@FunctionalInterface
public interface StreamStateListener {

    void onState(StreamState state);
}
