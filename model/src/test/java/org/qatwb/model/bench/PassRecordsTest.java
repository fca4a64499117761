package org.qatwb.model.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;

class PassRecordsTest {

    static final String HEADER = "19 1 0x01 17 4624 1645575508916183 3447141868397572\nname                            type data\n";
    private static final long MIB64 = 64L << 20;

    static String kstat(long compIn, long decompOut, long cksumIn, long dcFails) {
        return HEADER + "comp_requests 4 1\ncomp_total_in_bytes 4 " + compIn + "\ndecomp_total_out_bytes 4 " + decompOut
                + "\ncksum_total_in_bytes 4 " + cksumIn + "\ndc_fails 4 " + dcFails + "\ncrypt_fails 4 0\ncksum_fails 4 0\n";
    }

    static String phase(long clock0, long clock1, String cpu0, String cpu1, long bytes, int rc) {
        return "clock0 " + clock0 + "\nclock1 " + clock1 + "\nhz 100\ncpu0 " + cpu0 + "\ncpu1 " + cpu1 + "\nbytes " + bytes + "\nrc " + rc + "\n";
    }

    @Test
    void figuresComeFromTheClockProcStatAndKstatDeltas() {
        PassRecords r = new PassRecords(BenchPass.QAT_ON);
        r.put("info", "params 0 0 0\nzfs_compressratio 2.00x\nzfs_used 100\nchecksum verified\n");
        // 64 MiB in 0.5 s; 100 busy ticks (1 s at USER_HZ 100) for 1/16 GiB: 16 s per GiB
        r.put("write", phase(1000, 1050, "cpu  100 0 100 5000 7 0 0 0 0 0", "cpu  150 0 150 9000 99 0 0 0 0 0", MIB64, 0));
        r.put("write.kstat0", kstat(0, 0, 0, 0));
        r.put("write.kstat1", kstat(MIB64, 0, MIB64 / 4, 1));
        r.put("read", phase(2000, 2025, "cpu  0 0 0 0 0 0 0 0 0 0", "cpu  10 0 0 0 0 0 0 0 5 5", MIB64, 0));
        r.put("read.kstat0", kstat(0, 0, 0, 0));
        r.put("read.kstat1", kstat(0, MIB64 / 2, 0, 0));
        BenchRun run = r.run(false);
        assertEquals(128.0, run.writeMiBps().getAsDouble(), 1e-9);
        assertEquals(256.0, run.readMiBps().getAsDouble(), 1e-9);
        assertEquals(16.0, run.writeCpuPerGiB().getAsDouble(), 1e-9);
        assertEquals(1.6, run.readCpuPerGiB().getAsDouble(), 1e-9, "guest ticks are inside user already: not counted twice");
        assertEquals(1.0, run.qatShare().get("compress"));
        assertEquals(0.5, run.qatShare().get("checksum"), "checksums are of the compressed blocks: 32 MiB physical");
        assertEquals(0.5, run.qatShare().get("decompress"));
        assertFalse(run.qatShare().containsKey("encrypt"), "no encryption asked");
        assertEquals(2.0, run.compressRatio().getAsDouble());
        assertEquals(1, run.failures());
        assertEquals(ChecksumCheck.VERIFIED, run.checksum());
        assertTrue(run.errors().isEmpty(), run.errors().toString());
    }

    @Test
    void whatWasNotMeasuredIsEmptyNeverZero() {
        PassRecords r = new PassRecords(BenchPass.QAT_OFF);
        r.put("info", "error cannot set the parameters: zfs_qat_compress_disable=1: Permission denied\n");
        r.put("write", phase(1000, 1000, "garbage", "cpu", MIB64, 0));
        BenchRun run = r.run(true);
        assertTrue(run.writeMiBps().isEmpty(), "no time passed at 10 ms resolution");
        assertTrue(run.writeCpuPerGiB().isEmpty());
        assertTrue(run.readMiBps().isEmpty());
        assertTrue(run.compressRatio().isEmpty());
        assertTrue(run.qatShare().isEmpty(), "no kstat: no share");
        assertEquals(ChecksumCheck.NOT_CHECKED, run.checksum());
        assertEquals("cannot set the parameters: zfs_qat_compress_disable=1: Permission denied", run.errors().get(0));
    }

    @Test
    void aMismatchAndAFailedToolAreFailures() {
        PassRecords r = new PassRecords(BenchPass.QAT_ON);
        r.put("info", "checksum mismatch\n");
        r.put("write", phase(1000, 1100, "cpu  0 0 0 0 0 0 0 0", "cpu  1 0 0 0 0 0 0 0", MIB64, 0));
        r.put("read", phase(2000, 2100, "cpu  0 0 0 0 0 0 0 0", "cpu  1 0 0 0 0 0 0 0", MIB64, 1));
        r.put("read.tool", "\nsha256: verify failed at file /mnt/tank/x/data offset 262144, length 131072\n");
        r.put("read.json", resource("fio-read-mismatch.json"));
        BenchRun run = r.run(false);
        assertEquals(ChecksumCheck.MISMATCH, run.checksum());
        assertEquals(1, run.failures());
        assertTrue(run.readMiBps().isEmpty(), "a failed read has no throughput");
        assertTrue(run.errors().stream().anyMatch(e -> e.startsWith("read: the tool failed (exit status 1): sha256: verify failed")),
                run.errors().toString());
    }

    @Test
    void fiosRealJsonIsRead() throws ParseException {
        FioReport w = FioReport.read(resource("fio-write.json"));
        assertEquals("fio-3.33", w.version());
        assertEquals(0, w.error());
        assertEquals(OptionalLong.of(8388608), w.writeBytes());
        FioReport bad = FioReport.read(resource("fio-read-mismatch.json"));
        assertEquals(84, bad.error(), "EILSEQ: fio's verify failure");
    }

    @Test
    void hostileFioOutputIsOneLine() {
        for (String text : new String[] {"", "fio: bad option\n", "{\"jobs\": []}", "[1,2]", "{\"jobs\": [{\"error\": \"x\"}]"}) {
            try {
                FioReport.read(text);
                if (!text.startsWith("{\"jobs\": [{")) {
                    throw new AssertionError("read: " + text);
                }
            } catch (ParseException e) {
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            }
        }
    }

    static String resource(String name) {
        try (InputStream in = PassRecordsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
