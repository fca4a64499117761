package org.qatwb.model.irq;

import java.util.Optional;

/**
 * {@link IrqRates} over a sequence of stream ticks, as {@code kstat.RateTracker} does for the
 * counters: none for the first reading, none without time passing, and a reading without
 * interrupt lines starts afresh. Not thread-safe: one per stream.
 */
public final class IrqRateTracker {

    private long lastNanos;
    private InterruptTable last;

    /** The rates since the previous reading, if there was one. */
    public Optional<IrqRates> next(long uptimeNanos, InterruptTable table) {
        Optional<IrqRates> r = last == null ? Optional.empty() : IrqRates.between(lastNanos, last, uptimeNanos, table);
        if (last == null || uptimeNanos > lastNanos) {
            lastNanos = uptimeNanos;
            last = table;
        }
        return r;
    }

    /** Forgets the previous reading: the next one gives no rates. */
    public void reset() {
        last = null;
    }
}
