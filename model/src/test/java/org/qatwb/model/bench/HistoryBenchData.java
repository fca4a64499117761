package org.qatwb.model.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.model.kstat.CounterRates;
import org.qatwb.model.kstat.QatCounter;

/**
 * A full day of history for the benchmarks: 86,400 samples at 1 Hz, every counter moving, one
 * sample in a hundred a gap, and the three PFs of a C62x card with firmware counters.
 */
final class HistoryBenchData {

    static final long START_MILLIS = 1_795_000_000_000L;
    static final String[] DEVICES = {"qat_c6xx_0000:3d:00.0", "qat_c6xx_0000:3f:00.0", "qat_c6xx_0000:da:00.0"};

    private HistoryBenchData() {
    }

    /** Some distinct samples to cycle through. */
    static List<Optional<CounterRates>> rates(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Optional<CounterRates>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<QatCounter, Double> r = new EnumMap<>(QatCounter.class);
            for (QatCounter c : QatCounter.values()) {
                r.put(c, random.nextDouble() * 1e8);
            }
            all.add(random.nextInt(100) == 0 ? Optional.empty() : Optional.of(new CounterRates(1, r)));
        }
        return all;
    }

    static Map<String, Double> firmware(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Double> fw = new LinkedHashMap<>();
        for (String d : DEVICES) {
            fw.put(d, random.nextDouble() * 50_000);
        }
        return fw;
    }

    /** A history of the default capacity, full. */
    static OffloadHistory fullDay() {
        OffloadHistory h = new OffloadHistory();
        List<Optional<CounterRates>> rates = rates(1024, 1);
        List<Map<String, Double>> fw = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            fw.add(firmware(i));
        }
        for (int i = 0; i < h.capacity(); i++) {
            h.append(START_MILLIS + 1000L * i, rates.get(i % rates.size()), fw.get(i % fw.size()));
        }
        return h;
    }
}
