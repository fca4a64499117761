package org.qatwb.model.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qatwb.model.history.HistoryFixtures.COMP_REQ;
import static org.qatwb.model.history.HistoryFixtures.compRequests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Decimation against a naive reference: every kept sample tested against every column, with the
 * kept samples taken from a plain list rather than the ring.
 */
class DecimationPropertiesTest {

    /** One appended sample: how far after the previous one (0 = same time) and its value (NaN = gap). */
    record Sample(int step, float value) {
    }

    @Provide
    Arbitrary<Sample> sample() {
        Arbitrary<Float> values = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.floats().between(-1000, 1000).map(v -> v == 0 ? 0f : v)), // no -0.0: it ties 0.0
                Tuple.of(1, Arbitraries.just(Float.NaN)));
        return Combinators.combine(Arbitraries.integers().between(0, 7), values).as(Sample::new);
    }

    @Property(tries = 1000)
    void minAndMaxPerColumnAreThoseOfANaiveScan(@ForAll @IntRange(min = 1, max = 30) int capacity,
                                                @ForAll @Size(max = 100) List<@From("sample") Sample> samples,
                                                @ForAll @IntRange(min = -20, max = 400) int from,
                                                @ForAll @IntRange(min = 1, max = 400) int span,
                                                @ForAll @IntRange(min = 1, max = 50) int columns) {
        OffloadHistory h = new OffloadHistory(capacity);
        List<Long> times = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        long t = 0;
        for (Sample s : samples) {
            t += s.step();
            h.append(t, Float.isNaN(s.value()) ? Optional.empty() : compRequests(s.value()));
            times.add(t);
            values.add(s.value());
        }
        int keptFrom = Math.max(0, samples.size() - capacity);
        long to = from + span;

        float[] min = new float[columns + 2];
        float[] max = new float[columns + 2];
        Arrays.fill(min, 42f);
        Arrays.fill(max, 42f);
        h.decimate(COMP_REQ, from, to, columns, min, max);

        float[] expectedMin = new float[columns];
        float[] expectedMax = new float[columns];
        List<Float> window = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            List<Float> in = new ArrayList<>();
            for (int i = keptFrom; i < samples.size(); i++) {
                long ti = times.get(i);
                long offset = ti - from;
                boolean inColumn = ti >= from && ti < to && offset * columns >= (long) c * span && offset * columns < (long) (c + 1) * span;
                if (inColumn && !Float.isNaN(values.get(i))) in.add(values.get(i));
            }
            in.sort(null);
            window.addAll(in);
            expectedMin[c] = in.isEmpty() ? Float.NaN : in.get(0);
            expectedMax[c] = in.isEmpty() ? Float.NaN : in.get(in.size() - 1);
        }
        assertArrayEquals(expectedMin, Arrays.copyOf(min, columns));
        assertArrayEquals(expectedMax, Arrays.copyOf(max, columns));
        assertArrayEquals(new float[] {42f, 42f}, Arrays.copyOfRange(min, columns, columns + 2), "nothing past columns");
        window.sort(null);
        assertEquals(window.isEmpty() ? Float.NaN : window.get(window.size() - 1), h.max(COMP_REQ, from, to));
    }
}
