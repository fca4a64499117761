package org.qatwb.sim.bench;

import org.qatwb.sim.profile.Dataset;
import org.qatwb.sim.profile.Profile;

/**
 * How long writing or reading a dataset takes on the simulated NAS and what CPU it costs: the
 * simulator's own performance model, never the product's. Every constant has its origin beside it:
 * "measured" means on the machine this simulator was written on (an Intel Xeon, one core, 64 MiB of
 * data made as fio makes a 50%-compressible buffer: 512-byte segments, half random, half zeros),
 * with the command given; "published" cites the vendor; "estimate" is a judgement, said as such.
 *
 * <p>The shape, from how ZFS does the work (OpenZFS module/zfs/spa.c {@code zio_taskqs}: the write
 * issue and read interrupt taskqs that compress, checksum and encrypt have
 * {@code zio_taskq_batch_pct} = 80% of the CPUs as threads; zio.c): a write() or read() copies the
 * data in the tool's thread; ZFS compresses, checksums and encrypts each record in parallel on
 * those threads, in software or on QAT where the record is offloadable and the parameter is on
 * (decided by {@code sim.zfs}'s rules, passed in); the disks move the physical bytes. The phase
 * takes as long as its slowest stage (they overlap), plus a fixed cost for open and the final sync.
 * With QAT a request still costs the CPU a submission, a completion and the copies into and out of
 * the flat buffers QAT works on (qat_compress.c, qat_crypt.c), but not the work itself.
 */
public final class PerfModel {

    /** zlib level 6 (ZFS's "gzip" is gzip-6): measured, {@code gzip -6 -c}: 64 MiB in 1.12 s user. */
    static final double GZIP6_BPS = 60e6;
    /** zlib level 1: measured, {@code gzip -1 -c}: 64 MiB in 0.84 s user. */
    static final double GZIP1_BPS = 80e6;
    /** Levels 7 to 9: estimate, about two thirds of level 6 on such data. */
    static final double GZIP9_BPS = 40e6;
    /** inflate: measured, {@code gzip -dc}: 64 MiB out in 0.30 s user. */
    static final double GUNZIP_BPS = 224e6;
    /** lz4, zstd, ...: estimate for lz4 (the common one): 750 MB/s compressing, 3 GB/s decompressing. */
    static final double LZ4_BPS = 750e6;
    static final double UNLZ4_BPS = 3e9;
    /**
     * SHA-256 without SHA extensions (a C62x-era Xeon has none; fio's own crc/sha256.c is plain C):
     * measured, {@code sha256sum}: 64 MiB in 0.19 s user.
     */
    static final double SHA256_BPS = 353e6;
    /** fletcher4 (ZFS's default checksum, SIMD): estimate. */
    static final double FLETCHER4_BPS = 8e9;
    /** AES-256-GCM with AES-NI: measured, {@code openssl speed -evp aes-256-gcm -bytes 131072}: 5,717,327 kB/s. */
    static final double AES_GCM_BPS = 5.7e9;
    /** AES-CCM in ZFS's ICP (no AES-NI pipelining for CCM's CBC-MAC): estimate. */
    static final double AES_CCM_BPS = 1.0e9;
    /** One kernel copy of the data (write()/read(), ABD, QAT's flat buffers): estimate, a memcpy at 4 GB/s. */
    static final double COPY_BPS = 4e9;
    /** fio's random fill of its buffers ({@code __fill_random_buf}, 8 bytes per step): estimate. */
    static final double FILL_BPS = 2e9;
    /** crc32c with SSE4.2 (fio's crc32c-intel): estimate. */
    static final double CRC32C_BPS = 8e9;
    /** MD5: estimate, a little faster than SHA-256. */
    static final double MD5_BPS = 600e6;
    /** CPU per QAT request: submission, completion interrupt and callback: estimate, 4 µs. */
    static final double QAT_REQUEST_CPU_S = 4e-6;
    /** Open, the final fsync and the transaction group it waits for: estimate. */
    static final double FIXED_S = 0.05;
    /** The share of CPUs ZFS's write-issue and read-interrupt taskqs run on (spa.c {@code zio_taskq_batch_pct}). */
    static final double ZIO_THREADS = 0.8;
    /**
     * What the CPUs the kernel counts give as compression throughput: the profiles' CPUs are two
     * hyperthreads per core, and a core's second thread adds about a quarter (estimate), so the
     * taskq's threads run at most {@code cpus / 2 * 1.25} cores' worth of zlib.
     */
    static final double SMT_YIELD = 1.25;

    /**
     * QAT's throughput per device in bytes per second, compression and crypto. dh895xcc: Intel's
     * QuickAssist Adapter 8950 figures (up to 24 Gb/s compression, 50 Gb/s crypto), as quoted from its
     * product brief (not the brief itself: not at hand when this was written). c6xx: Intel's figure
     * for the C627/C628 chipset, up to 100 Gb/s each, shared by its three devices; recalled, not
     * verified here. Neither limits a benchmark of one fio job: the disks or the tool do first.
     */
    static double qatDcBps(String type) {
        return "dh895xcc".equals(type) ? 24e9 / 8 : 100e9 / 8 / 3;
    }

    static double qatCyBps(String type) {
        return "dh895xcc".equals(type) ? 50e9 / 8 : 100e9 / 8 / 3;
    }

    /**
     * The pool's sequential bandwidth, bytes per second written and read: an estimate per profile for
     * its disks. c62x: an NVMe pool (4 mirrors); dh8950: a TrueNAS box of 12 disks in mirrors; no-qat:
     * 8 disks; broken: 6 disks.
     */
    static double diskWriteBps(String profile) {
        return switch (profile) {
            case "c62x" -> 3.0e9;
            case "dh8950" -> 0.9e9;
            case "no-qat" -> 0.6e9;
            default -> 0.4e9;
        };
    }

