package org.qatwb.ssh;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: {@code initial}, doubling (by {@code multiplier}) up to
 * {@code max}, each delay shortened by a random part of up to {@code jitter} (0..1) so that many
 * clients that lost the same NAS do not all come back in the same instant.
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

    /** 0.5 s doubling to 30 s, up to 20 % jitter. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2);

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || multiplier < 1
                || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("bad backoff " + initial + ".." + max + " x" + multiplier + " ~" + jitter);
        }
    }

    /** The delay before retry number {@code attempt} (1 for the first retry); {@code random} in [0, 1). */
    public Duration delay(int attempt, DoubleSupplier random) {
        double base = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, max.toMillis());
        return Duration.ofMillis(Math.round(capped * (1 - jitter * random.getAsDouble())));
    }
}
