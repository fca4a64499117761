package org.qatwb.model.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.qatwb.model.kstat.CounterRates;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatService;

class SeriesCatalogTest {

    private static double value(QatService s, Metric m, Map<QatCounter, Double> rates) {
        return SeriesCatalog.kstat(s, m).orElseThrow().derivation().valueOf(new CounterRates(1, rates));
    }

    @Test
    void theIdsAreFixedAndInChartOrder() {
        assertEquals(List.of(
                "compression.requests_per_s", "compression.mb_in_per_s", "compression.mb_out_per_s", "compression.ratio",
                "compression.fails_per_s",
                "decompression.requests_per_s", "decompression.mb_in_per_s", "decompression.mb_out_per_s",
                "decompression.ratio", "decompression.fails_per_s",
                "encryption.requests_per_s", "encryption.mb_in_per_s", "encryption.mb_out_per_s", "encryption.fails_per_s",
                "decryption.requests_per_s", "decryption.mb_in_per_s", "decryption.mb_out_per_s", "decryption.fails_per_s",
                "checksum.requests_per_s", "checksum.mb_in_per_s", "checksum.fails_per_s"),
                SeriesCatalog.kstat().stream().map(Series::id).toList());
    }

    @Test
    void everyCounterFeedsSomeSeries() {
        Set<QatCounter> used = EnumSet.noneOf(QatCounter.class);
        for (KstatSeries s : SeriesCatalog.kstat()) {
            if (s.derivation() instanceof Derivation.Rate r) used.add(r.counter());
            if (s.derivation() instanceof Derivation.Ratio r) {
                used.add(r.numerator());
                used.add(r.denominator());
            }
        }
        assertEquals(EnumSet.allOf(QatCounter.class), used);
    }

    @Test
    void sharedFailureCountersSayTheyAreShared() {
        Map<QatService, String> fails = SeriesCatalog.kstat().stream().filter(s -> s.metric() == Metric.FAILS_PER_S)
                .collect(Collectors.toMap(KstatSeries::service, KstatSeries::label));
        assertEquals("Compression fails/s (dc_fails: compression and decompression together)", fails.get(QatService.COMPRESSION));
        assertEquals("Decompression fails/s (dc_fails: compression and decompression together)", fails.get(QatService.DECOMPRESSION));
        assertTrue(fails.get(QatService.DECRYPTION).contains("crypt_fails: encryption and decryption together"));
        assertEquals("Checksum fails/s", fails.get(QatService.CHECKSUM));
    }

    @Test
    void unitsAndMissingSeries() {
        assertEquals("MB/s", SeriesCatalog.kstat(QatService.ENCRYPTION, Metric.MB_OUT_PER_S).orElseThrow().unit());
        assertEquals(Optional.empty(), SeriesCatalog.kstat(QatService.CHECKSUM, Metric.MB_OUT_PER_S), "no cksum_total_out_bytes");
        assertEquals(Optional.empty(), SeriesCatalog.kstat(QatService.ENCRYPTION, Metric.RATIO));
        assertEquals("requests/s", new FirmwareSeries("qat_c6xx_0000:3d:00.0").unit());
    }

    @Test
    void valuesScaleBytesToMegabytesAndRatiosGoTheRightWay() {
        Map<QatCounter, Double> r = Map.of(QatCounter.COMP_TOTAL_IN_BYTES, 3e6, QatCounter.COMP_TOTAL_OUT_BYTES, 1e6,
                QatCounter.DECOMP_TOTAL_IN_BYTES, 1e6, QatCounter.DECOMP_TOTAL_OUT_BYTES, 4e6);
        assertEquals(3.0, value(QatService.COMPRESSION, Metric.MB_IN_PER_S, r), 1e-12);
        assertEquals(3.0, value(QatService.COMPRESSION, Metric.RATIO, r), 1e-12, "comp in / comp out");
        assertEquals(4.0, value(QatService.DECOMPRESSION, Metric.RATIO, r), 1e-12, "decomp out / decomp in");
        assertEquals(Double.NaN, value(QatService.ENCRYPTION, Metric.REQUESTS_PER_S, r), "counter missing");
    }

    @Test
    void aRatioWithNothingOutIsNaNNotInfinity() {
        Map<QatCounter, Double> idle = Map.of(QatCounter.COMP_TOTAL_IN_BYTES, 5e6, QatCounter.COMP_TOTAL_OUT_BYTES, 0.0);
        assertEquals(Double.NaN, value(QatService.COMPRESSION, Metric.RATIO, idle));
    }

    @Test
    void idsReadBack() {
        for (KstatSeries s : SeriesCatalog.kstat()) {
            assertEquals(Optional.of(s), SeriesCatalog.byId(s.id()));
        }
        FirmwareSeries fw = new FirmwareSeries("qat_c6xx_0000:3d:00.0");
        assertEquals("fw.qat_c6xx_0000:3d:00.0.requests_per_s", fw.id());
        assertEquals(Optional.of(fw), SeriesCatalog.byId(fw.id()));
        assertEquals(Optional.empty(), SeriesCatalog.byId("fw..requests_per_s"));
        assertEquals(Optional.empty(), SeriesCatalog.byId("compression.bogus"));
    }
}
