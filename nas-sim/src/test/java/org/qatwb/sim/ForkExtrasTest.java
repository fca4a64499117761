package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.qatwb.model.kstat.KstatEntry;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.sim.zfs.ForkExtras;

/** The hypothetical fork (ForkExtras): TheTDD/zfs's extra rows and parameters on top of OpenZFS's, on a driven clock. */
class ForkExtrasTest {

    private static final String PARAMS = "\"$QATWB_ROOT\"/sys/module/zfs/parameters/";

    private static QatKstat kstat(SimulatedNas nas) throws Exception {
        Shell.Result r = Shell.run(nas, "cat \"$QATWB_ROOT\"/proc/spl/kstat/zfs/qat");
        assertEquals(0, r.rc(), r.err());
        return QatKstat.of(KstatParser.parse(r.out()));
    }

    private static long row(QatKstat k, String name) {
        return k.raw().entry(name).map(KstatEntry::asUnsignedLong).orElseThrow(() -> new AssertionError(name));
    }

    @Test
    void theForksRowsFollowOpenZfsRowsAndItsParametersHaveTheirDefaults() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withForkExtras(true))) {
            String text = Shell.run(nas, "cat \"$QATWB_ROOT\"/proc/spl/kstat/zfs/qat").out();
            assertTrue(text.startsWith("19 1 0x01 38 " + 38 * 272 + " "), text);
            QatKstat k = kstat(nas);
            assertEquals(17, k.known().size());
            assertEquals(ForkExtras.ROWS, k.unknown().stream().map(KstatEntry::name).toList());
            assertEquals(java.util.List.of(), k.raw().warnings());
            Path params = nas.root().resolve("sys/module/zfs/parameters");
            assertEquals("100", Files.readString(params.resolve("zfs_qat_init_failure_threshold")).strip());
            assertEquals("0", Files.readString(params.resolve("zfs_qat_compress_disable")).strip(), "OpenZFS's still there");
        }
        try (SimulatedNas plain = SimulatedNas.start(SimOptions.driven("c62x"))) {
            assertTrue(kstat(plain).unknown().isEmpty(), "c62x is OpenZFS's by default");
            assertFalse(Files.exists(plain.root().resolve("sys/module/zfs/parameters/zfs_qat_disable_compression")));
        }
    }

    @Test
    void theForksDisableParametersStopTheirDirectionOnly() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withForkExtras(true))) {
            assertEquals(0, Shell.run(nas, "echo 1 | tee " + PARAMS + "zfs_qat_disable_compression").rc());
            Shell.Result bad = Shell.run(nas, "echo lots | tee " + PARAMS + "zfs_qat_init_failure_threshold");
            assertTrue(bad.rc() != 0 && bad.err().contains("Invalid argument"), bad.err());
            nas.workload().set("tank/vm", 50, 50); // a zvol: gzip-1, sha256, 16K blocks
            nas.advance(Duration.ofSeconds(4));
            QatKstat k = kstat(nas);
            assertEquals(0, k.value(QatCounter.COMP_REQUESTS).orElseThrow(), "compression not offloaded (qat_use_accel)");
            assertTrue(k.value(QatCounter.DECOMP_REQUESTS).orElseThrow() > 0, "decompression still is");
            assertEquals("100", Files.readString(nas.root().resolve("sys/module/zfs/parameters/zfs_qat_init_failure_threshold"))
                    .strip(), "a refused write changes nothing");
        }
    }

    @Test
    void aRefusedInitIsCountedAndAReloadStartsTheRowsAndParametersAfresh() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken"))) {   // the fork by default
            Shell.Result r = Shell.run(nas, "echo 0 | tee " + PARAMS + "zfs_qat_compress_disable");
            assertTrue(r.err().contains("Operation not permitted"), r.err());
            Shell.run(nas, "echo 0 | tee " + PARAMS + "zfs_qat_checksum_disable");
            assertEquals(0, Shell.run(nas, "echo 7 | tee " + PARAMS + "zfs_qat_disable_decompression").rc());
            assertEquals(2, row(kstat(nas), "init_failed"));
            nas.reloadZfsModule();
            assertEquals(0, row(kstat(nas), "init_failed"));
            assertEquals("0", Files.readString(nas.root().resolve("sys/module/zfs/parameters/zfs_qat_disable_decompression"))
                    .strip(), "module_param's default again");
        }
    }
}
