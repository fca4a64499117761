package org.qatwb.model.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qatwb.model.history.HistoryFixtures.COMP_REQ;
import static org.qatwb.model.history.HistoryFixtures.values;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.StreamSample;

class HistoryRecorderTest {

    private static final long S = 1_000_000_000L;
    private static final FirmwareSeries DEV = new FirmwareSeries("qat_c6xx_0000:3d:00.0");

    private static StreamSample sample(long uptimeSeconds, Long compRequests, String fwText) throws ParseException {
        Optional<QatKstat> k = compRequests == null ? Optional.empty() : Optional.of(QatKstat.of(
                KstatParser.parse("1 1 0x01 1 0 1 2\nname type data\ncomp_requests 4 " + compRequests + "\n")));
        Map<String, String> fw = fwText == null ? Map.of() : Map.of(DEV.device(), fwText);
        return new StreamSample(0, uptimeSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(uptimeSeconds * S), k, fw, List.of());
    }

    @Test
    void samplesBecomeRatesGapsAndMarkers() throws ParseException {
        HistoryRecorder r = new HistoryRecorder(new OffloadHistory(20));
        r.record(1000, sample(100, 1000L, "AE Requests Responses\n 0: 50 50\n"));
        r.record(2000, sample(101, 1200L, "AE Requests Responses\n 0: 80 80\n"));
        r.record(3000, sample(102, 10L, "garbage"));                              // zfs.ko reloaded; fw unreadable
        r.record(4000, sample(103, 40L, "AE Requests Responses\n 0: 90 90\n"));
        r.record(5000, sample(104, null, "AE Requests Responses\n 0: 95 95\n"));  // kstat missing
        r.record(6000, sample(105, 50L, "AE Requests Responses\n 0: 99 99\n"));
        r.record(7000, sample(-1, 60L, null));                                     // no uptime
        r.reconnected(7500);
        r.record(8000, sample(10, 70L, "AE Requests Responses\n 0: 1 1\n"));
        r.record(9000, sample(11, 75L, "AE Requests Responses\n 0: 3 3\n"));
        OffloadHistory h = r.history();
        assertArrayEquals(new float[] {Float.NaN, 200, Float.NaN, 30, Float.NaN, Float.NaN, Float.NaN, Float.NaN, 5},
                values(h, COMP_REQ));
        assertArrayEquals(new float[] {Float.NaN, 30, Float.NaN, Float.NaN, 5, 4, Float.NaN, Float.NaN, 2}, values(h, DEV));
        assertEquals(List.of(new HistoryEvent(3000, EventKind.GAP, "QAT counters went down: zfs.ko reloaded?"),
                new HistoryEvent(7500, EventKind.RECONNECT, "reconnected to the NAS")), h.events());
    }
}
