package org.qatwb.model.kstat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-second rates of the zfs/qat kstat's other rows: those that are none of {@link QatCounter}'s
 * names (a fork's rows, DOMAIN.md section 5), by row name. A row counts only when numeric and not
 * negative, the first of its name; it has a rate when both samples have it and it did not go down.
 * Whether the row is a counter at all is the fork's to say: its rate is charted as it comes.
 */
public final class RowRates {

    private RowRates() {
    }

    /**
     * Rates between two samples, times in nanoseconds of one clock; empty when the clock did not
     * advance. A row that went down has no rate (its own reset), the others still do.
     */
    public static Map<String, Double> between(long earlierNanos, QatKstat earlier, long laterNanos, QatKstat later) {
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(later, "later");
        Map<String, Double> rates = new LinkedHashMap<>();
        if (laterNanos <= earlierNanos) {
            return rates;
        }
        double seconds = (laterNanos - earlierNanos) / 1e9;
        Map<String, Long> before = values(earlier);
        values(later).forEach((name, v) -> {
            Long b = before.get(name);
            if (b != null && Long.compareUnsigned(v, b) >= 0) {
                rates.put(name, QatKstat.unsignedToDouble(v - b) / seconds);
            }
        });
        return rates;
    }

    /** The other rows' values (unsigned), in file order, the first of each name. */
    public static Map<String, Long> values(QatKstat kstat) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (KstatEntry e : kstat.unknown()) {
            if (e.numeric() && !e.value().startsWith("-") && QatCounter.byKstatName(e.name()).isEmpty()) {
                values.putIfAbsent(e.name(), e.asUnsignedLong());
            }
        }
        return values;
    }
}
