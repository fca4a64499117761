package org.qatwb.model.doctor;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.kstat.CounterRates;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatKstat;

/**
 * What the QAT counters did over a few seconds, for {@code zfs.offload-active}: only growing
 * counters prove offload (DOMAIN.md section 6, the zero-instances trap). Taken from two timed
 * samples with the same rules as the live rates ({@link CounterRates}): none across a reset.
 */
public sealed interface Observation {

    /**
     * The counters' growth between two samples.
     *
     * @param seconds the time between them, on the NAS's clock
     * @param deltas  each counter's growth, for the counters both samples had
     */
    record Counted(double seconds, Map<QatCounter, Long> deltas) implements Observation {
        public Counted {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("an observation takes time: " + seconds + " s");
            }
            deltas = Collections.unmodifiableMap(deltas.isEmpty() ? new EnumMap<>(QatCounter.class) : new EnumMap<>(deltas));
        }

        /** How much a counter grew; 0 when a sample lacked it. */
        public long delta(QatCounter c) {
            return deltas.getOrDefault(c, 0L);
        }
    }

    /**
     * No growth can be told: the counters went down (zfs.ko reloaded), the clock did not advance,
     * or a sample had no counters.
     */
    record Unusable(String reason) implements Observation {
        public Unusable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The growth behind a rate: each rate times the seconds, which is exact to a request for any real count. */
    static Counted of(CounterRates rates) {
        Map<QatCounter, Long> deltas = new EnumMap<>(QatCounter.class);
        rates.perSecond().forEach((c, r) -> deltas.put(c, Math.round(r * rates.seconds())));
        return new Counted(rates.seconds(), deltas);
    }

    /** The observation between two samples timed on one clock (the NAS's uptime, in nanoseconds). */
    static Observation between(long earlierNanos, QatKstat earlier, long laterNanos, QatKstat later) {
        return CounterRates.between(earlierNanos, earlier, laterNanos, later).<Observation>map(Observation::of)
                .orElseGet(() -> new Unusable(laterNanos <= earlierNanos ? "the NAS's clock did not advance"
                        : "a counter went down during the observation: zfs.ko was reloaded"));
    }

    /** The observation behind a rate from {@link org.qatwb.model.kstat.RateTracker#next}, which gives none across a reset. */
    static Observation ofRates(Optional<CounterRates> rates) {
        return rates.<Observation>map(Observation::of)
                .orElseGet(() -> new Unusable("the counters were reset (zfs.ko reloaded) or the clock did not advance"));
    }
}
