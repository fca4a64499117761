package org.qatwb.ssh;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.qatwb.model.parse.Snippet;

/**
 * Keeps a stream open across connection losses: when the stream ends for any reason other than
 * {@link #close()}, it reconnects the session if needed and opens a new stream, waiting
 * {@link Backoff} between attempts (reset once a stream delivered data). Host key and
 * authentication failures stop it for good ({@link StreamState.Failed}): retrying cannot fix them,
 * and must not ask the user again and again.
 *
 * <p>One supervisor thread per instance reports every state change, in order.
 */
public final class ReconnectingStream implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ReconnectingStream.class.getName());

    private final NasSession session;
    private final Supplier<StreamRequest> requests;
    private final StreamStateListener states;
    private final Backoff backoff;
    private final DoubleSupplier random;
    private final Object lock = new Object();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread supervisor;
    private ExecStream current;
    private boolean currentEnded;

    private ReconnectingStream(NasSession session, Supplier<StreamRequest> requests, StreamStateListener states,
            Backoff backoff, DoubleSupplier random) {
        this.session = session;
        this.requests = requests;
        this.states = states;
        this.backoff = backoff;
        this.random = random;
        this.supervisor = new Thread(this::run, "qatwb-reconnect " + session.spec().destination());
        this.supervisor.setDaemon(true);
    }

    /** Starts supervising; the first state reported is {@link StreamState.Connecting}. */
    public static ReconnectingStream start(NasSession session, Supplier<StreamRequest> requests,
            StreamStateListener states, Backoff backoff) {
        return start(session, requests, states, backoff, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** As {@link #start(NasSession, Supplier, StreamStateListener, Backoff)} with a given jitter source (tests). */
    public static ReconnectingStream start(NasSession session, Supplier<StreamRequest> requests,
            StreamStateListener states, Backoff backoff, DoubleSupplier random) {
        ReconnectingStream r = new ReconnectingStream(session, requests, states, backoff, random);
        r.supervisor.start();
        return r;
    }

    private void run() {
        int attempt = 0;
        try {
            while (!stopped.get() && !session.isClosed()) {
                report(new StreamState.Connecting(attempt + 1));
                boolean gotData = false;
                String lost;
                try {
                    session.ensureConnected();
                    StreamRequest req = requests.get();
                    AtomicBoolean data = new AtomicBoolean();
                    StreamEnd[] end = new StreamEnd[1];
                    ExecStream s = session.openStream(req.command(), req.stdinPrefix(),
                            new Forwarder(req.listener(), data, end));
                    synchronized (lock) {
                        current = s;
                        currentEnded = false;
                    }
                    report(new StreamState.Connected());
                    synchronized (lock) {
                        while (!currentEnded && !stopped.get()) {
                            lock.wait();
                        }
                        current = null;
                    }
                    if (stopped.get()) {
                        s.close();
                        break;
                    }
                    gotData = data.get();
                    lost = describe(end[0]);
                } catch (HostKeyUnknown | HostKeyChanged | HostKeyRevoked | AuthenticationFailed e) {
                    report(new StreamState.Failed(e));
                    return;
                } catch (NasConnectionException e) {
                    lost = Snippet.failure(e);
                } catch (RuntimeException e) {
                    if (session.isClosed()) {
                        break; // the session was closed under us: nothing to reconnect
                    }
                    lost = e.toString(); // a failing request supplier: retried like a loss, with backoff
                }
                report(new StreamState.Lost(lost));
                attempt = gotData ? 1 : attempt + 1;
                Duration delay = backoff.delay(attempt, random);
                report(new StreamState.Retrying(delay, attempt + 1));
                synchronized (lock) {
                    long until = System.nanoTime() + delay.toNanos();
                    long left;
                    while (!stopped.get() && (left = until - System.nanoTime()) > 0) {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        report(new StreamState.Stopped());
    }

    private static String describe(StreamEnd end) {
        if (end instanceof StreamEnd.Lost l) {
            return l.reason();
        }
        if (end instanceof StreamEnd.Failed f) {
            return f.reason();
        }
        if (end instanceof StreamEnd.Exited x) {
            return "the remote command ended (exit status " + x.exitStatus() + ")";
        }
        return "the stream ended";
    }

    private void report(StreamState s) {
        log(s);
        try {
            states.onState(s);
        } catch (RuntimeException e) {
            // a failing observer must not stop the supervision it observes; it is a bug, so it is logged
            LOG.log(System.Logger.Level.WARNING, "a live stream's observer failed: " + Snippet.failure(e), e);
        }
    }

    /** The live stream's life in the log: opened, lost and why, retried, given up, stopped. */
    private void log(StreamState s) {
        String where = "live stream on " + session.spec().destination();
        if (s instanceof StreamState.Connected) {
            LOG.log(System.Logger.Level.INFO, where + ": open");
        } else if (s instanceof StreamState.Lost l) {
            LOG.log(System.Logger.Level.WARNING, where + ": lost (" + l.reason() + ")");
        } else if (s instanceof StreamState.Failed f) {
            LOG.log(System.Logger.Level.WARNING, where + ": given up (" + Snippet.failure(f.cause()) + ")");
        } else if (s instanceof StreamState.Retrying r) {
            LOG.log(System.Logger.Level.DEBUG, where + ": attempt " + r.attempt() + " in " + r.delay().toMillis() + " ms");
        } else if (s instanceof StreamState.Stopped) {
            LOG.log(System.Logger.Level.INFO, where + ": closed");
        }
    }

    /**
     * Gives up the stream that is open now, for one that reads cleanly: the supervisor sees it end
     * and opens a new one after the usual backoff. For a reader that found garbage in the output.
     * Closes on a thread of its own, so that a listener may call it from its delivery thread.
     */
    public void reopen() {
        ExecStream s;
        synchronized (lock) {
            s = current;
        }
        if (s != null) {
            Thread t = new Thread(s::close, "qatwb-stream-reopen");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Stops: closes the current stream (its stdin first) and ends the supervisor; idempotent. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        ExecStream s;
        synchronized (lock) {
            s = current;
            lock.notifyAll();
        }
        if (s != null && Thread.currentThread() != supervisor) {
            s.close();
        }
        if (Thread.currentThread() != supervisor) {
            try {
                supervisor.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Passes everything to this opening's listener and wakes the supervisor at the end. */
    private final class Forwarder implements StreamListener {
        private final StreamListener target;
        private final AtomicBoolean data;
        private final StreamEnd[] end;

        Forwarder(StreamListener target, AtomicBoolean data, StreamEnd[] end) {
            this.target = target;
            this.data = data;
            this.end = end;
        }

        @Override
        public void onData(byte[] chunk) {
            data.set(true);
            target.onData(chunk);
        }

        @Override
        public void onStderr(byte[] chunk) {
            target.onStderr(chunk);
        }

        @Override
        public void onEnd(StreamEnd e) {
            try {
                target.onEnd(e);
            } finally {
                synchronized (lock) {
                    end[0] = e;
                    currentEnded = true;
                    lock.notifyAll();
                }
            }
        }
    }
}
