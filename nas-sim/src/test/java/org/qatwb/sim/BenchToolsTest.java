package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatKstat;

/**
 * The simulated NAS's side of a benchmark over real SSH: /proc/stat, the modelled fio (its JSON, real
 * bytes, its verify), the dd stand-in, the performance model with ZFS's QAT parameters on and off, and
 * the corrupt-read fault. The clock is driven: each tool moves it by the time the model says.
 */
class BenchToolsTest {

    private static final String DS = "tank/qatwb-bench-t";
    private static final String CREATE = "zfs create -o compression=gzip -o recordsize=128K -o checksum=sha256"
            + " -o primarycache=metadata -o org.qatwb:bench=t " + DS;
    private static final long SIZE = 64L << 20;

    /** user+nice+system+irq+softirq+steal, idle+iowait and all, from /proc/stat's cpu line. */
    record Cpu(long busy, long idle, long total) {
    }

    static Cpu cpu(MinaClient ssh) throws Exception {
        String first = ssh.exec("head -n 1 \"$QATWB_ROOT\"/proc/stat").out();
        assertTrue(first.startsWith("cpu  "), first);
        String[] f = first.strip().split(" +");
        assertEquals(11, f.length, first);
        long[] v = new long[10];
        for (int i = 0; i < 10; i++) {
            v[i] = Long.parseLong(f[i + 1]);
        }
        long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
        return new Cpu(busy, v[3] + v[4], busy + v[3] + v[4]);
    }

    static QatKstat kstat(MinaClient ssh) throws Exception {
        return QatKstat.of(KstatParser.parse(ssh.exec("cat \"$QATWB_ROOT\"/proc/spl/kstat/zfs/qat").out()));
    }

    static double uptime(MinaClient ssh) throws Exception {
        return Double.parseDouble(ssh.exec("cut -d ' ' -f 1 \"$QATWB_ROOT\"/proc/uptime").out().strip());
    }

