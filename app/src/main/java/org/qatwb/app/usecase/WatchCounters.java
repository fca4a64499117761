package org.qatwb.app.usecase;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.qatwb.model.doctor.Observation;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.StreamState;
import org.qatwb.ssh.agent.AgentClient;

/**
 * The doctor's observation where no stream runs yet (the CLI): a stream of its own, one sample a
 * second as the window's, fed to a {@link CounterObservation}; bounded by the span plus a grace for
 * a slow NAS or a reconnect. Blocks.
 */
public final class WatchCounters {

    /** The stream's interval: the window's too, so that both watch with the same resolution. */
    public static final int INTERVAL_MS = 1000;
    /** How long past the observation the samples may take (a slow NAS, a reconnect). */
    public static final Duration GRACE = Duration.ofSeconds(30);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private WatchCounters() {
    }

    /**
     * Watches the counters for {@code seconds} on the NAS's clock. Never throws for the NAS: a
     * stream that fails, or samples that do not cover the span in time, give an
     * {@link Observation.Unusable} saying so in one line.
     */
    public static Observation observe(AgentClient agent, int seconds, Duration grace) throws InterruptedException {
        CounterObservation watch = new CounterObservation(Duration.ofSeconds(seconds));
        BlockingQueue<StreamSample> samples = new LinkedBlockingQueue<>();
        AtomicReference<String> failed = new AtomicReference<>();
        ReconnectingStream stream = agent.stream(INTERVAL_MS, samples::add, state -> {
            if (state instanceof StreamState.Failed f) {
                failed.set(Snippet.failure(f.cause()));
            }
        });
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).plus(grace).toNanos();
            while (failed.get() == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new Observation.Unusable(timedOut(seconds, grace));
                }
                StreamSample s = samples.poll(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
                if (s != null) {
                    Optional<Observation> o = watch.offer(s);
                    if (o.isPresent()) {
                        return o.get();
                    }
                }
            }
            return new Observation.Unusable("the stream of counters failed: " + failed.get());
        } finally {
            stream.close();
        }
    }

    static String timedOut(int seconds, Duration grace) {
        return "the samples of the counters did not span " + seconds + " s of the NAS's clock within " + seconds
                + " s + " + grace.toSeconds() + " s";
    }
}
