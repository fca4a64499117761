package org.qatwb.app.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.qatwb.model.doctor.Observation;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.StreamSample;

/** The one observation rule: the NAS's clock decides when it is complete; gaps start it afresh; resets spoil it. */
class CounterObservationTest {

    private static final long S = 1_000_000_000L;

    private static StreamSample sample(long uptimeSeconds, Long compRequests) throws ParseException {
        Optional<QatKstat> k = compRequests == null ? Optional.empty() : Optional.of(QatKstat.of(
                KstatParser.parse("1 1 0x01 1 0 1 2\nname type data\ncomp_requests 4 " + compRequests + "\n")));
        return new StreamSample(0, uptimeSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(uptimeSeconds * S), k,
                Map.of(), List.of());
    }

    @Test
    void completeOnceTheNasClockAdvancedTheSpanFromTheFirstUsableSample() throws ParseException {
        CounterObservation watch = new CounterObservation(Duration.ofSeconds(5));
        assertFalse(watch.started());
        assertEquals(Optional.empty(), watch.offer(sample(100, 1000L)));
        assertTrue(watch.started());
        for (int t = 101; t < 105; t++) {
            assertEquals(Optional.empty(), watch.offer(sample(t, 1000L + 10 * (t - 100))), "at " + t);
        }
        Observation o = watch.offer(sample(105, 1050L)).orElseThrow();
        Observation.Counted c = (Observation.Counted) o;
        assertEquals(5.0, c.seconds(), 1e-9);
        assertEquals(50, c.delta(QatCounter.COMP_REQUESTS), "from the first sample, not the previous one");
        assertFalse(watch.started(), "complete: the next sample starts a new watch");
    }

    @Test
    void aSampleWithoutCountersOrTimeStartsTheWatchAfresh() throws ParseException {
        CounterObservation watch = new CounterObservation(Duration.ofSeconds(2));
        watch.offer(sample(100, 1000L));
        watch.offer(sample(101, null));
        assertFalse(watch.started());
        assertEquals(Optional.empty(), watch.offer(sample(102, 2000L)), "the new first sample");
        assertEquals(Optional.empty(), watch.offer(sample(-1, 2100L)), "no time: a gap too");
        watch.offer(sample(104, 3000L));
        Observation.Counted c = (Observation.Counted) watch.offer(sample(106, 3400L)).orElseThrow();
        assertEquals(400, c.delta(QatCounter.COMP_REQUESTS));
    }

    @Test
    void aResetOnTheWaySpoilsTheObservationAtOnce() throws ParseException {
        CounterObservation watch = new CounterObservation(Duration.ofSeconds(5));
        watch.offer(sample(100, 1000L));
        watch.offer(sample(101, 1100L));
        Observation o = watch.offer(sample(102, 7L)).orElseThrow();
        assertTrue(o instanceof Observation.Unusable u && u.reason().contains("reset"), o.toString());
        assertEquals(Optional.empty(), watch.offer(sample(50, 9L)), "after it, the next sample starts afresh");
        assertTrue(watch.started());
    }

    @Test
    void aSampleAtTheSameInstantIsPassedOverAndAClockGoingBackSpoilsIt() throws ParseException {
        CounterObservation watch = new CounterObservation(Duration.ofSeconds(2));
        watch.offer(sample(100, 1000L));
        assertEquals(Optional.empty(), watch.offer(sample(100, 1000L)));
        assertTrue(watch.started());
        Observation o = watch.offer(sample(90, 1200L)).orElseThrow();
        assertTrue(o instanceof Observation.Unusable, "the NAS rebooted: " + o);
    }

    @Test
    void theDefaultIsTheClisFiveSecondsAndASpanTakesTime() {
        assertEquals(Duration.ofSeconds(5), CounterObservation.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> new CounterObservation(Duration.ZERO));
    }
}
