package org.qatwb.model.kstat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;

class CounterRatesTest {

    private static QatKstat kstat(String... rows) throws ParseException {
        StringBuilder text = new StringBuilder("19 1 0x01 " + rows.length + " 0 1 2\nname type data\n");
        for (String r : rows) {
            text.append(r).append('\n');
        }
        return QatKstat.of(KstatParser.parse(text.toString()));
    }

    @Test
    void ratesAreDeltasPerSecond() throws ParseException {
        QatKstat a = kstat("comp_requests 4 1000", "comp_total_in_bytes 4 4096000", "cksum_fails 4 0");
        QatKstat b = kstat("comp_requests 4 4000", "comp_total_in_bytes 4 16384000", "cksum_fails 4 0");
        CounterRates r = CounterRates.between(10_000_000_000L, a, 12_000_000_000L, b).orElseThrow();
        assertEquals(2.0, r.seconds());
        assertEquals(1500.0, r.rate(QatCounter.COMP_REQUESTS).orElseThrow());
        assertEquals(6144000.0, r.rate(QatCounter.COMP_TOTAL_IN_BYTES).orElseThrow());
        assertEquals(0.0, r.rate(QatCounter.CKSUM_FAILS).orElseThrow());
        assertEquals(Optional.empty(), r.rate(QatCounter.DC_FAILS), "in neither sample");
    }

    @Test
    void uptimeSecondsWorkLikeNanos() throws ParseException {
        QatKstat a = kstat("comp_requests 4 100");
        QatKstat b = kstat("comp_requests 4 350");
        assertEquals(1000.0, CounterRates.between(350735.47, a, 350735.72, b).orElseThrow()
                .rate(QatCounter.COMP_REQUESTS).orElseThrow(), 1e-6);
    }

    @Test
    void noRateWithoutTimeMoving() throws ParseException {
        QatKstat a = kstat("comp_requests 4 100");
        assertEquals(Optional.empty(), CounterRates.between(5L, a, 5L, a));
        assertEquals(Optional.empty(), CounterRates.between(6L, a, 5L, a));
        assertEquals(Optional.empty(), CounterRates.between(Double.NaN, a, 5.0, a));
    }

    @Test
    void aCounterGoingDownIsAResetAndGivesNoRatesAtAll() throws ParseException {
        QatKstat before = kstat("comp_requests 4 5000", "decomp_requests 4 10");
        QatKstat after = kstat("comp_requests 4 12", "decomp_requests 4 20");
        assertEquals(Optional.empty(), CounterRates.between(0L, before, 1_000_000_000L, after));
    }

    @Test
    void unsignedValuesAboveLongMaxAreExact() throws ParseException {
        QatKstat a = kstat("comp_total_in_bytes 4 18446744073709551000");
        QatKstat b = kstat("comp_total_in_bytes 4 18446744073709551600");
        CounterRates r = CounterRates.between(0L, a, 1_000_000_000L, b).orElseThrow();
        assertEquals(600.0, r.rate(QatCounter.COMP_TOTAL_IN_BYTES).orElseThrow());
        // and a wrap past 2^64 is a reset, not a small positive delta
        QatKstat small = kstat("comp_total_in_bytes 4 5");
        assertTrue(CounterRates.between(0L, b, 1L, small).isEmpty());
    }

    @Test
    void aCounterMissingInOneSampleHasNoRateButTheOthersDo() throws ParseException {
        QatKstat a = kstat("comp_requests 4 1");
        QatKstat b = kstat("comp_requests 4 3", "decomp_requests 4 7");
        CounterRates r = CounterRates.between(0L, a, 1_000_000_000L, b).orElseThrow();
        assertEquals(2.0, r.rate(QatCounter.COMP_REQUESTS).orElseThrow());
        assertEquals(Optional.empty(), r.rate(QatCounter.DECOMP_REQUESTS));
    }
}
