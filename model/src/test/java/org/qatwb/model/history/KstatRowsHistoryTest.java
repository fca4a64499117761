package org.qatwb.model.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.history.HistoryFixtures.COMP_REQ;
import static org.qatwb.model.history.HistoryFixtures.values;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.kstat.RateTracker;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.StreamSample;

/** A ZFS fork's kstat rows (issue 16, section 4): charted by name, recorded, bounded. */
class KstatRowsHistoryTest {

    private static final long S = 1_000_000_000L;
    private static final KstatRowSeries INIT_FAILED = new KstatRowSeries("init_failed");
    private static final KstatRowSeries ERR_TIMEOUT = new KstatRowSeries("err_timeout");

    /** A kstat with OpenZFS's comp_requests and the given other rows ("name value" pairs). */
    private static QatKstat kstat(long compRequests, Object... rows) throws ParseException {
        StringBuilder t = new StringBuilder("19 1 0x01 1 0 1 2\nname type data\ncomp_requests 4 " + compRequests + "\n");
        for (int i = 0; i < rows.length; i += 2) {
            t.append(rows[i]).append(rows[i + 1] instanceof String ? " 7 " : " 4 ").append(rows[i + 1]).append('\n');
        }
        return QatKstat.of(KstatParser.parse(t.toString()));
    }

    private static StreamSample sample(long uptimeSeconds, QatKstat k) {
        return new StreamSample(0, OptionalLong.of(uptimeSeconds * S), Optional.of(k), Map.of(), List.of());
    }

    @Test
    void aForksRowsGetSeriesAndTheirRatesIncludingRowsThatAppearAfterAReload() throws ParseException, IOException {
        HistoryRecorder r = new HistoryRecorder(new OffloadHistory(20));
        r.record(1000, sample(100, kstat(1000, "init_failed", 0, "comp_reqests", 5)));
        r.record(2000, sample(101, kstat(1200, "init_failed", 3, "comp_reqests", 5)));
        r.record(3000, sample(102, kstat(1300, "init_failed", 1)));                       // the row went down alone: its gap
        r.record(4000, sample(103, kstat(10, "init_failed", 1)));                         // zfs.ko reloaded: a gap
        r.record(5000, sample(104, kstat(20, "init_failed", 2, "err_timeout", 7)));       // a row the new module adds
        r.record(6000, sample(105, kstat(30, "init_failed", 2, "err_timeout", 9)));
        OffloadHistory h = r.history();
        assertEquals(List.of(INIT_FAILED, ERR_TIMEOUT), h.series().stream().filter(s -> s instanceof KstatRowSeries).toList(),
                "comp_reqests is ZFS 0.7's spelling of a known counter, not another row");
        assertArrayEquals(new float[] {Float.NaN, 3, Float.NaN, Float.NaN, 1, 0}, values(h, INIT_FAILED));
        assertArrayEquals(new float[] {Float.NaN, Float.NaN, Float.NaN, Float.NaN, Float.NaN, 2}, values(h, ERR_TIMEOUT));
        assertArrayEquals(new float[] {Float.NaN, 200, 100, Float.NaN, 10, 10}, values(h, COMP_REQ));

        StringWriter csv = new StringWriter();
        HistoryCsv.write(h, 0, 10_000, csv);
        String[] lines = csv.toString().split("\n");
        assertTrue(lines[0].endsWith(",row.init_failed.per_s,row.err_timeout.per_s"), lines[0]);
        assertTrue(lines[6].endsWith(",0,2"), lines[6]);
        assertEquals(Optional.of(ERR_TIMEOUT), SeriesCatalog.byId("row.err_timeout.per_s"));
    }

    @Test
    void atMost32RowsAreRecordedAndTheRestCounted() {
        OffloadHistory h = new OffloadHistory(4);
        Map<String, Double> rows = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            rows.put("row" + i, (double) i);
        }
        h.append(1000, HistoryFixtures.compRequests(1), Map.of(), rows);
        assertEquals(OffloadHistory.MAX_KSTAT_ROWS, h.series().stream().filter(s -> s instanceof KstatRowSeries).count());
        assertEquals(8, h.rowsNotRecorded());
        assertEquals(31f, h.last(new KstatRowSeries("row31")));
        assertTrue(Float.isNaN(h.last(new KstatRowSeries("row32"))), "not recorded");
        h.append(2000, HistoryFixtures.compRequests(1), Map.of(), Map.of("row0", 5.0));
        assertEquals(0, h.rowsNotRecorded(), "said of the newest sample");
        assertEquals(5f, h.last(new KstatRowSeries("row0")));
        assertTrue(Float.isNaN(h.last(new KstatRowSeries("row1"))), "a row missing from a sample is a gap there");
    }

    @Test
    void theRateTrackerGivesTheRowsRatesWithTheCountersAndNoneAcrossAReset() throws ParseException {
        RateTracker t = new RateTracker();
        t.next(10 * S, kstat(100, "err_op_hw", 4, "name_as_text", "x"));
        assertTrue(t.rowRates().isEmpty(), "no rate for the first sample");
        t.next(12 * S, kstat(200, "err_op_hw", 10));
        assertEquals(Map.of("err_op_hw", 3.0), t.rowRates());
        t.next(13 * S, kstat(1, "err_op_hw", 12));
        assertTrue(t.rowRates().isEmpty(), "a reset of the counters is a gap for the rows too");
    }
}
