package org.qatwb.sim.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH exec run as a real process, {@code /bin/sh -c COMMAND}, as sshd does it: the channel's
 * stdin, stdout and stderr wired to the process by blocking pumps (no polling, so no latency
 * added), stdin's end of file passed on when the client closes it, the exit status returned once
 * all output is sent.
 *
 * <p>A channel that closes first (the client went away) is a hang-up as OpenSSH's sshd does it for
 * an exec without a pty: no signal, only the pipes closed (session.c {@code session_close_by_channel}
 * and serverloop.c {@code server_loop2}: {@code channel_free_all} closes the channel's descriptors,
 * {@code session_destroy_all} signals nobody; the one {@code killpg} is {@code session_signal_req},
 * a signal the client asked for). The process reads end of file on stdin, and its writes fail with
 * EPIPE once the pumps are gone. Only the server going down ({@link #kill()}) ends the process tree.
 */
final class ExecCommand implements Command {

    private static final int BUFFER = 32 * 1024;

    private final String command;
    private final ExecContext ctx;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Process process;
    private volatile boolean destroyed;

    ExecCommand(String command, ExecContext ctx) {
        this.command = command;
        this.ctx = ctx;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        ctx.live().add(this);
        // never block MINA's I/O thread: start (and wait) on the pool
        ctx.pool().execute(this::run);
    }

    private void run() {
        int rc = 255;
        String failure = null;
        try {
            Duration delay = ctx.delay().get();
            if (!delay.isZero() && !delay.isNegative()) {
                Thread.sleep(delay.toMillis());
            }
            if (destroyed) {
                return;
            }
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).directory(ctx.workDir().toFile());
            pb.environment().clear();
            pb.environment().putAll(ctx.env());
            Process p = pb.start();
            process = p;
            CountDownLatch outputs = new CountDownLatch(2);
            ctx.pool().execute(() -> pump(p.getInputStream(), out, outputs));
            ctx.pool().execute(() -> pump(p.getErrorStream(), err, outputs));
            ctx.pool().execute(() -> feed(in, p.getOutputStream()));
            if (destroyed) {
                hangUp(p);
            }
            rc = p.waitFor();
            outputs.await(); // everything the process wrote goes out before the exit status
        } catch (IOException e) {
            failure = "sh: " + e.getMessage();
            rc = 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ctx.live().remove(this);
            if (!destroyed) {
                if (failure != null) {
                    try {
                        err.write((failure + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        err.flush();
                    } catch (IOException ignored) {
                        // the channel is going anyway
                    }
                }
                exit.onExit(rc);
            }
        }
    }

    /**
     * Process output to the channel, flushed at every read so that a stream reaches the client at
     * once. After a hang-up it stops at its next read and closes the pipe's read end: a read already
     * waiting in the kernel takes one more write, every later one fails with EPIPE (the process's
     * SIGPIPE), as on an sshd whose connection dropped.
     */
    private void pump(InputStream from, OutputStream to, CountDownLatch done) {
        byte[] buf = new byte[BUFFER];
        try (from) {
            int n;
            while (!destroyed && (n = from.read(buf)) >= 0) {
                if (destroyed) {
                    break;
                }
                to.write(buf, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // the channel closed: drain nothing more
        } finally {
            done.countDown();
        }
    }

    /** The client's stdin to the process; its end of file closes the process's stdin. */
    private static void feed(InputStream from, OutputStream to) {
        byte[] buf = new byte[BUFFER];
        try (to) {
            int n;
            while ((n = from.read(buf)) >= 0) {
                to.write(buf, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // the process closed its stdin or exited, or the channel closed
        }
    }

    /** The channel closed before the process ended: the client went away. A hang-up, no signal. */
    @Override
    public void destroy(ChannelSession channel) {
        destroyed = true;
        Process p = process;
        if (p != null) {
            hangUp(p);
        }
    }

    /** The process's stdin at end of file, its stdout and stderr read no more (see {@link #pump}). */
    private static void hangUp(Process p) {
        for (java.io.Closeable c : new java.io.Closeable[] {p.getOutputStream(), p.getInputStream(), p.getErrorStream()}) {
            try {
                c.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }

    /** Ends the process tree: the server stops (the NAS goes down), which is not a dropped client. */
    void kill() {
        destroyed = true;
        Process p = process;
        if (p != null && p.isAlive()) {
            ProcessTree.terminate(p.toHandle());
        }
    }
}
