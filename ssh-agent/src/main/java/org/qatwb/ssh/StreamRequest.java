package org.qatwb.ssh;

/**
 * One (re)opening of a stream: the command, its stdin prefix, and who receives this opening's
 * output. A {@link ReconnectingStream} asks for a new one each time, because an agent request
 * needs a fresh boundary (and so a fresh parser) on every exec.
 */
public record StreamRequest(String command, byte[] stdinPrefix, StreamListener listener) {

    public StreamRequest {
        stdinPrefix = stdinPrefix.clone();
    }

    @Override
    public byte[] stdinPrefix() {
        return stdinPrefix.clone();
    }
}
