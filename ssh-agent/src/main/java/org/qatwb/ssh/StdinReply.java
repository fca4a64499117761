package org.qatwb.ssh;

import java.util.Arrays;

/**
 * What an exec answers on its stdin, once: when its stdout has shown {@code trigger} (anywhere,
 * across chunks), {@code answer} is written and stdin is closed. The agent's apply waits for the
 * client's go this way; the trigger holds the request's random boundary, so no bytes the NAS
 * prints from its files can fake it.
 */
public record StdinReply(byte[] trigger, byte[] answer) {

    public StdinReply {
        if (trigger.length == 0) {
            throw new IllegalArgumentException("empty trigger");
        }
        trigger = trigger.clone();
        answer = answer.clone();
    }

    @Override
    public byte[] trigger() {
        return trigger.clone();
    }

    @Override
    public byte[] answer() {
        return answer.clone();
    }

    /** A matcher over one exec's stdout. */
    public Watch watch() {
        return new Watch(trigger);
    }

    /** Finds the trigger in a stream of chunks; keeps only the bytes a match may still need. */
    public static final class Watch {
        private final byte[] trigger;
        private byte[] tail = new byte[0];
        private boolean seen;

        Watch(byte[] trigger) {
            this.trigger = trigger;
        }

        /** True exactly once: on the chunk that completes the trigger. */
        public synchronized boolean feed(byte[] b, int off, int len) {
            if (seen) {
                return false;
            }
            byte[] window = Arrays.copyOf(tail, tail.length + len);
            System.arraycopy(b, off, window, tail.length, len);
            for (int i = 0; i + trigger.length <= window.length; i++) {
                if (Arrays.equals(window, i, i + trigger.length, trigger, 0, trigger.length)) {
                    seen = true;
                    tail = new byte[0];
                    return true;
                }
            }
            int keep = Math.min(window.length, trigger.length - 1);
            tail = Arrays.copyOfRange(window, window.length - keep, window.length);
            return false;
        }
    }
}
