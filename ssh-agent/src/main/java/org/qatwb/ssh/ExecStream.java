package org.qatwb.ssh;

import com.jcraft.jsch.ChannelExec;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One long-running remote command (the agent's {@code stream}) whose stdout is delivered as it
 * arrives. Its stdin stays open after the prefix: closing it is how the client tells the command
 * to stop ({@link #close()}).
 */
public final class ExecStream implements AutoCloseable {

    private sealed interface Event {
    }

    private record Out(byte[] bytes) implements Event {
    }

    private record Err(byte[] bytes) implements Event {
    }

    private record End(StreamEnd end) implements Event {
    }

    private final String destination;
    private final SessionSettings settings;
    private final StreamListener listener;
    private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong stderrSeen = new AtomicLong();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final CountDownLatch delivered = new CountDownLatch(1);
    private final ChannelOutput output;
    private volatile boolean overflow;
    private volatile String listenerFailure;
    private volatile ChannelExec channel;
    private volatile OutputStream stdin;
    private volatile Thread delivery;

    private ExecStream(String destination, SessionSettings settings, StreamListener listener) {
        this.destination = destination;
        this.settings = settings;
        this.listener = listener;
        this.output = new ChannelOutput(this::stdoutChunk, this::stderrChunk, this::channelClosed);
    }

    /** Opens the channel, writes {@code stdinPrefix}, and starts delivering (see {@link NasSession#openStream}). */
    static ExecStream open(NasSession.Channels channels, String command, byte[] stdinPrefix, StreamListener listener,
            SessionSettings settings) throws NasConnectionException {
        ExecStream s = new ExecStream(channels.destination(), settings, listener);
        s.delivery = new Thread(s::deliver, "qatwb-stream " + channels.destination());
        s.delivery.setDaemon(true);
        s.delivery.start();
        try {
            s.channel = channels.openExec(command, s.output);
        } catch (NasConnectionException e) {
            s.delivery.interrupt();
            throw e;
        }
        try {
            s.stdin = s.channel.getOutputStream();
            s.stdin.write(stdinPrefix);
            s.stdin.flush();
        } catch (IOException e) {
            // the channel closed while the prefix was written: its end event says why
        }
        return s;
    }

    private void stdoutChunk(byte[] b, int off, int len) throws IOException {
        if (queued.addAndGet(len) > settings.maxQueuedStreamBytes()) {
            overflow = true;
            throw new IOException("listener too slow");
        }
        byte[] copy = new byte[len];
        System.arraycopy(b, off, copy, 0, len);
        queue.add(new Out(copy));
    }

    private void stderrChunk(byte[] b, int off, int len) {
        long before = stderrSeen.getAndAdd(len);
        long room = settings.maxStderrBytes() - before;
        if (room > 0) {
            byte[] copy = new byte[(int) Math.min(len, room)];
            System.arraycopy(b, off, copy, 0, copy.length);
            queue.add(new Err(copy));
        }
    }

    private void channelClosed() {
        queue.add(new End(endReason()));
    }

    private StreamEnd endReason() {
        if (listenerFailure != null) {
            return new StreamEnd.Failed(listenerFailure);
        }
        if (overflow) {
            return new StreamEnd.Failed("more than " + Durations.bytes(settings.maxQueuedStreamBytes())
                    + " of output waiting for a slow listener");
        }
        if (closeRequested.get()) {
            return new StreamEnd.Closed();
        }
        ChannelExec c = channel;
        int status = c == null ? -1 : c.getExitStatus();
        if (status >= 0 || output.remoteEof()) {
            return new StreamEnd.Exited(status);
        }
        return new StreamEnd.Lost("the connection to " + destination + " was lost");
    }

    private void deliver() {
        try {
            while (true) {
                Event e = queue.take();
                if (e instanceof End end) {
                    safely(() -> listener.onEnd(end.end()));
                    return;
                }
                if (listenerFailure != null) {
                    continue; // drain until the end event; the channel is already being closed
                }
                if (e instanceof Out out) {
                    safely(() -> listener.onData(out.bytes()));
                    queued.addAndGet(-out.bytes().length);
                } else if (e instanceof Err err) {
                    safely(() -> listener.onStderr(err.bytes()));
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } finally {
            delivered.countDown();
        }
    }

    private void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            if (listenerFailure == null) {
                listenerFailure = "the listener failed: " + e;
                ChannelExec c = channel;
                if (c != null) {
                    c.disconnect();
                }
            }
        }
    }

    /** Whether the remote command is still connected to this stream. */
    public boolean isOpen() {
        return !output.isClosed();
    }

    /** Waits until {@link StreamListener#onEnd} has been called; false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return delivered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Closes only the command's stdin (it reads end of file) and goes on delivering its output until
     * it ends by itself: how a benchmark is told to stop while its clean-up is still reported.
     */
    public void closeInput() {
        try {
            OutputStream in = stdin;
            if (in != null) {
                in.close(); // SSH_MSG_CHANNEL_EOF
            }
        } catch (IOException e) {
            // already gone
        }
    }

    /**
     * Closes the command's stdin (it reads end of file), gives it {@link SessionSettings#streamCloseGrace()}
     * to exit, then closes the channel. Returns once the listener has had its {@code onEnd} (unless
     * called from the listener itself). Idempotent.
     */
    @Override
    public void close() {
        if (!closeRequested.compareAndSet(false, true)) {
            return;
        }
        try {
            if (stdin != null) {
                stdin.close(); // SSH_MSG_CHANNEL_EOF
            }
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!output.awaitClosed(settings.streamCloseGrace().toMillis())) {
                channel.disconnect();
            }
            if (Thread.currentThread() != delivery) {
                delivered.await(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            channel.disconnect();
            Thread.currentThread().interrupt();
        }
    }
}
