package org.qatwb.model.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qatwb.model.debugfs.FwCounters;
import org.qatwb.model.debugfs.FwCountersParser;
import org.qatwb.model.parse.ParseException;

class FirmwareRateTrackerTest {

    private static final long S = 1_000_000_000L;

    /** In-kernel table layout, one row per engine: {@code ae requests}. */
    static FwCounters fw(long... aeThenRequests) throws ParseException {
        StringBuilder t = new StringBuilder("AE Requests Responses\n");
        for (int i = 0; i < aeThenRequests.length; i += 2) {
            t.append(' ').append(aeThenRequests[i]).append(": ").append(Long.toUnsignedString(aeThenRequests[i + 1]))
                    .append(" 0\n");
        }
        return FwCountersParser.parse(t.toString());
    }

    private static Map<String, FwCounters> devices(Object... nameThenCounters) {
        Map<String, FwCounters> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenCounters.length; i += 2) m.put((String) nameThenCounters[i], (FwCounters) nameThenCounters[i + 1]);
        return m;
    }

    @Test
    void requestsPerSecondSummedOverEnginesWithGapsForFirstSampleAndReset() throws ParseException {
        FirmwareRateTracker t = new FirmwareRateTracker();
        assertEquals(Map.of("d0", Double.NaN), t.next(10 * S, devices("d0", fw(0, 100, 1, 1000))), "first sample");
        assertEquals(Map.of("d0", 550.0), t.next(12 * S, devices("d0", fw(0, 200, 1, 2000))));
        assertEquals(Map.of("d0", Double.NaN), t.next(13 * S, devices("d0", fw(0, 5, 1, 3000))), "engine 0 went down");
        assertEquals(Map.of("d0", 10.0), t.next(14 * S, devices("d0", fw(0, 10, 1, 3005))), "from the new base");
        assertEquals(Map.of("d0", Double.NaN), t.next(14 * S, devices("d0", fw(0, 20, 1, 3005))), "clock did not move");
        assertEquals(Map.of("d0", Double.NaN), t.next(15 * S, devices("d0", fw(0, 30))), "engines changed");
    }

    @Test
    void aDeviceThatAppearsOrComesBackStartsAfresh() throws ParseException {
        FirmwareRateTracker t = new FirmwareRateTracker();
        t.next(1 * S, devices("a", fw(0, 10)));
        Map<String, Double> r = t.next(2 * S, devices("a", fw(0, 20), "b", fw(0, 500)));
        assertEquals(List.of("a", "b"), List.copyOf(r.keySet()), "the input's order");
        assertEquals(10.0, r.get("a"));
        assertEquals(Double.NaN, r.get("b"));
        assertEquals(Map.of("b", 100.0), t.next(3 * S, devices("b", fw(0, 600))), "a is gone");
        assertEquals(Double.NaN, t.next(4 * S, devices("a", fw(0, 40), "b", fw(0, 700))).get("a"), "a's base was dropped");
        t.reset();
        assertEquals(Double.NaN, t.next(5 * S, devices("b", fw(0, 800))).get("b"));
    }

    @Test
    void unsignedCountersAboveLongMax() throws ParseException {
        FirmwareRateTracker t = new FirmwareRateTracker();
        t.next(0, devices("d", fw(0, -1000L)));
        assertEquals(Map.of("d", 600.0), t.next(S, devices("d", fw(0, -400L))));
    }
}
