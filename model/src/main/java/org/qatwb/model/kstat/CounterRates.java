package org.qatwb.model.kstat;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-second rates of the QAT counters between two timed samples (DOMAIN.md section 5).
 *
 * <p>There is no rate without two samples, none when the clock did not advance, and none when
 * any counter went down: the counters only reset when zfs.ko is reloaded, and a reset is a gap
 * in a chart, not a huge negative (or, unsigned, a huge positive) spike. A counter missing from
 * either sample has no rate; the others still do.
 *
 * @param seconds   the time between the samples
 * @param perSecond each counter's growth per second, in {@link QatCounter} order
 */
public record CounterRates(double seconds, Map<QatCounter, Double> perSecond) {

    private static final double NANOS_PER_SECOND = 1e9;

    public CounterRates {
        perSecond = Collections.unmodifiableMap(perSecond.isEmpty()
                ? new EnumMap<>(QatCounter.class) : new EnumMap<>(perSecond));
    }

    /**
     * Rates between two samples, their times in nanoseconds of one clock (the NAS's uptime).
     *
     * @return empty when {@code laterNanos <= earlierNanos} or when any counter went down
     */
    public static Optional<CounterRates> between(long earlierNanos, QatKstat earlier, long laterNanos, QatKstat later) {
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(later, "later");
        if (laterNanos <= earlierNanos) {
            return Optional.empty();
        }
        double seconds = (laterNanos - earlierNanos) / NANOS_PER_SECOND;
        Map<QatCounter, Double> rates = new EnumMap<>(QatCounter.class);
        for (Map.Entry<QatCounter, Long> e : later.known().entrySet()) {
            Long before = earlier.known().get(e.getKey());
            if (before == null) {
                continue;
            }
            if (Long.compareUnsigned(e.getValue(), before) < 0) {
                return Optional.empty(); // module reload: a gap
            }
            // unsigned difference of two unsigned values, the later one not smaller
            rates.put(e.getKey(), QatKstat.unsignedToDouble(e.getValue() - before) / seconds);
        }
        return Optional.of(new CounterRates(seconds, rates));
    }

    /** As {@link #between(long, QatKstat, long, QatKstat)} with times in seconds, as {@code /proc/uptime} prints them. */
    public static Optional<CounterRates> between(double earlierSeconds, QatKstat earlier, double laterSeconds, QatKstat later) {
        if (!Double.isFinite(earlierSeconds) || !Double.isFinite(laterSeconds)) {
            return Optional.empty();
        }
        return between(Math.round(earlierSeconds * NANOS_PER_SECOND), earlier,
                Math.round(laterSeconds * NANOS_PER_SECOND), later);
    }

    /** The rate of one counter, if both samples had it. */
    public Optional<Double> rate(QatCounter counter) {
        return Optional.ofNullable(perSecond.get(counter));
    }
}
