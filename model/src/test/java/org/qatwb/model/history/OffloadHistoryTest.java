package org.qatwb.model.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.qatwb.model.history.HistoryFixtures.COMP_REQ;
import static org.qatwb.model.history.HistoryFixtures.compRequests;
import static org.qatwb.model.history.HistoryFixtures.rates;
import static org.qatwb.model.history.HistoryFixtures.values;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.qatwb.model.kstat.CounterRates;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.kstat.QatService;
import org.qatwb.model.kstat.RateTracker;
import org.qatwb.model.parse.ParseException;

class OffloadHistoryTest {

    private static final KstatSeries DECOMP_FAILS = SeriesCatalog.kstat(QatService.DECOMPRESSION, Metric.FAILS_PER_S).orElseThrow();
    private static final KstatSeries COMP_FAILS = SeriesCatalog.kstat(QatService.COMPRESSION, Metric.FAILS_PER_S).orElseThrow();

    private static long[] times(OffloadHistory h) {
        long[] t = new long[h.size()];
        for (int i = 0; i < t.length; i++) t[i] = h.timeAt(i);
        return t;
    }

    @Test
    void theRingKeepsTheNewestSamplesInOrderAcrossTheWrap() {
        OffloadHistory h = new OffloadHistory(5);
        for (int i = 0; i < 12; i++) {
            h.append(1000L * i, compRequests(i));
        }
        assertEquals(5, h.size());
        assertArrayEquals(new long[] {7000, 8000, 9000, 10000, 11000}, times(h));
        assertArrayEquals(new float[] {7, 8, 9, 10, 11}, values(h, COMP_REQ));
        assertEquals(OptionalLong.of(7000), h.oldestMillis());
        assertEquals(OptionalLong.of(11000), h.newestMillis());
        assertEquals(11f, h.last(COMP_REQ));
        assertThrows(IndexOutOfBoundsException.class, () -> h.timeAt(5));
    }

    @Test
    void capacityHoldsAfterThreeTimesCapacityAndTheValuesAreTheLastOnes() {
        int capacity = 1000;
        OffloadHistory h = new OffloadHistory(capacity);
        for (int i = 0; i < 3 * capacity; i++) {
            h.append(i, compRequests(i), Map.of("dev0", (double) -i));
        }
        assertEquals(capacity, h.size());
        assertEquals(capacity, h.capacity());
        for (int i = 0; i < capacity; i++) {
            assertEquals(2 * capacity + i, h.timeAt(i));
            assertEquals(2 * capacity + i, h.valueAt(COMP_REQ, i));
            assertEquals(-(2 * capacity + i), h.valueAt(new FirmwareSeries("dev0"), i));
        }
    }

