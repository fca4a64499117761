package org.qatwb.app.usecase;

import java.time.Duration;
import java.util.Optional;
import org.qatwb.model.doctor.Observation;
import org.qatwb.model.kstat.CounterRates;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.kstat.RateTracker;
import org.qatwb.model.snapshot.StreamSample;

/**
 * The doctor's watch of the QAT counters for {@code zfs.offload-active}, the one rule for the CLI
 * and the window: fed stream samples from any source (the CLI's own stream, the window's live
 * one), it yields an {@link Observation} once the NAS's clock has advanced by the span since the
 * first usable sample. A sample without counters or time is a gap: the watch starts afresh after
 * it; one at the same instant as the previous is passed over. A reset on the way (a counter went down: zfs.ko reloaded; the clock went back: a reboot)
 * yields an unusable observation at once, as {@link RateTracker} gives no rate across one.
 * Not thread safe: feed it from one thread.
 */
public final class CounterObservation {

    /** How long the doctor watches, in both front ends (the CLI's {@code --observe} default). */
    public static final Duration DEFAULT = Duration.ofSeconds(5);

    private final long spanNanos;
    private final RateTracker tracker = new RateTracker();
    private long baseNanos;
    private long lastNanos;
    private QatKstat base;

    /** @param span how far the NAS's clock must advance; more than zero */
    public CounterObservation(Duration span) {
        if (span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("an observation takes time: " + span);
        }
        this.spanNanos = span.toNanos();
    }

    /** Watching for {@link #DEFAULT}. */
    public CounterObservation() {
        this(DEFAULT);
    }

    /**
     * Takes the next sample; the observation when this one completes it (the watch then starts
     * afresh with the next sample), else empty.
     */
    public Optional<Observation> offer(StreamSample s) {
        if (s.kstat().isEmpty() || s.uptimeNanos().isEmpty()) {
            reset();
            return Optional.empty();
        }
        long nanos = s.uptimeNanos().getAsLong();
        QatKstat kstat = s.kstat().get();
        if (base != null && nanos == lastNanos) {
            // the same instant again (a repeated tick): nothing to learn, wait for the clock to move
            return Optional.empty();
        }
        Optional<CounterRates> step = tracker.next(nanos, kstat);
        lastNanos = nanos;
        if (base == null) {
            base = kstat;
            baseNanos = nanos;
            return Optional.empty();
        }
        if (step.isEmpty()) {
            reset();
            return Optional.of(Observation.ofRates(Optional.empty()));
        }
        if (nanos - baseNanos < spanNanos) {
            return Optional.empty();
        }
        Observation o = Observation.ofRates(CounterRates.between(baseNanos, base, nanos, kstat));
        reset();
        return Optional.of(o);
    }

    /** Whether a first usable sample has been taken (the watch is under way). */
    public boolean started() {
        return base != null;
    }

    /** Forgets what was taken: the next usable sample starts the watch. */
    public void reset() {
        base = null;
        tracker.reset();
    }
}