    /** A number from fio's JSON: the first {@code "key" : N} after {@code after}. */
    static long json(String text, String after, String key) {
        int from = text.indexOf(after);
        assertTrue(from >= 0, after + " in " + text);
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\" : (-?[0-9]+)").matcher(text);
        assertTrue(m.find(from), key + " after " + after);
        return Long.parseLong(m.group(1));
    }

    private static String fio(String mnt, String rw, String out) {
        return "fio --name=qatwb-bench --filename=" + mnt + "/data --rw=" + rw + " --bs=128k --size=" + SIZE
                + " --ioengine=psync " + (rw.equals("write") ? "--fallocate=none --buffer_compress_percentage=50"
                + " --refill_buffers --verify=sha256 --do_verify=0 --end_fsync=1" : "--verify=sha256")
                + " --output-format=json --output=" + out;
    }

    @Test
    void procStatIsProcFiveWithACpuLinePerCpuAndIdleGrowingWithTheClock() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x")); MinaClient ssh = new MinaClient(nas.endpoint())) {
            String text = ssh.exec("cat \"$QATWB_ROOT\"/proc/stat").out();
            assertTrue(text.matches("(?s)cpu  (\\d+ ){9}\\d+\n(cpu\\d+ (\\d+ ){9}\\d+\n){56}intr \\d+.*\nctxt \\d+\nbtime \\d+\n"
                    + "processes \\d+\nprocs_running \\d+\nprocs_blocked \\d+\nsoftirq \\d+.*\n"), text);
            Cpu before = cpu(ssh);
            nas.advance(Duration.ofSeconds(10));
            Cpu after = cpu(ssh);
            assertEquals(56 * 10 * 100, after.total() - before.total(), 56 * 2, "56 CPUs x 10 s x USER_HZ");
            assertTrue(after.idle() - before.idle() > 56 * 10 * 90, "a quiet box is idle: " + before + " " + after);
        }
    }

    @Test
    void fioWritesAndReadsRealBytesAndQatMakesTheCpuCostLowerAndTheWriteNoSlower() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x")); MinaClient ssh = new MinaClient(nas.endpoint())) {
            assertEquals("fio-3.33\n", ssh.exec("fio --version").out());
            assertEquals(0, ssh.exec(CREATE).rc());
            String mnt = ssh.exec("zfs get -H -p -o value mountpoint " + DS).out().strip();
            Path out = nas.root().resolve("var/tmp");
            Files.createDirectories(out);

            Phase onWrite = phase(ssh, fio(mnt, "write", out + "/on-write.json"), out.resolve("on-write.json"));
            assertEquals(SIZE, Files.size(Path.of(mnt, "data")), "real bytes");
            assertTrue(Files.exists(Path.of(nas.environment().get("HOME"), "local-qatwb-bench-0-verify.state")),
                    "fio saves a write job's verify state in its working directory");
            assertEquals(SIZE, json(onWrite.json, "\"write\" : {", "io_bytes"));
            assertEquals(0, json(onWrite.json, "\"jobs\"", "error"));
            assertEquals(SIZE / 131072, onWrite.delta(QatCounter.COMP_REQUESTS), "one compression request per 128K record");
            assertEquals(SIZE, onWrite.delta(QatCounter.COMP_TOTAL_IN_BYTES));
            assertTrue(onWrite.delta(QatCounter.CKSUM_REQUESTS) >= SIZE / 131072);
            String ratioOn = ssh.exec("zpool sync tank && zfs get -H -p -o value compressratio " + DS).out().strip();
            double r = Double.parseDouble(ratioOn);
            assertTrue(r > 1.5 && r < 2.2, "half random, half zeros: about 2x, " + ratioOn);
            Phase onRead = phase(ssh, fio(mnt, "read", out + "/on-read.json"), out.resolve("on-read.json"));
            assertEquals(0, onRead.rc, onRead.err);
            assertEquals(SIZE, json(onRead.json, "\"read\" : {", "io_bytes"));
            assertEquals(SIZE / 131072, onRead.delta(QatCounter.DECOMP_REQUESTS), "primarycache=metadata: every record from disk");

            for (String p : new String[] {"compress", "checksum", "encrypt"}) {
                assertEquals(0, ssh.exec("echo 1 | tee \"$QATWB_ROOT\"/sys/module/zfs/parameters/zfs_qat_" + p + "_disable").rc());
            }
            assertEquals(0, ssh.exec("rm -f " + mnt + "/data && zpool sync tank").rc());
            Phase offWrite = phase(ssh, fio(mnt, "write", out + "/off-write.json"), out.resolve("off-write.json"));
            assertEquals(0, offWrite.delta(QatCounter.COMP_REQUESTS), "QAT off: nothing offloaded");
            assertEquals(SIZE, json(offWrite.json, "\"write\" : {", "io_bytes"));
            double cpuOn = onWrite.cpuTicks;
            double cpuOff = offWrite.cpuTicks;
            // fio's own sha256 of every block and the quiet background are the same in both passes
            assertTrue(cpuOff > 2.5 * cpuOn, "software gzip-6 and sha256 cost the CPUs: on " + cpuOn + ", off " + cpuOff);
            long bwOn = json(onWrite.json, "\"write\" : {", "bw_bytes");
            long bwOff = json(offWrite.json, "\"write\" : {", "bw_bytes");
            assertTrue(bwOff <= bwOn, "on " + bwOn + " B/s, off " + bwOff + " B/s");
            assertTrue(offWrite.seconds > 0 && Math.abs(offWrite.seconds - json(offWrite.json, "\"write\" : {", "runtime") / 1000.0) < 0.05,
                    "the clock moved as long as fio says it ran: " + offWrite.seconds);
            Phase offRead = phase(ssh, fio(mnt, "read", out + "/off-read.json"), out.resolve("off-read.json"));
            assertEquals(0, offRead.rc, offRead.err);
            assertEquals(0, offRead.delta(QatCounter.DECOMP_REQUESTS));
        }
    }

    @Test
    void anEncryptedDatasetsRecordsAreEncryptedOnQat() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x")); MinaClient ssh = new MinaClient(nas.endpoint())) {
            Path key = nas.root().resolve("var/lib/qatwb/bench/k/key");
            Files.createDirectories(key.getParent());
            Files.write(key, new byte[32]);
            MinaClient.Result made = ssh.exec(CREATE.replace(" " + DS, " -o encryption=aes-256-gcm -o keyformat=raw -o keylocation=file://"
                    + key + " " + DS));
            assertEquals(0, made.rc(), made.err());
            String mnt = ssh.exec("zfs get -H -p -o value mountpoint " + DS).out().strip();
            Path out = Files.createDirectories(nas.root().resolve("var/tmp"));
            Phase w = phase(ssh, fio(mnt, "write", out + "/e.json"), out.resolve("e.json"));
            assertEquals(SIZE / 131072, w.delta(QatCounter.ENCRYPT_REQUESTS), "one encryption request per record (aes-256-gcm)");
            assertEquals(SIZE / 131072, w.delta(QatCounter.COMP_REQUESTS));
        }
    }

    @Test
    void aCorruptedReadFailsFiosVerify() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x")); MinaClient ssh = new MinaClient(nas.endpoint())) {
            assertEquals(0, ssh.exec(CREATE).rc());
            String mnt = ssh.exec("zfs get -H -p -o value mountpoint " + DS).out().strip();
            String out = nas.root().resolve("var/tmp").toString();
            Files.createDirectories(Path.of(out));
            assertEquals(0, ssh.exec(fio(mnt, "write", out + "/w.json")).rc());
            nas.faults().corruptNextRead();
            MinaClient.Result bad = ssh.exec(fio(mnt, "read", out + "/r.json"));
            assertEquals(1, bad.rc());
            assertTrue(bad.err().contains("sha256: verify failed at file " + mnt + "/data offset "), bad.err());
            assertEquals(84, json(Files.readString(Path.of(out, "r.json")), "\"jobs\"", "error"));
            MinaClient.Result good = ssh.exec(fio(mnt, "read", out + "/r2.json"));
            assertEquals(0, good.rc(), "one read only; the data on disk is right: " + good.err());
        }
    }

    @Test
    void fioRefusesWhatItDoesNotKnowAndWhatIsNotModelled() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("dh8950")); MinaClient ssh = new MinaClient(nas.endpoint())) {
            MinaClient.Result r = ssh.exec("fio --name=x --filename=/tmp/x --size=1m --frobnicate=1");
            assertEquals(1, r.rc());
            assertEquals("fio: unrecognized option '--frobnicate=1'\n", r.err());
            r = ssh.exec("fio --name=x --filename=/tmp/x --size=1m --rw=randwrite");
            assertEquals(1, r.rc());
            assertEquals("qatwb-sim: fio rw=randwrite is not simulated (read or write)\n", r.err());
        }
    }

    @Test
    void withoutFioTheDdPathIsModelledAndItsChecksumSeesACorruptedRead() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x")); MinaClient ssh = new MinaClient(nas.endpoint())) {
            nas.faults().withoutFio(true);
            assertNotEquals(0, ssh.exec("command -v fio").rc(), "no fio on the NAS, whatever this machine has");
            assertEquals(0, ssh.exec(CREATE).rc());
            String mnt = ssh.exec("zfs get -H -p -o value mountpoint " + DS).out().strip();
            String gen = "{ head -c 65536 /dev/urandom; head -c 65536 /dev/zero; } > /tmp/qatwb-sb-chunk.$$ && for i in $(seq 64);"
                    + " do cat /tmp/qatwb-sb-chunk.$$; done; rm -f /tmp/qatwb-sb-chunk.$$";
            double t0 = uptime(ssh);
            QatKstat k0 = kstat(ssh);
            MinaClient.Result w = ssh.exec("(" + gen + ") | dd of=" + mnt + "/data bs=128k conv=fsync");
            assertEquals(0, w.rc(), w.err());
            assertTrue(w.err().matches("(?s).*8388608 bytes \\(8\\.4 MB, 8\\.0 MiB\\) copied, [0-9.e-]+ s, .*"), w.err());
            assertTrue(uptime(ssh) > t0, "the modelled time passed");
            assertEquals(64, v(kstat(ssh), QatCounter.COMP_REQUESTS) - v(k0, QatCounter.COMP_REQUESTS));
            String sum = ssh.exec("sha256sum < " + mnt + "/data").out();
            String read = ssh.exec("dd if=" + mnt + "/data bs=128k 2>/dev/null | sha256sum").out();
            assertEquals(sum, read);
            nas.faults().corruptNextRead();
            assertNotEquals(sum, ssh.exec("dd if=" + mnt + "/data bs=128k 2>/dev/null | sha256sum").out());
            assertEquals(sum, ssh.exec("dd if=" + mnt + "/data bs=128k 2>/dev/null | sha256sum").out(), "one read only");
        }
    }

    private static long v(QatKstat k, QatCounter c) {
        return k.value(c).orElseThrow();
    }

    /** One tool run with what moved meanwhile. */
    record Phase(int rc, String err, String json, QatKstat before, QatKstat after, long cpuTicks, double seconds) {
        long delta(QatCounter c) {
            return v(after, c) - v(before, c);
        }
    }

    private static Phase phase(MinaClient ssh, String command, Path json) throws Exception {
        QatKstat k0 = kstat(ssh);
        Cpu c0 = cpu(ssh);
        double t0 = uptime(ssh);
        MinaClient.Result r = ssh.exec(command);
        double t1 = uptime(ssh);
        Cpu c1 = cpu(ssh);
        QatKstat k1 = kstat(ssh);
        assertEquals(0, r.rc(), command + ": " + r.err());
        return new Phase(r.rc(), r.err(), Files.readString(json), k0, k1, c1.busy() - c0.busy(), t1 - t0);
    }
}