    @Test
    void appendingAllocatesNothingOnceEveryDeviceIsKnown() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        OffloadHistory h = new OffloadHistory(2000);
        Optional<CounterRates> r = rates(10);
        Map<String, Double> fw = Map.of("dev0", 1.0, "dev1", 2.0);
        for (int i = 0; i < 3000; i++) h.append(i, r, fw); // full, both devices known, code warm
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 3000; i < 9000; i++) h.append(i, r, fw);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertEquals(2000, h.size());
        // the measurement itself costs a few hundred bytes; one object per append would be 6000 * 16
        assertTrue(allocated < 6000, "allocated " + allocated + " bytes in 6000 appends");
    }

    @Test
    void aCounterResetIsAGapInEveryKstatSeriesAndTheLineResumesAfter() throws ParseException {
        RateTracker tracker = new RateTracker();
        OffloadHistory h = new OffloadHistory(10);
        long[] comp = {100, 200, 300, 5, 105};
        for (int i = 0; i < comp.length; i++) {
            QatKstat k = QatKstat.of(KstatParser.parse("1 1 0x01 2 0 1 2\nname type data\ncomp_requests 4 " + comp[i]
                    + "\ndc_fails 4 " + i + "\n"));
            h.append(1000L * i, tracker.next(1_000_000_000L * i, k));
        }
        assertArrayEquals(new float[] {Float.NaN, 100, 100, Float.NaN, 100}, values(h, COMP_REQ), "first and reset: gaps");
        assertArrayEquals(new float[] {Float.NaN, 1, 1, Float.NaN, 1}, values(h, COMP_FAILS));
        assertArrayEquals(values(h, COMP_FAILS), values(h, DECOMP_FAILS), "dc_fails is both directions' fails/s");
        float[] min = new float[5];
        float[] max = new float[5];
        h.decimate(COMP_REQ, 0, 5000, 5, min, max);
        assertArrayEquals(new float[] {Float.NaN, 100, 100, Float.NaN, 100}, min);
        assertArrayEquals(min, max);
        h.decimate(COMP_REQ, 0, 5000, 2, min, max); // [0, 2500) and [2500, 5000): the gap does not pull to 0
        assertArrayEquals(new float[] {100, 100}, new float[] {min[0], min[1]});
    }

    @Test
    void decimationTakesMinAndMaxPerColumnAndLeavesEmptyColumnsNaN() {
        OffloadHistory h = new OffloadHistory(100);
        float[] v = {5, 1, 7, 3, 9, 2};
        long[] t = {0, 10, 20, 30, 70, 79};
        for (int i = 0; i < v.length; i++) h.append(t[i], compRequests(v[i]));
        float[] min = new float[4];
        float[] max = new float[4];
        h.decimate(COMP_REQ, 0, 80, 4, min, max); // columns of 20 ms
        assertArrayEquals(new float[] {1, 3, Float.NaN, 2}, min);
        assertArrayEquals(new float[] {5, 7, Float.NaN, 9}, max);
        assertEquals(9f, h.max(COMP_REQ, 0, 80));
        assertEquals(7f, h.max(COMP_REQ, 0, 70), "to is exclusive");
        assertEquals(Float.NaN, h.max(COMP_REQ, 40, 60));
        h.decimate(new FirmwareSeries("never seen"), 0, 80, 4, min, max);
        assertArrayEquals(new float[] {Float.NaN, Float.NaN, Float.NaN, Float.NaN}, max);
    }

    @Test
    void decimationRefusesWindowsItCannotSplit() {
        OffloadHistory h = new OffloadHistory(4);
        float[] a = new float[4];
        assertThrows(IllegalArgumentException.class, () -> h.decimate(COMP_REQ, 10, 10, 4, a, a));
        assertThrows(IllegalArgumentException.class, () -> h.decimate(COMP_REQ, 0, 10, 5, a, a));
        assertThrows(IllegalArgumentException.class, () -> h.decimate(COMP_REQ, 0, 10, 0, a, a));
        assertThrows(IllegalArgumentException.class, () -> h.decimate(COMP_REQ, Long.MIN_VALUE, Long.MAX_VALUE, 4, a, a));
        assertThrows(IllegalArgumentException.class, () -> new OffloadHistory(0));
    }

    @Test
    void aTimeThatGoesBackIsStoredAtTheNewestTime() {
        OffloadHistory h = new OffloadHistory(10);
        assertEquals(5000, h.append(5000, compRequests(1)));
        assertEquals(5000, h.append(4000, compRequests(2)), "the wall clock stepped back");
        assertEquals(5000, h.append(5000, compRequests(3)), "equal times are fine");
        assertEquals(6000, h.append(6000, compRequests(4)));
        assertArrayEquals(new long[] {5000, 5000, 5000, 6000}, times(h));
        assertArrayEquals(new float[] {1, 2, 3, 4}, values(h, COMP_REQ));
    }

    @Test
    void aFirmwareDeviceThatAppearsLateIsNaNBeforeAndWhereItIsMissing() {
        OffloadHistory h = new OffloadHistory(4);
        h.append(0, Optional.empty(), Map.of("a", 1.0));
        h.append(1, Optional.empty(), Map.of("a", 2.0));
        h.append(2, Optional.empty(), Map.of("a", 3.0, "b", 30.0));
        h.append(3, Optional.empty(), Map.of("b", 40.0));
        h.append(4, Optional.empty(), Map.of("a", 5.0, "b", 50.0));
        FirmwareSeries a = new FirmwareSeries("a");
        FirmwareSeries b = new FirmwareSeries("b");
        assertEquals(List.of(a, b), h.series().subList(SeriesCatalog.kstat().size(), h.series().size()));
        assertArrayEquals(new float[] {2, 3, Float.NaN, 5}, values(h, a));
        assertArrayEquals(new float[] {Float.NaN, 30, 40, 50}, values(h, b), "back-filled with NaN");
        assertEquals(50f, h.last(b));
    }

    @Test
    void firmwareDevicesBeyondTheLimitAreNotRecorded() {
        OffloadHistory h = new OffloadHistory(2);
        Map<String, Double> many = new LinkedHashMap<>();
        for (int d = 0; d < OffloadHistory.MAX_FIRMWARE_DEVICES + 3; d++) many.put("dev" + d, (double) d);
        h.append(0, Optional.empty(), many);
        assertEquals(SeriesCatalog.kstat().size() + OffloadHistory.MAX_FIRMWARE_DEVICES, h.series().size());
        assertEquals(Float.NaN, h.last(new FirmwareSeries("dev" + OffloadHistory.MAX_FIRMWARE_DEVICES)));
    }

    @Test
    void eventsStayWhileTheirSamplesDoAndGoWithThem() {
        OffloadHistory h = new OffloadHistory(3);
        h.addEvent(new HistoryEvent(500, EventKind.RECONNECT, "connected"));
        h.append(1000, Optional.empty());
        h.append(2000, compRequests(1));
        assertEquals(1, h.events().size(), "not full yet: nothing has been dropped, so neither are events");
        h.addEvent(new HistoryEvent(2500, EventKind.PARAM_CHANGE, "zfs_qat_compress_disable=0"));
        h.append(3000, compRequests(2));
        assertEquals(2, h.events().size(), "full, but no sample overwritten yet");
        h.append(4000, compRequests(3)); // 1000 overwritten, oldest now 2000
        assertEquals(List.of(new HistoryEvent(2500, EventKind.PARAM_CHANGE, "zfs_qat_compress_disable=0")), h.events());
        h.append(5000, compRequests(3)); // oldest 3000
        assertEquals(List.of(), h.events());
    }

    @Test
    void eventsKeepTimeOrderAndAreBounded() {
        OffloadHistory h = new OffloadHistory(2);
        h.addEvent(new HistoryEvent(100, EventKind.RESTART, "a"));
        assertEquals(new HistoryEvent(100, EventKind.GAP, "b"), h.addEvent(new HistoryEvent(50, EventKind.GAP, "b")));
        h.addEvent(new HistoryEvent(300, EventKind.RESTART, "c"));
        assertEquals(List.of("b", "c"), h.events().stream().map(HistoryEvent::label).toList(), "at most capacity events");
        assertEquals(List.of("b"), h.events(0, 300).stream().map(HistoryEvent::label).toList());
    }

    @Test
    void aMissingCounterIsNaNInItsSeriesOnly() {
        OffloadHistory h = new OffloadHistory(2);
        h.append(0, compRequests(7));
        assertEquals(7f, h.last(COMP_REQ));
        assertEquals(Float.NaN, h.last(SeriesCatalog.kstat(QatService.CHECKSUM, Metric.REQUESTS_PER_S).orElseThrow()));
        h.append(1, rates(0, QatCounter.CKSUM_REQUESTS, 12));
        assertEquals(12f, h.last(SeriesCatalog.kstat(QatService.CHECKSUM, Metric.REQUESTS_PER_S).orElseThrow()));
    }
}
