package org.qatwb.model.kstat;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rates over a sequence of samples, as {@code qatwb watch} and the live charts take them: no
 * rate for the first sample, none for a sample after a reset (a counter went down: zfs.ko was
 * reloaded) or after the clock did not advance (or went back: the NAS rebooted); each sample then
 * becomes the base of the next rate. Not thread safe: one tracker per stream.
 */
public final class RateTracker {

    private long lastNanos;
    private QatKstat last;
    private Map<String, Double> rows = Map.of();

    /**
     * Takes the next sample.
     *
     * @param uptimeNanos the NAS's uptime when the sample was read
     * @return the rates since the previous sample, or empty (first sample, reset, clock not advancing)
     */
    public Optional<CounterRates> next(long uptimeNanos, QatKstat kstat) {
        Objects.requireNonNull(kstat, "kstat");
        Optional<CounterRates> rates = last == null ? Optional.empty()
                : CounterRates.between(lastNanos, last, uptimeNanos, kstat);
        // a fork's rows go with the counters: none across a reset or a clock that stood still
        rows = rates.isEmpty() ? Map.of() : RowRates.between(lastNanos, last, uptimeNanos, kstat);
        lastNanos = uptimeNanos;
        last = kstat;
        return rates;
    }

    /**
     * The other kstat rows' rates ({@link RowRates}: a fork's rows, by name) between the same two
     * samples as the last {@link #next}'s rates; empty when it gave none.
     */
    public Map<String, Double> rowRates() {
        return rows;
    }

    /** Forgets the previous sample: the next one starts afresh (a gap, e.g. after a reconnect). */
    public void reset() {
        last = null;
        rows = Map.of();
    }
}
