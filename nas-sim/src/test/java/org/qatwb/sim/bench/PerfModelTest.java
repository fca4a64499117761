package org.qatwb.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qatwb.sim.profile.Dataset;
import org.qatwb.sim.profile.Profile;
import org.qatwb.sim.profile.Profiles;

/** The performance model: QAT takes the CPU cost of gzip, sha256 and AES-GCM; software gzip is CPU-bound. */
class PerfModelTest {

    private static final long GIB = 1L << 30;
    private static final Dataset BENCH = Dataset.fs("tank/b", "gzip", "sha256", "off", 128 * 1024, 1.0);
    private static final PerfModel.Offloaded ALL = new PerfModel.Offloaded(true, true, true);
    private static final PerfModel.ToolCost NOTHING = new PerfModel.ToolCost(0, 0);

    @Test
    void withQatTheCpuPerGibIsAFractionAndWithoutItGzipIsCpuBound() {
        Profile c62x = Profiles.c62x();
        PerfModel.Cost on = PerfModel.cost(PerfModel.Op.WRITE, GIB, 2.0, BENCH, ALL, NOTHING, c62x);
        PerfModel.Cost off = PerfModel.cost(PerfModel.Op.WRITE, GIB, 2.0, BENCH, PerfModel.Offloaded.NONE, NOTHING, c62x);
        assertTrue(off.systemCpu() > 20 * on.systemCpu(), on + " vs " + off);
        // gzip-6 at 60 MB/s a core on 56 CPUs = 28 cores x 1.25, plus sha256 of the half that is left
        double cores = 28 * 1.25;
        double expected = (GIB / 60e6 + GIB / 2.0 / 353e6) / cores + PerfModel.FIXED_S;
        assertEquals(expected, off.seconds(), 1e-9, "CPU-bound without QAT");
        assertTrue(on.seconds() < off.seconds(), on + " vs " + off);
        assertEquals(GIB / 2.0 / 3.0e9 + PerfModel.FIXED_S, on.seconds(), 1e-9, "with QAT the disks are the limit");
    }

    @Test
    void aDatasetQatCannotTakeCostsTheSameEitherWay() {
        Dataset lz4 = Dataset.fs("tank/l", "lz4", "on", "off", 1024 * 1024, 1.0);
        PerfModel.ToolCost fio = PerfModel.ToolCost.fio(PerfModel.Op.WRITE, 50, "sha256", false);
        Profile p = Profiles.dh8950();
        assertEquals(PerfModel.cost(PerfModel.Op.WRITE, GIB, 1.5, lz4, PerfModel.Offloaded.NONE, fio, p),
                PerfModel.cost(PerfModel.Op.WRITE, GIB, 1.5, lz4, PerfModel.Offloaded.NONE, fio, p));
        PerfModel.Cost read = PerfModel.cost(PerfModel.Op.READ, GIB, 1.5, lz4, PerfModel.Offloaded.NONE,
                PerfModel.ToolCost.fio(PerfModel.Op.READ, 50, "sha256", true), p);
        assertEquals(GIB / 353e6, read.userCpu(), 1e-9, "fio's own sha256 of what it reads, in its one thread");
    }

    @Test
    void qatCompressesAtLevelOneSoftwareAtTheDatasetsLevel() {
        assertEquals(1, PerfModel.zlibLevel(BENCH, ALL));
        assertEquals(6, PerfModel.zlibLevel(BENCH, PerfModel.Offloaded.NONE));
        assertEquals(9, PerfModel.zlibLevel(Dataset.fs("t/a", "gzip-9", "on", "off", 131072, 1), PerfModel.Offloaded.NONE));
    }

    @Test
    void aRecordMustSaveAnEighthAndIsAllocatedIn4KiB() {
        byte[] zeros = new byte[131072];
        assertEquals(4096, Compressibility.physicalSize(zeros, zeros.length, 6), "zeros: the smallest allocation");
        byte[] random = new byte[131072];
        new java.util.SplittableRandom(7).nextBytes(random);
        assertEquals(131072, Compressibility.physicalSize(random, random.length, 6), "random: stored as it is");
    }
}
