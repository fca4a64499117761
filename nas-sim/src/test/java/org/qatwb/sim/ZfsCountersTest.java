package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatKstat;

/** The kstat counters move only for work ZFS offloads (DOMAIN.md sections 5 and 7), on a driven clock. */
class ZfsCountersTest {

    private static QatKstat kstat(SimulatedNas nas) throws Exception {
        Shell.Result r = Shell.run(nas, "cat \"$QATWB_ROOT\"/proc/spl/kstat/zfs/qat");
        assertEquals(0, r.rc(), r.err());
        return QatKstat.of(KstatParser.parse(r.out()));
    }

    private static long v(QatKstat k, QatCounter c) {
        return k.value(c).orElseThrow();
    }

    @Test
    void theKstatIsTheSplFormatWithSeventeenCounters() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            String text = Shell.run(nas, "cat \"$QATWB_ROOT\"/proc/spl/kstat/zfs/qat").out();
            assertTrue(text.matches("(?s)19 1 0x01 17 4624 \\d+ \\d+\nname                            type data\n"
                    + "comp_requests                   4    0\ncomp_total_in_bytes             4    0\n.*"), text);
            QatKstat k = QatKstat.of(KstatParser.parse(text));
            assertEquals(17, k.known().size());
            assertEquals(java.util.List.of(), k.raw().warnings());
        }
    }

    @Test
    void idleDatasetsMoveNothing() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            nas.advance(Duration.ofMinutes(5));
            assertTrue(kstat(nas).known().values().stream().allMatch(x -> x == 0));
        }
    }

    @Test
    void gzipSha256AesGcmWorkIsCountedLz4AndOneMegabyteRecordsAreNot() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            nas.workload().set("tank/media", 500, 500);   // lz4, 1M: never
            nas.workload().set("tank/archive", 500, 500); // gzip-9 and sha256 but 1M records: never
            nas.workload().set("tank/home", 500, 500);    // lz4, fletcher: never
            nas.advance(Duration.ofSeconds(30));
            // only the pool's own labels and uberblocks: 6 syncs, 2 leaves x (4 uberblocks + 4 labels)
            long labels = 6 * 16;
            QatKstat idle = kstat(nas);
            assertEquals(labels, v(idle, QatCounter.CKSUM_REQUESTS));
            assertEquals(6 * 2 * (4 * 4096 + 4 * 112 * 1024), v(idle, QatCounter.CKSUM_TOTAL_IN_BYTES));
            assertTrue(idle.known().entrySet().stream().filter(e -> !e.getKey().name().startsWith("CKSUM_REQUESTS")
                    && !e.getKey().name().startsWith("CKSUM_TOTAL")).allMatch(e -> e.getValue() == 0), idle.known().toString());

            nas.workload().set("tank/backup", 100, 0);    // gzip, sha256, aes-256-gcm, 128K
            nas.advance(Duration.ofSeconds(10));
            QatKstat k = kstat(nas);
            long bytes = 100L * 1_000_000 * 10;
            long blocks = bytes / (128 * 1024);
            assertEquals(blocks, v(k, QatCounter.COMP_REQUESTS));
            assertEquals(blocks * 128 * 1024, v(k, QatCounter.COMP_TOTAL_IN_BYTES));
            double ratio = (double) v(k, QatCounter.COMP_TOTAL_IN_BYTES) / v(k, QatCounter.COMP_TOTAL_OUT_BYTES);
            assertEquals(3.1, ratio, 0.01);
            assertEquals(blocks + labels + 2 * 16, v(k, QatCounter.CKSUM_REQUESTS));
            assertEquals(blocks, v(k, QatCounter.ENCRYPT_REQUESTS));
            assertEquals(0, v(k, QatCounter.DECOMP_REQUESTS));
            assertEquals(0, v(k, QatCounter.DC_FAILS));
        }
    }

    @Test
    void aParameterAtOneStopsThatOffloadOnly() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            assertEquals(0, Shell.run(nas, "echo 1 | tee \"$QATWB_ROOT\"/sys/module/zfs/parameters/zfs_qat_checksum_disable").rc());
            nas.workload().set("tank/vm", 50, 50); // a zvol: gzip-1, sha256, 16K blocks
            nas.advance(Duration.ofSeconds(4));
            QatKstat k = kstat(nas);
            assertTrue(v(k, QatCounter.COMP_REQUESTS) > 0);
            assertTrue(v(k, QatCounter.DECOMP_REQUESTS) > 0);
            assertEquals(0, v(k, QatCounter.CKSUM_REQUESTS));
        }
    }

    @Test
    void nothingMovesOnBrokenWhateverTheLoad() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken"))) {
            nas.workload().set("tank/media", 400, 400).set("tank/backup", 400, 400);
            nas.advance(Duration.ofMinutes(1));
            assertTrue(kstat(nas).known().values().stream().allMatch(x -> x == 0));
        }
    }

    @Test
    void firmwareCountersFollowTheRequestsAndAReloadResetsTheKstat() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            nas.workload().set("tank/backup", 200, 100);
            nas.advance(Duration.ofSeconds(20));
            QatKstat k = kstat(nas);
            long requests = v(k, QatCounter.COMP_REQUESTS) + v(k, QatCounter.DECOMP_REQUESTS)
                    + v(k, QatCounter.CKSUM_REQUESTS) + v(k, QatCounter.ENCRYPT_REQUESTS) + v(k, QatCounter.DECRYPT_REQUESTS);
            Shell.Result fw = Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/kernel/debug/qat_c6xx_*/fw_counters");
            assertEquals(0, fw.rc(), fw.err());
            assertTrue(fw.out().startsWith("+------------------------------------------------+\n"
                    + "| FW Statistics for Qat Device                   |\n"
                    + "+------------------------------------------------+\n"
                    + "| Firmware Requests [AE  0]:"), fw.out());
            long sum = 0;
            Matcher m = Pattern.compile("\\| Firmware Requests \\[AE +\\d+\\]: +(\\d+) \\|").matcher(fw.out());
            while (m.find()) {
                sum += Long.parseLong(m.group(1));
            }
            assertEquals(requests, sum);
            for (String line : fw.out().split("\n")) {
                assertEquals(50, line.length(), line);
            }

            nas.reloadZfsModule();
            assertTrue(kstat(nas).known().values().stream().allMatch(x -> x == 0));
            assertEquals("0\n", Shell.run(nas, "cat \"$QATWB_ROOT\"/sys/module/zfs/parameters/zfs_qat_compress_disable").out());
        }
    }

    @Test
    void checksumLoadLogsTheRequestsPendingMessageNowAndThen() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            String message = "cpaCySymRemoveSession() - : There are 1 requests pending";
            assertTrue(!Shell.run(nas, "dmesg").out().contains(message));
            nas.workload().set("tank/backup", 200, 200);
            nas.advance(Duration.ofMinutes(2));
            String dmesg = Shell.run(nas, "dmesg").out();
            long n = dmesg.lines().filter(l -> l.endsWith("] " + message)).count();
            assertTrue(n >= 3 && n <= 20, n + " messages");
        }
    }

    @Test
    void aPolledInstanceHangsItsPathWithoutAFailure() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("dh8950"))) {
            // VF 0 all polled (the driver accepts it: one mode on its one bank), the other 31 interrupt-driven
            assertEquals(0, Shell.run(nas, "cd \"$QATWB_ROOT\"/etc && sed 's/IsPolled = 0/IsPolled = 1/' dh895xccvf_dev0.conf"
                    + " > x.new && mv x.new dh895xccvf_dev0.conf && adf_ctl restart >/dev/null"
                    + " && echo 0 | tee \"$QATWB_ROOT\"/sys/module/zfs/parameters/zfs_qat_checksum_disable").rc());
            nas.workload().set("data/backup", 100, 0); // sha256, 128K
            nas.advance(Duration.ofSeconds(10));
            QatKstat k = kstat(nas);
            // 31 requests complete on the interrupt-driven instances, the 32nd waits forever on the polled one
            assertEquals(32, v(k, QatCounter.CKSUM_REQUESTS));
            assertEquals(0, v(k, QatCounter.CKSUM_FAILS));
            nas.advance(Duration.ofSeconds(100));
            assertEquals(32, v(kstat(nas), QatCounter.CKSUM_REQUESTS));
            assertTrue(!Shell.run(nas, "dmesg").out().contains("blocked for more than 120 seconds"));
            nas.advance(Duration.ofSeconds(30));
            assertEquals(0, v(kstat(nas), QatCounter.CKSUM_FAILS));
            assertTrue(Shell.run(nas, "dmesg").out().contains("] INFO: task z_wr_iss:2819 blocked for more than 120 seconds.\n"));
        }
    }
}
