package org.qatwb.ssh;

import com.jcraft.jsch.Channel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The two output streams JSch writes a channel's stdout and stderr into, and how the channel ended.
 *
 * <p>JSch calls these from its session thread, which also serves every other channel and the
 * keepalives: nothing here blocks. Only stdout may refuse data (an {@link IOException} past a cap),
 * on which JSch closes that channel; stderr never throws, because JSch does not catch there.
 *
 * <p>JSch closes stdout at the remote's EOF and again (harmlessly) when the channel goes away, and
 * stderr only when the channel goes away, from a remote close, our own disconnect, or the whole
 * session dropping. Whether stdout saw a real EOF (the channel was still connected) is what tells a
 * command that ended from a connection that died under it.
 */
final class ChannelOutput {

    /** Receives bytes; may throw only to refuse stdout beyond a cap. */
    interface Sink {
        void write(byte[] b, int off, int len) throws IOException;
    }

    private final CountDownLatch closed = new CountDownLatch(1);
    private final Runnable onClosed;
    private volatile Channel channel;
    private volatile boolean remoteEof;

    final OutputStream stdout;
    final OutputStream stderr;

    ChannelOutput(Sink out, Sink err, Runnable onClosed) {
        this.onClosed = onClosed;
        this.stdout = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                Channel c = channel;
                if (c != null && c.isConnected()) {
                    remoteEof = true;
                }
            }
        };
        this.stderr = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    err.write(b, off, len);
                } catch (IOException | RuntimeException e) {
                    // dropped: an exception here would end JSch's session thread
                }
            }

            @Override
            public void close() {
                if (closed.getCount() > 0) {
                    closed.countDown();
                    onClosed.run();
                }
            }
        };
    }

    void attach(Channel c) {
        channel = c;
    }

    boolean awaitClosed(long millis) throws InterruptedException {
        return closed.await(millis, TimeUnit.MILLISECONDS);
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Whether the remote sent EOF on stdout while the channel was up (it ended by itself). */
    boolean remoteEof() {
        return remoteEof;
    }
}