    static double diskReadBps(String profile) {
        return diskWriteBps(profile) * 4 / 3;
    }

    /** Read or write. */
    public enum Op { WRITE, READ }

    /** Which of a dataset's work goes to QAT now (the parameter on, instances up, the record offloadable). */
    public record Offloaded(boolean compression, boolean checksum, boolean encryption) {
        public static final Offloaded NONE = new Offloaded(false, false, false);
    }

    /** What the tool itself costs per byte, in its one thread: fio's fill and verify hashing; dd's pipe. */
    public record ToolCost(double userSecondsPerByte, double systemSecondsPerByte) {

        /** fio: on a write its buffer fill (the random part) and the verify hash; on a read the hash when it verifies. */
        public static ToolCost fio(Op op, int compressPercentage, String verify, boolean verifies) {
            double hash = switch (verify) {
                case "sha256" -> 1 / SHA256_BPS;
                case "crc32c", "crc32c-intel" -> 1 / CRC32C_BPS;
                case "md5" -> 1 / MD5_BPS;
                default -> 0;
            };
            double fill = op == Op.WRITE ? (100 - compressPercentage) / 100.0 / FILL_BPS : 0;
            boolean hashes = op == Op.WRITE ? !verify.equals("0") && !verify.isEmpty() : verifies;
            return new ToolCost(fill + (hashes ? hash : 0), 1 / COPY_BPS);
        }

        /** dd: its copy in and out, and on a write the generator feeding its pipe. */
        public static ToolCost dd(Op op) {
            return new ToolCost(0, (op == Op.WRITE ? 3 : 1) / COPY_BPS);
        }
    }

    /** A phase's figures: wall seconds, and CPU seconds in user space, in the kernel, and waiting for the disks. */
    public record Cost(double seconds, double userCpu, double systemCpu, double iowait) {
    }

    private PerfModel() {
    }

    /**
     * The cost of {@code op} on {@code logical} bytes of {@code d} whose data shrinks by {@code ratio}
     * (logical over physical), with {@code off} saying what QAT takes, on {@code profile}'s NAS.
     */
    public static Cost cost(Op op, long logical, double ratio, Dataset d, Offloaded off, ToolCost tool, Profile profile) {
        double l = logical;
        double p = l / Math.max(1.0, ratio);
        long requests = (logical + d.blockSize() - 1) / d.blockSize();
        String qatType = profile.qat().map(c -> c.type()).orElse("c6xx");
        int devices = profile.qat().map(c -> c.pfBuses().size()).orElse(1);
        double zfsCpu = 0;
        double dcBytes = 0;
        double cyBytes = 0;
        String comp = d.compression();
        if (comp.startsWith("gzip")) {
            if (off.compression()) {
                zfsCpu += requests * QAT_REQUEST_CPU_S + 2 * l / COPY_BPS;
                dcBytes += l;
            } else {
                zfsCpu += l / (op == Op.WRITE ? gzipBps(comp) : GUNZIP_BPS);
            }
        } else if (!comp.equals("off")) {
            zfsCpu += l / (op == Op.WRITE ? LZ4_BPS : UNLZ4_BPS);
        }
        if (d.checksum().equals("sha256")) {
            if (off.checksum()) {
                zfsCpu += requests * QAT_REQUEST_CPU_S + p / COPY_BPS;
                cyBytes += p;
            } else {
                zfsCpu += p / SHA256_BPS;
            }
        } else if (!d.checksum().equals("off")) {
            zfsCpu += p / (d.checksum().equals("sha512") ? SHA256_BPS * 1.5 : FLETCHER4_BPS);
        }
        if (!d.encryption().equals("off")) {
            if (off.encryption()) {
                zfsCpu += requests * QAT_REQUEST_CPU_S + 2 * p / COPY_BPS;
                cyBytes += p;
            } else {
                zfsCpu += p / (d.encryption().endsWith("ccm") ? AES_CCM_BPS : AES_GCM_BPS);
            }
        }
        double toolUser = l * tool.userSecondsPerByte();
        double toolSystem = l * tool.systemSecondsPerByte();
        int cpus = profile.cpu().cores();
        double workers = Math.max(1, Math.min(cpus * ZIO_THREADS, cpus / 2.0 * SMT_YIELD));
        double disk = p / (op == Op.WRITE ? diskWriteBps(profile.name()) : diskReadBps(profile.name()));
        double seconds = Math.max(Math.max(toolUser + toolSystem, zfsCpu / workers),
                Math.max(disk, Math.max(dcBytes / (qatDcBps(qatType) * devices), cyBytes / (qatCyBps(qatType) * devices))));
        seconds += FIXED_S;
        double iowait = Math.max(0, seconds - toolUser - toolSystem);
        return new Cost(seconds, toolUser, toolSystem + zfsCpu, iowait);
    }

    static double gzipBps(String compression) {
        int level = compression.equals("gzip") ? 6 : compression.charAt(compression.length() - 1) - '0';
        return level <= 3 ? GZIP1_BPS : level <= 6 ? GZIP6_BPS : GZIP9_BPS;
    }

    /** The zlib level the work is done at: QAT's level 1 when it compresses, else the dataset's (gzip is 6). */
    public static int zlibLevel(Dataset d, Offloaded off) {
        if (off.compression()) {
            return 1;
        }
        String c = d.compression();
        return c.equals("gzip") ? 6 : c.startsWith("gzip-") ? c.charAt(c.length() - 1) - '0' : 1;
    }
}
