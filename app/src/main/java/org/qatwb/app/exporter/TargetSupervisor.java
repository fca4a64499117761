package org.qatwb.app.exporter;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.qatwb.app.logging.AppLogging;
import org.qatwb.app.usecase.CounterObservation;
import org.qatwb.app.usecase.Diagnose;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.doctor.Observation;
import org.qatwb.model.metrics.TargetState;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.ssh.AuthenticationFailed;
import org.qatwb.ssh.Backoff;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.HostKeyChanged;
import org.qatwb.ssh.HostKeyRevoked;
import org.qatwb.ssh.HostKeyUnknown;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.SessionSettings;
import org.qatwb.ssh.StreamState;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;

/**
 * Keeps one NAS read, forever, on a thread of its own: connects (keys and the agent only; nobody is
 * asked anything), opens the agent's stream ({@link ReconnectingStream}, which reconnects the same
 * session by itself), reads a snapshot at start, every {@link ExporterSettings#snapshotInterval()}
 * and after every reconnect (as execs on that one session), runs the doctor as the CLI and the
 * window do ({@link Diagnose}, its {@code zfs.offload-active} fed by the stream's samples), and
 * publishes each change as a new immutable {@link TargetState}. A scrape only reads {@link #state()}.
 *
 * <p>A refused host key or failed authentication ends the stream for good ({@link StreamState.Failed}):
 * the supervisor then starts over with a new connection at the longest backoff, so that a key added
 * to known_hosts later is picked up without a restart, without hammering the NAS meanwhile.
 */
