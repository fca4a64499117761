package org.qatwb.model.kstat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;

class RateTrackerTest {

    private static QatKstat comp(long requests) throws ParseException {
        return QatKstat.of(KstatParser.parse("1 1 0x01 1 0 1 2\nname type data\ncomp_requests 4 " + requests + "\n"));
    }

    private static Optional<Double> rate(Optional<CounterRates> r) {
        return r.flatMap(x -> x.rate(QatCounter.COMP_REQUESTS));
    }

    @Test
    void noRateForTheFirstSampleNorAfterAResetThenRatesFromTheNewBase() throws ParseException {
        RateTracker t = new RateTracker();
        long s = 1_000_000_000L;
        assertEquals(Optional.empty(), t.next(10 * s, comp(100)), "first sample");
        assertEquals(Optional.of(50.0), rate(t.next(12 * s, comp(200))));
        assertEquals(Optional.empty(), t.next(13 * s, comp(7)), "reset: a gap");
        assertEquals(Optional.of(3.0), rate(t.next(14 * s, comp(10))), "from the sample after the reset");
        assertEquals(Optional.empty(), t.next(14 * s, comp(12)), "the clock did not move");
        assertEquals(Optional.empty(), t.next(2 * s, comp(20)), "the clock went back: the NAS rebooted");
        t.reset();
        assertEquals(Optional.empty(), t.next(3 * s, comp(30)), "after reset() it starts afresh");
        assertEquals(Optional.of(10.0), rate(t.next(4 * s, comp(40))));
    }
}
