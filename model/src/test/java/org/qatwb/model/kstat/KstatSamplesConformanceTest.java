package org.qatwb.model.kstat;

import org.qatwb.model.testutil.Samples;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every capture in {@code ${qatwb.samples}/kstat} (real outputs pasted in OpenZFS issues, see the
 * corpus README) parses, and gives the values printed in it. Skipped when the corpus is absent.
 */
class KstatSamplesConformanceTest {

    private static final String FULL_200TB = "proc_spl_kstat_zfs_qat_200TB_gzip_no_failures_zfs_issue9784.txt";
    private static final String CKSUM_ONLY = "proc_spl_kstat_zfs_qat_cksum_only_zfs_pr9788.txt";
    private static final String AFTER_COPY = "proc_spl_kstat_zfs_qat_after_copy_PARTIAL_zfs_pr9788.txt";
    private static final String FORK = "NOT_UPSTREAM_fork_kstat_zfs_qat-dc_TheTDD_zfs_issue8076_PARTIAL.txt";
    private static final String PROTOTYPE = "EARLY_PROTOTYPE_kstat_zfs_qat_wli5_zfs_pr5846_review_PARTIAL.txt";

    /** What each known capture must give; files added to the corpus later only have to parse. */
    private static final Map<String, BiConsumer<NamedKstat, QatKstat>> EXPECTED = Map.of(
            FULL_200TB, KstatSamplesConformanceTest::full200Tb,
            CKSUM_ONLY, KstatSamplesConformanceTest::cksumOnly,
            AFTER_COPY, KstatSamplesConformanceTest::afterCopy,
            FORK, KstatSamplesConformanceTest::fork,
            PROTOTYPE, KstatSamplesConformanceTest::prototype);

    private static Path corpus() {
        Samples.files("kstat");
        return Samples.root().resolve("kstat");
    }

    static Stream<Path> samples() {
        return Samples.files("kstat").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleParsesAndGivesItsCounters(Path file) throws IOException {
        String text = Files.readString(file);
        NamedKstat kstat = assertDoesNotThrow(() -> KstatParser.parse(text));
        for (String w : kstat.warnings()) assertFalse(w.contains("\n"), w);
        BiConsumer<NamedKstat, QatKstat> expected = EXPECTED.get(file.getFileName().toString());
        if (expected == null) {
            assertFalse(kstat.entries().isEmpty(), "a capture without rows");
        } else {
            expected.accept(kstat, QatKstat.of(kstat));
        }
    }

    @Test
    void everyCaptureWithExpectationsIsInTheCorpus() {
        Path dir = corpus();
        for (String name : EXPECTED.keySet()) assertTrue(Files.isRegularFile(dir.resolve(name)), name);
    }

    private static void full200Tb(NamedKstat k, QatKstat q) {
        assertEquals(List.of(), k.warnings());
        assertEquals(17, k.header().orElseThrow().ndata());
        assertEquals(List.of(QatCounter.values()), List.copyOf(q.known().keySet()));
        assertEquals(OptionalLong.of(218485057L), q.value(QatCounter.COMP_REQUESTS));
        assertEquals(OptionalLong.of(214690002502144L), q.value(QatCounter.COMP_TOTAL_IN_BYTES));
        assertEquals(OptionalLong.of(53087375405150L), q.value(QatCounter.COMP_TOTAL_OUT_BYTES));
        assertEquals(OptionalLong.of(932199741L), q.value(QatCounter.DECOMP_REQUESTS));
        assertEquals(OptionalLong.of(235924900200960L), q.value(QatCounter.DECOMP_TOTAL_OUT_BYTES));
        assertEquals(OptionalLong.of(0), q.value(QatCounter.DC_FAILS));
        assertEquals(OptionalLong.of(0), q.value(QatCounter.ENCRYPT_REQUESTS));
        assertEquals(4.0441, q.compressionRatio().orElseThrow(), 1e-4);
        assertEquals(List.of(), q.unknown());
    }

    private static void cksumOnly(NamedKstat k, QatKstat q) {
        assertEquals(List.of(), k.warnings());
        assertEquals(17, q.known().size());
        assertEquals(OptionalLong.of(20), q.value(QatCounter.CKSUM_REQUESTS));
        assertEquals(OptionalLong.of(1933312), q.value(QatCounter.CKSUM_TOTAL_IN_BYTES));
        assertEquals(OptionalLong.of(0), q.value(QatCounter.COMP_REQUESTS));
        assertTrue(q.compressionRatio().isEmpty(), "nothing compressed, no ratio");
    }

    private static void afterCopy(NamedKstat k, QatKstat q) {
        assertEquals(3, k.entries().size());
        assertEquals(OptionalLong.of(6378), q.value(QatCounter.COMP_REQUESTS));
        assertEquals(OptionalLong.of(835977216), q.value(QatCounter.COMP_TOTAL_IN_BYTES));
        assertEquals(OptionalLong.of(145444956), q.value(QatCounter.COMP_TOTAL_OUT_BYTES));
        assertTrue(q.value(QatCounter.DECOMP_REQUESTS).isEmpty());
        assertEquals(1, k.warnings().size(), k.warnings().toString());
        String w = k.warnings().get(0);
        assertTrue(w.startsWith("line 1: ") && w.contains("17") && w.contains("3 were read"), w);
    }

    private static void fork(NamedKstat k, QatKstat q) {
        assertEquals(20, k.entries().size());
        assertEquals(OptionalLong.of(1611), q.value(QatCounter.COMP_REQUESTS));
        assertEquals(OptionalLong.of(474187264), q.value(QatCounter.DECOMP_TOTAL_OUT_BYTES));
        assertEquals(6, q.known().size());
        assertEquals(List.of("init_failed", "comp_fails", "decomp_fails", "err_gen_header", "err_timeout",
                        "err_gen_footer", "err_overflow", "err_status_fail", "err_status_retry", "err_status_param",
                        "err_status_resource", "err_status_baddata", "err_status_restarting", "err_status_unknown"),
                q.unknown().stream().map(KstatEntry::name).toList());
        assertEquals(1, k.warnings().size(), k.warnings().toString());
        String w = k.warnings().get(0);
        assertTrue(w.startsWith("line 1: ") && w.contains("27") && w.contains("20 were read"), w);
    }

    private static void prototype(NamedKstat k, QatKstat q) {
        assertTrue(k.header().isEmpty());
        assertTrue(q.known().isEmpty());
        assertEquals(List.of(
                        new KstatEntry("qat_comp_req", 4, "16368", 3),
                        new KstatEntry("qat_comp_total_in_bytes", 4, "2145386496", 4),
                        new KstatEntry("qat_comp_total_out_bytes", 4, "1110250928", 5)),
                q.unknown());
        assertEquals(2, k.warnings().size(), k.warnings().toString());
        assertTrue(k.warnings().get(0).startsWith("line 1: ignored before the kstat header: \"cat /proc/spl/kstat/zfs/qat\""),
                k.warnings().get(0));
        assertTrue(k.warnings().get(1).startsWith("line 2: no kstat header line"), k.warnings().get(1));
    }
}