public final class TargetSupervisor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TargetSupervisor.class.getName());

    /** Between connect attempts: 1 s doubling to 60 s, up to 30 % shorter so that many exporters spread out. */
    static final Backoff CONNECT_BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.3);

    private final ExporterTarget target;
    private final ExporterSettings settings;
    private final Consumer<String> events;
    private final LongSupplier clock;
    private final AtomicReference<TargetState> state;
    private final Thread thread;
    private final Object lock = new Object();
    // everything below is guarded by lock
    private final CounterObservation watch;
    private Optional<Observation> observation = Optional.empty();
    private boolean snapshotWanted = true;
    private boolean gaveUp;
    private boolean stopped;
    private boolean reconnecting;
    private boolean lost;
    private String problem = "connecting";
    private long ticks;
    private boolean failedOnce;
    private ReconnectingStream stream;
    private NasSession session;

    /**
     * @param events hears one line at every change worth telling the user (up, lost, refused); on
     *               the supervisor's threads, never a secret
     * @param clock  the wall clock in epoch milliseconds (what {@code _age_seconds} is measured on)
     */
    public TargetSupervisor(ExporterTarget target, ExporterSettings settings, Consumer<String> events, LongSupplier clock) {
        this.target = target;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.watch = new CounterObservation(settings.observation());
        this.state = new AtomicReference<>(TargetState.starting(target.nas()));
        this.thread = new Thread(this::run, "qatwb-exporter " + target.nas());
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public ExporterTarget target() {
        return target;
    }

    /** What is known now; never waits for the NAS. */
    public TargetState state() {
        return state.get();
    }

    /** What keeps the target from being read, one line; empty while it is read. */
    public String problem() {
        synchronized (lock) {
            return problem;
        }
    }

    /** Stream ticks received since start. */
    public long ticks() {
        synchronized (lock) {
            return ticks;
        }
    }

    /** Whether a failure to connect or read has been seen since start (the target may be up again since). */
    public boolean failedOnce() {
        synchronized (lock) {
            return failedOnce;
        }
    }

    private void run() {
        int attempt = 0;
        while (!isStopped()) {
            NasSession s;
            try {
                s = NasSession.connect(target.spec(), SessionSettings.defaults().withLog(AppLogging.sshLog()),
                        Optional.empty(), Credentials.none());
            } catch (NasConnectionException | RuntimeException e) {
                failed(e);
                attempt++;
                if (!pause(CONNECT_BACKOFF.delay(attempt, () -> ThreadLocalRandom.current().nextDouble()))) {
                    return;
                }
                continue;
            }
            attempt = 0;
            connected();
            AgentClient agent = new AgentClient(s, target.sudo());
            ReconnectingStream st = agent.stream(settings.intervalMs(), this::onSample, st2 -> onStreamState(s, st2));
            synchronized (lock) {
                session = s;
                stream = st;
            }
            try {
                readSnapshots(agent); // returns at once when close() came meanwhile
            } finally {
                st.close();
                s.close();
                synchronized (lock) {
                    stream = null;
                    session = null;
                }
            }
            if (!isStopped() && !pause(CONNECT_BACKOFF.max())) {
                return;
            }
        }
    }

    /** Reads a snapshot when one is due or wanted, until the stream gives up or the supervisor stops. */
    private void readSnapshots(AgentClient agent) {
        long next = 0;
        while (true) {
            synchronized (lock) {
                try {
                    long left;
                    while (!stopped && !gaveUp && !snapshotWanted && (left = next - System.nanoTime()) > 0) {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (stopped || gaveUp) {
                    gaveUp = false;
                    return;
                }
                snapshotWanted = false;
            }
            next = System.nanoTime() + settings.snapshotInterval().toNanos();
            readSnapshot(agent);
        }
    }

    private void readSnapshot(AgentClient agent) {
        // stamped with when the read BEGAN: a tick that arrived while it ran may have read the kstat
        // after the snapshot did, and the renderer takes the counters from the newer of the two
        long began = clock.getAsLong();
        long t0 = System.nanoTime();
        NasSnapshot snapshot;
        try {
            snapshot = agent.snapshot();
        } catch (NasConnectionException | AgentFailure e) {
            // the stream reports a lost connection by itself and a new snapshot is read after it is back
            LOG.log(System.Logger.Level.INFO, "exporter: no snapshot of " + target.nas() + ": " + Snippet.failure(e));
            return;
        }
        long took = System.nanoTime() - t0;
        synchronized (lock) {
            DoctorReport report = observation.map(o -> Diagnose.examine(snapshot, o))
                    .orElseGet(() -> Diagnose.examine(snapshot));
            state.set(state.get().withSnapshot(snapshot, took, began, Optional.of(report)));
        }
    }

    private void onSample(StreamSample sample) {
        long now = clock.getAsLong();
        synchronized (lock) {
            if (stopped) {
                return;
            }
            ticks++;
            TargetState s = state.get().withUp(true).withSample(sample, now);
            Optional<Observation> o = watch.offer(sample);
            if (o.isPresent()) {
                observation = o;
                if (s.snapshot().isPresent()) {
                    s = s.withDoctor(Diagnose.examine(s.snapshot().get(), o.get()));
                }
            }
            state.set(s);
            if (!problem.isEmpty()) {
                problem = "";
                events.accept(target.nas() + ": up (" + target.spec().destination() + ")");
            }
        }
    }

    private void onStreamState(NasSession s, StreamState st) {
        synchronized (lock) {
            if (st instanceof StreamState.Connecting) {
                // ReconnectingStream connects the session again only when it is down: then this is a new connection
                reconnecting = !s.isConnected();
            } else if (st instanceof StreamState.Connected) {
                if (reconnecting) {
                    reconnecting = false;
                    countConnect();
                }
                if (lost) {
                    lost = false;
                    snapshotWanted = true; // the NAS may have rebooted: devices, parameters, kstat all anew
                    lock.notifyAll();
                }
            } else if (st instanceof StreamState.Lost l) {
                lost = true;
                watch.reset();
                down(l.reason());
            } else if (st instanceof StreamState.Failed f) {
                gaveUp = true;
                down(refusal(f.cause()));
                lock.notifyAll();
            }
        }
    }

    private void connected() {
        synchronized (lock) {
            countConnect();
        }
    }

    private void countConnect() {
        state.set(state.get().connected());
    }

    private void failed(Exception e) {
        synchronized (lock) {
            down(e instanceof NasConnectionException n ? refusal(n) : Snippet.failure(e));
        }
    }

    /** Tells a new problem once (not at every retry of the same one). */
    private void down(String why) {
        failedOnce = true;
        if (!why.equals(problem)) {
            problem = why;
            events.accept(target.nas() + ": not read (" + why + ")");
            LOG.log(System.Logger.Level.WARNING, "exporter: " + target.nas() + " not read: " + why);
        }
    }

    /** The one line for a failure, with what to do where the exporter cannot ask. */
    private String refusal(NasConnectionException e) {
        String dest = target.spec().destination();
        if (e instanceof HostKeyUnknown) {
            return "the host key of " + dest + " is not known: connect once with 'qatwb snapshot --host " + target.spec().host()
                    + " --accept-new' (after checking its fingerprint) or give the exporter --accept-new";
        }
        if (e instanceof HostKeyChanged || e instanceof HostKeyRevoked || e instanceof AuthenticationFailed) {
            return Snippet.oneLine(Snippet.failure(e));
        }
        return Snippet.failure(e);
    }

    private boolean isStopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    /** Waits {@code d} unless stopped first; false when stopped. */
    private boolean pause(Duration d) {
        synchronized (lock) {
            long until = System.nanoTime() + d.toNanos();
            long left;
            try {
                while (!stopped && (left = until - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !stopped;
        }
    }

    /** Stops: closes the stream and the session, ends the thread (waiting for it a little). */
    @Override
    public void close() {
        ReconnectingStream st;
        NasSession s;
        synchronized (lock) {
            stopped = true;
            st = stream;
            s = session;
            lock.notifyAll();
        }
        if (st != null) {
            st.close();
        }
        if (s != null) {
            s.close();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
