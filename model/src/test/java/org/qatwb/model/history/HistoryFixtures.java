package org.qatwb.model.history;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.qatwb.model.kstat.CounterRates;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatService;

/** Rates written for the history tests: every counter moving, each value easy to tell apart. */
final class HistoryFixtures {

    private HistoryFixtures() {
    }

    /** All 17 counters at {@code base + ordinal} per second, except the ones given. */
    static Optional<CounterRates> rates(double base, Object... counterThenRate) {
        Map<QatCounter, Double> r = new EnumMap<>(QatCounter.class);
        for (QatCounter c : QatCounter.values()) {
            r.put(c, base + c.ordinal());
        }
        for (int i = 0; i < counterThenRate.length; i += 2) {
            r.put((QatCounter) counterThenRate[i], ((Number) counterThenRate[i + 1]).doubleValue());
        }
        return Optional.of(new CounterRates(1, r));
    }

    /** Compression requests/s only, the rest missing. */
    static Optional<CounterRates> compRequests(double perSecond) {
        return Optional.of(new CounterRates(1, Map.of(QatCounter.COMP_REQUESTS, perSecond)));
    }

    static final KstatSeries COMP_REQ = SeriesCatalog.kstat(QatService.COMPRESSION, Metric.REQUESTS_PER_S).orElseThrow();

    /** A series' values, oldest first. */
    static float[] values(OffloadHistory h, Series s) {
        float[] v = new float[h.size()];
        for (int i = 0; i < v.length; i++) v[i] = h.valueAt(s, i);
        return v;
    }
}
