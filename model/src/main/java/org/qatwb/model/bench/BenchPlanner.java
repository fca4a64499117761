package org.qatwb.model.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.qatwb.model.apply.TxId;
import org.qatwb.model.zfs.ZfsParam;

/**
 * Decides what a benchmark will do from what {@code bench-probe} found, or why it cannot run. The
 * agent checks the same things again on the NAS before it changes anything (bench_run).
 */
public final class BenchPlanner {

    /** The scratch dataset's name under its pool: {@code POOL/qatwb-bench-ID}. */
    public static final String DATASET_PREFIX = "qatwb-bench-";
    /** The agent takes the size in MiB, at most 1 TiB. */
    public static final long MAX_SIZE = 1L << 40;
    /** Free space asked for, in multiples of the size: the data, and room for the pool to stay healthy. */
    public static final int SPACE_FACTOR = 3;

    // The estimate, before anything was measured: MiB/s that a NAS with software gzip-6 (ZFS's
    // compression=gzip) reaches at least on one pass; the figures the run measures replace it.
    static final double WRITE_MIBPS = 100;
    static final double READ_MIBPS = 300;
    /** sha256sum of the dd data set before the measured write (the read takes its sha256 as it reads). */
    static final double SHA_MIBPS = 300;
    /** Creating and destroying the dataset, the parameters, zpool syncs between the phases. */
    static final Duration OVERHEAD = Duration.ofSeconds(15);

    private BenchPlanner() {
    }

    /** The plan with a fresh id (the time and 32 random bits, as a transaction's). */
    public static BenchPlan plan(BenchProbe probe, BenchRequest request) throws BenchRefusal {
        return plan(probe, request, TxId.next(java.time.Instant.now()));
    }

    public static BenchPlan plan(BenchProbe probe, BenchRequest request, String id) throws BenchRefusal {
        TxId.require(id);
        if (request.sizeBytes() % BenchRequest.MIB != 0) {
            throw new BenchRefusal("the size must be a whole number of MiB, not " + request.sizeBytes() + " bytes");
        }
        if (request.sizeBytes() > MAX_SIZE) {
            throw new BenchRefusal("the size is at most 1 TiB");
        }
        if (probe.notRoot().isPresent()) {
            throw new BenchRefusal(probe.notRoot().get());
        }
        if (probe.params().size() < ZfsParam.values().length) {
            throw new BenchRefusal("ZFS has no QAT parameters (zfs_qat_*_disable): it was built without QAT, or is not loaded;"
                    + " there is nothing to compare");
        }
        if (!probe.running().isEmpty()) {
            throw new BenchRefusal("benchmark " + probe.running().get(0) + " is running on this NAS: one at a time");
        }
        if (probe.pools().isEmpty()) {
            throw new BenchRefusal("the NAS has no pool");
        }
        long need = SPACE_FACTOR * request.sizeBytes();
        PoolSpace pool;
        if (request.pool().isPresent()) {
            String name = request.pool().get();
            pool = probe.pool(name).orElseThrow(() -> new BenchRefusal("no pool " + name + " on this NAS (pools: "
                    + probe.pools().stream().map(PoolSpace::name).collect(Collectors.joining(", ")) + ")"));
            if (pool.available() < need) {
                throw new BenchRefusal("pool " + name + " has " + bytes(Math.max(0, pool.available())) + " available, under "
                        + SPACE_FACTOR + " times the size (" + bytes(need) + ")");
            }
        } else {
            PoolSpace largest = probe.pools().stream().max(Comparator.comparingLong(PoolSpace::available)).orElseThrow();
            if (largest.available() < need) {
                throw new BenchRefusal("no pool has " + SPACE_FACTOR + " times the size (" + bytes(need) + ") available; the most is "
                        + bytes(Math.max(0, largest.available())) + " on " + largest.name());
            }
            pool = largest;
        }
        String dataset = pool.name() + "/" + DATASET_PREFIX + id;
        java.util.Map<ZfsParam, Integer> before = probe.params();
        return new BenchPlan(request, pool.name(), dataset, pool.available(), probe.tool(), before,
                estimate(request, probe.tool()), steps(request, probe.tool(), dataset, before), probe.simulated());
    }

    /** The id in a plan's dataset name. */
    public static String id(BenchPlan plan) {
        String ds = plan.dataset();
        return ds.substring(ds.lastIndexOf('/') + 1 + DATASET_PREFIX.length());
    }

    static Duration estimate(BenchRequest request, BenchTool tool) {
        double mib = (double) request.sizeBytes() / BenchRequest.MIB;
        double perPass = mib / WRITE_MIBPS + mib / READ_MIBPS;
        double seconds = 2 * perPass + (tool == BenchTool.DD ? mib / SHA_MIBPS : 0);
        return OVERHEAD.plusMillis(Math.round(seconds * 1000));
    }

    static List<String> steps(BenchRequest request, BenchTool tool, String dataset, java.util.Map<ZfsParam, Integer> before) {
        List<String> steps = new ArrayList<>();
        String size = bytes(request.sizeBytes());
        steps.add("create " + dataset + " (compression=gzip, recordsize=128K, checksum=sha256, primarycache=metadata"
                + (request.encrypt() ? ", encryption=aes-256-gcm with a raw key made on the NAS and never sent" : "") + ")");
        if (tool == BenchTool.DD) {
            steps.add("make the data set's pattern (" + request.compressibility() + " % compressible) and its sha256");
        }
        for (BenchPass pass : BenchPass.values()) {
            String v = pass == BenchPass.QAT_ON ? "0" : "1";
            steps.add(pass.label() + ": write " + v + " to zfs_qat_compress_disable, zfs_qat_checksum_disable and"
                    + " zfs_qat_encrypt_disable");
            steps.add(pass.label() + ": " + tool.wire() + " writes " + size + " (" + request.compressibility()
                    + " % compressible), synced to the pool (zpool sync)");
            steps.add(pass.label() + ": read it back from the disks (primarycache=metadata: no ARC), "
                    + (tool == BenchTool.FIO ? "fio verifying every block's sha256" : "its sha256 taken as it is read and checked"));
        }
        steps.add("restore the parameters (" + before.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey().shortName() + "=" + e.getValue()).collect(Collectors.joining(" "))
                + ") and destroy " + dataset + ", also when stopped or failing (on the NAS)");
        return steps;
    }

    /** Bytes for a person: 2 GiB, 512 MiB, 1.5 TiB. */
    public static String bytes(long n) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return n + " bytes";
        }
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }
}
