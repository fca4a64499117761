package org.qatwb.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Collects up to {@code cap} bytes; beyond that refuses (stdout) or drops and remembers (stderr). */
final class CappedBuffer implements ChannelOutput.Sink {

    private final long cap;
    private final boolean refuse;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile boolean overflowed;

    CappedBuffer(long cap, boolean refuse) {
        this.cap = Math.min(cap, Integer.MAX_VALUE - 16);
        this.refuse = refuse;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        long room = cap - bytes.size();
        if (len > room) {
            overflowed = true;
            if (refuse) {
                throw new IOException("output over " + cap + " bytes");
            }
            bytes.write(b, off, (int) Math.max(0, room));
            return;
        }
        bytes.write(b, off, len);
    }

    boolean overflowed() {
        return overflowed;
    }

    synchronized byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
