package org.qatwb.model.history;

import java.util.Objects;
import org.qatwb.model.kstat.CounterRates;
import org.qatwb.model.kstat.QatCounter;

/**
 * How a kstat series' value comes out of one sample's {@link CounterRates}. A counter the sample
 * lacks (older ZFS, a cut capture) gives NaN, which the charts draw as a gap.
 */
public sealed interface Derivation {

    /** The value for one sample; NaN when it cannot be computed. */
    double valueOf(CounterRates rates);

    /** One counter's rate, scaled (bytes/s to MB/s). */
    record Rate(QatCounter counter, double scale) implements Derivation {

        public Rate {
            Objects.requireNonNull(counter, "counter");
        }

        @Override
        public double valueOf(CounterRates rates) {
            Double r = rates.perSecond().get(counter);
            return r == null ? Double.NaN : r * scale;
        }
    }

    /**
     * The ratio of two counters' rates over the same interval; NaN when the denominator did not
     * move (an idle second has no ratio, and a spike to infinity would flatten the axis).
     */
    record Ratio(QatCounter numerator, QatCounter denominator) implements Derivation {

        public Ratio {
            Objects.requireNonNull(numerator, "numerator");
            Objects.requireNonNull(denominator, "denominator");
        }

        @Override
        public double valueOf(CounterRates rates) {
            Double n = rates.perSecond().get(numerator);
            Double d = rates.perSecond().get(denominator);
            return n == null || d == null || d == 0 ? Double.NaN : n / d;
        }
    }
}
