package org.qatwb.model.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qatwb.model.history.HistoryFixtures.rates;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatService;

class HistoryCsvTest {

    private static final long T0 = 1_795_000_000_000L; // 2026-11-18T11:06:40Z

    private static Series series(QatService s, Metric m) {
        return SeriesCatalog.kstat(s, m).orElseThrow();
    }

    @Test
    void aWindowWithGapsAndALateDeviceExactly() throws IOException {
        OffloadHistory h = new OffloadHistory(10);
        h.append(T0, Optional.empty());
        h.append(T0 + 1000, rates(0, QatCounter.COMP_REQUESTS, 1500, QatCounter.COMP_TOTAL_IN_BYTES, 2_500_000,
                QatCounter.COMP_TOTAL_OUT_BYTES, 1_000_000), Map.of("qat_c6xx_0000:3d:00.0", 1234.5));
        h.append(T0 + 2001, rates(0, QatCounter.COMP_REQUESTS, 0.125, QatCounter.COMP_TOTAL_IN_BYTES, 0,
                QatCounter.COMP_TOTAL_OUT_BYTES, 0), Map.of("qat_c6xx_0000:3d:00.0", 3e9));
        h.append(T0 + 3000, rates(0)); // outside the window
        StringWriter out = new StringWriter();
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // a decimal comma locale must not leak in
        try {
            HistoryCsv.write(h, List.of(series(QatService.COMPRESSION, Metric.REQUESTS_PER_S),
                    series(QatService.COMPRESSION, Metric.MB_IN_PER_S), series(QatService.COMPRESSION, Metric.RATIO),
                    new FirmwareSeries("qat_c6xx_0000:3d:00.0")), T0, T0 + 3000, out);
        } finally {
            Locale.setDefault(before);
        }
        assertEquals("""
                time,compression.requests_per_s,compression.mb_in_per_s,compression.ratio,fw.qat_c6xx_0000:3d:00.0.requests_per_s
                2026-11-18T11:06:40.000Z,,,,
                2026-11-18T11:06:41.000Z,1500,2.5,2.5,1234.5
                2026-11-18T11:06:42.001Z,0.125,0,,3000000000
                """, out.toString());
    }

    @Test
    void allSeriesByDefaultAndOddDeviceNamesQuoted() throws IOException {
        OffloadHistory h = new OffloadHistory(2);
        h.append(0, Optional.empty(), Map.of("a,\"b\"", 1.0));
        StringWriter out = new StringWriter();
        HistoryCsv.write(h, 0, 1, out);
        String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length);
        assertEquals("time," + String.join(",", SeriesCatalog.kstat().stream().map(Series::id).toList())
                + ",\"fw.a,\"\"b\"\".requests_per_s\"", lines[0]);
        assertEquals("1970-01-01T00:00:00.000Z" + ",".repeat(SeriesCatalog.kstat().size()) + ",1", lines[1]);
    }

    @Test
    void numbersArePlainDecimals() {
        assertEquals("", HistoryCsv.number(Float.NaN));
        assertEquals("0", HistoryCsv.number(-0f));
        assertEquals("1500000000", HistoryCsv.number(1.5e9f));
        assertEquals("0.0000012", HistoryCsv.number(1.2e-6f));
        assertEquals("-3.25", HistoryCsv.number(-3.25f));
        assertEquals("0.1", HistoryCsv.number(0.1f));
    }
}
