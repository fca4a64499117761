package org.qatwb.model.kstat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;

/** The zfs/qat view: which rows are which counters. */
class QatKstatTest {

    private static QatKstat qat(String text) throws ParseException {
        return QatKstat.of(KstatParser.parse(text));
    }

    private static List<String> names(List<KstatEntry> entries) {
        return entries.stream().map(KstatEntry::name).toList();
    }

    @Test
    void countersAreTheSeventeenOfDomainSection5InOrder() {
        String order = "comp_requests comp_total_in_bytes comp_total_out_bytes decomp_requests"
                + " decomp_total_in_bytes decomp_total_out_bytes dc_fails encrypt_requests encrypt_total_in_bytes"
                + " encrypt_total_out_bytes decrypt_requests decrypt_total_in_bytes decrypt_total_out_bytes"
                + " crypt_fails cksum_requests cksum_total_in_bytes cksum_fails";
        assertEquals(List.of(order.split(" ")), Arrays.stream(QatCounter.values()).map(QatCounter::kstatName).toList());
    }

    @Test
    void everyCounterHasAServiceAndALabel() {
        assertEquals(QatService.DECOMPRESSION, QatCounter.DECOMP_TOTAL_OUT_BYTES.service());
        assertEquals(QatService.ENCRYPTION, QatCounter.CRYPT_FAILS.service());
        assertEquals(QatService.DECRYPTION, QatCounter.DECRYPT_REQUESTS.service());
        assertEquals(QatService.CHECKSUM, QatCounter.CKSUM_FAILS.service());
        assertEquals(QatService.COMPRESSION, QatCounter.DC_FAILS.service());
        for (QatCounter c : QatCounter.values()) assertTrue(!c.label().isBlank() && c.service() != null, c.name());
    }

    @Test
    void fullFileGivesAllSeventeenCounters() throws ParseException {
        QatKstat q = qat(KstatFixtures.QAT_FULL);
        assertEquals(17, q.known().size());
        assertEquals(List.of(QatCounter.values()), List.copyOf(q.known().keySet()));
        assertEquals(OptionalLong.of(1048576), q.value(QatCounter.COMP_REQUESTS));
        assertEquals(OptionalLong.of(3), q.value(QatCounter.DC_FAILS));
        assertEquals(OptionalLong.of(8589934592L), q.value(QatCounter.CKSUM_TOTAL_IN_BYTES));
        assertEquals(OptionalLong.of(0), q.value(QatCounter.CKSUM_FAILS));
        assertEquals(List.of(), q.unknown());
        assertEquals(137438953472.0 / 45812984490.0, q.compressionRatio().orElseThrow(), 1e-12);
    }

    @Test
    void zfs07MisspellingsAreTheRequestCounters() throws ParseException {
        QatKstat q = qat(KstatFixtures.QAT_ZFS_0_7);
        assertEquals(OptionalLong.of(40960), q.value(QatCounter.COMP_REQUESTS));
        assertEquals(OptionalLong.of(81920), q.value(QatCounter.DECOMP_REQUESTS));
        assertEquals(OptionalLong.of(2), q.value(QatCounter.DC_FAILS));
        assertEquals(7, q.known().size());
        assertTrue(q.value(QatCounter.ENCRYPT_REQUESTS).isEmpty());
        assertEquals(List.of(), q.unknown());
        assertEquals(List.of(), q.raw().warnings());
    }

    @Test
    void unknownNamesAreKeptInFileOrder() throws ParseException {
        QatKstat q = qat(KstatFixtures.QAT_WITH_FOREIGN_ROWS);
        assertEquals(List.of("init_failed", "zia_offloads", "hw_resets", "provider"), names(q.unknown()));
        assertEquals("hpc dpusm", q.unknown().get(3).value());
        assertEquals(Map.of(QatCounter.COMP_REQUESTS, 7L, QatCounter.COMP_TOTAL_IN_BYTES, 28672L), q.known());
        assertTrue(q.compressionRatio().isEmpty(), "no out counter, no ratio");
    }

    @Test
    void valuesAboveLongMaxStayUnsigned() throws ParseException {
        QatKstat q = qat("1 1 0x01 2 544 1 2\nname type data\n"
                + "comp_total_in_bytes 4 18446744073709551615\ncomp_total_out_bytes 4 9223372036854775808\n");
        assertEquals("18446744073709551615", Long.toUnsignedString(q.value(QatCounter.COMP_TOTAL_IN_BYTES).orElseThrow()));
        assertEquals(2.0, q.compressionRatio().orElseThrow(), 1e-12);
    }

    @Test
    void noRatioBeforeAnythingCameOut() throws ParseException {
        QatKstat q = qat("1 1 0x01 2 544 1 2\nname type data\ncomp_total_in_bytes 4 4096\ncomp_total_out_bytes 4 0\n");
        assertTrue(q.compressionRatio().isEmpty());
    }

    @Test
    void rowsThatCannotBeACounterGoToUnknown() throws ParseException {
        QatKstat q = qat("1 1 0x01 4 1088 1 2\nname type data\n"
                + "comp_requests 7 many\ndc_fails 3 -1\ncksum_fails 4 5\ncksum_fails 4 6\n");
        assertEquals(Map.of(QatCounter.CKSUM_FAILS, 5L), q.known());
        assertEquals(List.of("comp_requests", "dc_fails", "cksum_fails"), names(q.unknown()));
        assertEquals(6, q.unknown().get(2).line());
    }

    @Test
    void knownMapIsReadOnly() throws ParseException {
        QatKstat q = qat(KstatFixtures.QAT_FULL);
        assertThrows(UnsupportedOperationException.class, () -> q.known().put(QatCounter.DC_FAILS, 1L));
        assertTrue(QatKstat.of(KstatParser.parse("name type data\n")).known().isEmpty());
    }

    @Test
    void byKstatNameKnowsBothSpellings() {
        assertEquals(QatCounter.DECOMP_REQUESTS, QatCounter.byKstatName("decomp_reqests").orElseThrow());
        assertEquals(QatCounter.DECOMP_REQUESTS, QatCounter.byKstatName("decomp_requests").orElseThrow());
        assertTrue(QatCounter.byKstatName("qat_comp_req").isEmpty());
    }
}
