package org.qatwb.sim.zfs;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.sim.DatasetLoad;
import org.qatwb.sim.driver.KernelApi;
import org.qatwb.sim.machine.KernelLog;
import org.qatwb.sim.profile.Dataset;
import org.qatwb.sim.profile.ParamsAtBoot;
import org.qatwb.sim.request.Response;
import org.qatwb.sim.tree.AtomicFiles;
import org.qatwb.sim.tree.RootLayout;

/**
 * zfs.ko built with QAT, as OpenZFS's {@code qat.c}, {@code qat_compress.c} and {@code qat_crypt.c}
 * behave (DOMAIN.md sections 5 to 8):
 * <ul>
 * <li>at module load QAT is initialised when it is up; when it is not, the parameters read 0 or 1 as the
 *     profile's {@link ParamsAtBoot} says;</li>
 * <li>each initialisation that finds instances starts them all (at most 48 of a kind,
 *     {@code QAT_DC_MAX_INSTANCES}/{@code QAT_CRYPT_MAX_INSTANCES}; qat_compress.c {@code qat_dc_init},
 *     qat_crypt.c {@code qat_cy_init}), and each start takes a reference on its QAT device: the driver
 *     then refuses to stop it. Only the module's unload ({@code qat_fini}) stops them; writing 1 to a
 *     parameter does not ({@code param_set_qat_compress} acts on 0 only);</li>
 * <li>writing 0 retries the initialisation: if the kernel API does not answer, the value goes back
 *     to 1 and the write fails with EPERM; with zero kernel instances it "succeeds" and nothing is
 *     ever offloaded (the trap); writing 1 stops new offloads but keeps the instances;</li>
 * <li>the kstat counters move only for offloadable work (see {@link Offload}), and a little for
 *     the pools' own labels and uberblocks at each transaction-group sync (see {@link PoolLabels});</li>
 * <li>a polled instance is never serviced: the request ZFS hands it blocks its thread forever, so
 *     that path's counters stop and no failure is counted; the kernel's hung-task watchdog says so
 *     after two minutes (see {@link OffloadPath});</li>
 * <li>under checksum and encryption load the log shows {@code cpaCySymRemoveSession() - : There are
 *     1 requests pending} now and then (OpenZFS issue #14463).</li>
 * </ul>
 * Not thread-safe: the machine calls it under its lock.
 */
public final class ZfsModule {

    /** One requests-pending message per this many Cy requests: at 100 MB/s of 128K blocks checksummed and encrypted, about one a minute. */
    static final long CY_REQUESTS_PER_PENDING_MESSAGE = 100_000;

    private static final Pattern INT = Pattern.compile("[+-]?(?:0[xX][0-9a-fA-F]+|[0-9]+)");

    private final RootLayout layout;
    private final KernelLog log;
    private final LongSupplier uptimeNanos;

    private final Map<ZfsParam, Integer> params = new EnumMap<>(ZfsParam.class);
    private final boolean[] initDone = new boolean[InstanceKind.values().length];
    private final long[] counters = new long[QatCounter.values().length];
    private final Map<String, Flow> flows = new HashMap<>();
    private final Map<InstanceKind, OffloadPath> paths = new EnumMap<>(InstanceKind.class);
    private final PoolLabels labels = new PoolLabels();
    private final QatHolder holder;
    /** Per kind, the references ZFS's started instances hold, per device (released only at unload). */
    private final Map<InstanceKind, Map<String, Integer>> held = new EnumMap<>(InstanceKind.class);
    /** The hypothetical fork's extra rows ({@link ForkExtras}); null when this ZFS is OpenZFS's. */
    private long[] forkRows;
    private final Map<String, Integer> forkParams = new java.util.LinkedHashMap<>();
    private long crtime;
    private long cyRequestsSinceMessage;

    /** Instances per kind ZFS starts at most ({@code QAT_DC_MAX_INSTANCES}, {@code QAT_CRYPT_MAX_INSTANCES}). */
    static final int MAX_INSTANCES = 48;

    public ZfsModule(RootLayout layout, KernelLog log, LongSupplier uptimeNanos) {
        this(layout, log, uptimeNanos, QatHolder.NONE);
    }

    public ZfsModule(RootLayout layout, KernelLog log, LongSupplier uptimeNanos, QatHolder holder) {
        this.holder = holder;
        this.layout = layout;
        this.log = log;
        this.uptimeNanos = uptimeNanos;
    }

    /**
     * Loads (or reloads) the module: counters from zero, instances released, each parameter 0 when
     * QAT initialises now and 1 when its init fails. When QAT was not up at load time the parameters
     * read as {@code notUp} says ({@link ParamsAtBoot}): 0 with the init not done (OpenZFS's source),
     * or 1 (the seed administrator's report).
     */
    public void load(boolean qatUpAtLoad, KernelApi api, ParamsAtBoot notUp) {
        release();
        java.util.Arrays.fill(counters, 0);
        if (forkRows != null) {
            java.util.Arrays.fill(forkRows, 0);
            forkParams.putAll(ForkExtras.PARAMS);
        }
        java.util.Arrays.fill(initDone, false);
        flows.clear();
        paths.clear();
        labels.clear();
        cyRequestsSinceMessage = 0;
        crtime = uptimeNanos.getAsLong();
        for (ZfsParam p : ZfsParam.values()) {
            if (qatUpAtLoad) {
                params.put(p, init(p.instanceKind(), api) ? 0 : 1);
            } else {
                params.put(p, notUp == ParamsAtBoot.SOURCE ? 0 : 1);
            }
        }
        writeParams();
        writeKstat();
    }

    public int param(ZfsParam p) {
        return params.get(p);
    }

    public long counter(QatCounter c) {
        return counters[c.ordinal()];
    }

    /**
     * A write to {@code /sys/module/zfs/parameters/<p>}: the kernel's {@code param_set_int}, then
     * ZFS's setter. The response's stderr is the errno text the writing tool prints after the path.
     */
    public Response write(ZfsParam p, String data, KernelApi api) {
        if (data.isEmpty()) {
            return Response.ok(""); // a write of nothing never reaches the setter
        }
        Response refused = intRefusal(data);
        if (refused != null) {
            return refused;
        }
        long value = Long.decode(stripNewline(data));
        params.put(p, (int) value);
        Response r = Response.ok("");
        if (value == 0 && !init(p.instanceKind(), api)) {
            params.put(p, 1);
            r = Response.fail("Operation not permitted", 1);
            if (forkRows != null) {
                forkRows[ForkExtras.ROWS.indexOf("init_failed")]++;
                writeKstat();
            }
        }
        writeParams();
        return r;
    }

    /**
     * Makes this zfs.ko the hypothetical fork of {@link ForkExtras} (its extra rows and parameters),
     * from the next {@link #load} on.
     */
    public void forkExtras(boolean on) {
        forkRows = on ? new long[ForkExtras.ROWS.size()] : null;
        forkParams.clear();
    }

    /** Whether {@code name} is one of the fork's parameters this zfs.ko has. */
    public boolean hasForkParam(String name) {
        return forkParams.containsKey(name);
    }

    /** A write to one of the fork's parameters: {@code module_param(..., int, 0644)}, the kernel's {@code param_set_int}. */
    public Response writeForkParam(String name, String data) {
        Response refused = intRefusal(data);
        if (refused != null) {
            return refused;
        }
        forkParams.put(name, Long.decode(stripNewline(data)).intValue());
        writeParams();
        return Response.ok("");
    }

    /** The kernel's {@code param_set_int} (kstrtoint): its refusal of {@code data}, or null for an int. */
    private static Response intRefusal(String data) {
        String text = stripNewline(data);
        if (!INT.matcher(text).matches()) {
            return Response.fail("Invalid argument", 1);
        }
        try {
            long value = Long.decode(text);
            return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? Response.fail("Numerical result out of range", 1) : null;
        } catch (NumberFormatException e) {
            return Response.fail("Numerical result out of range", 1);
        }
    }

    private static String stripNewline(String data) {
        return data.endsWith("\n") ? data.substring(0, data.length() - 1) : data;
    }

    /** The fork's {@code qat_use_accel}: a direction is offloaded only while its disable parameter is 0. */
    private boolean forkAllows(String param) {
        return forkRows == null || forkParams.getOrDefault(param, 0) == 0;
    }

    /** {@code qat_dc_init} / {@code qat_cy_init}: false when the kernel API does not answer. */
    private boolean init(InstanceKind kind, KernelApi api) {
        if (initDone[kind.ordinal()]) {
            return true;
        }
        if (!api.available()) {
            return false;
        }
        if (api.instances(kind) == 0) {
            return true; // "if the user has configured no QAT ... units just return": success, never used
        }
        initDone[kind.ordinal()] = true;
        held.put(kind, holder.start(kind, MAX_INSTANCES));
        return true;
    }

    /** The unload's {@code qat_fini}: every started instance stopped, every device reference given back. */
    private void release() {
        held.values().forEach(holder::stop);
        held.clear();
    }

    /** The machine went down without unloading anything: nothing is held any more, nothing to give back. */
    public void powerOff() {
        held.clear();
    }

    /** The names of the QAT devices ZFS's instances hold now. */
    public java.util.Set<String> heldDevices() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        held.values().forEach(m -> out.addAll(m.keySet()));
        return out;
    }

    /** Whether ZFS hands {@code d}'s work of parameter {@code p} to QAT now ({@link Offload}'s rules, the parameter at 0, instances up). */
    public boolean offloads(ZfsParam p, Dataset d, KernelApi api) {
        return offloading(p, api) && switch (p) {
            case COMPRESS -> Offload.compresses(d);
            case CHECKSUM -> Offload.checksums(d);
            case ENCRYPT -> Offload.encrypts(d);
        };
    }

    /** Whether {@code p}'s work goes to QAT now. */
    boolean offloading(ZfsParam p, KernelApi api) {
        return params.get(p) == 0 && initDone[p.instanceKind().ordinal()] && api.available() && api.instances(p.instanceKind()) > 0;
    }

    /**
     * Runs {@code seconds} of the workload.
     *
     * @param fw where offloaded requests are counted on the firmware (the QAT driver), or null
     */
    public void step(double seconds, List<Dataset> datasets, Map<String, DatasetLoad> loads, KernelApi api,
                     FirmwareSink fw) {
        long[] before = counters.clone();
        boolean dcOn = offloading(ZfsParam.COMPRESS, api);
        boolean compOn = forkAllows(ForkExtras.DISABLE_COMPRESSION);
        boolean decompOn = forkAllows(ForkExtras.DISABLE_DECOMPRESSION);
        boolean sumOn = offloading(ZfsParam.CHECKSUM, api);
        boolean encOn = offloading(ZfsParam.ENCRYPT, api);
        OffloadPath dc = paths.computeIfAbsent(InstanceKind.DC, k -> new OffloadPath());
        OffloadPath cy = paths.computeIfAbsent(InstanceKind.CY, k -> new OffloadPath());
        int dcN = api.dc();
        int dcI = api.dcInterrupt();
        int cyN = api.cy();
        int cyI = api.cyInterrupt();
        for (Dataset d : datasets) {
            DatasetLoad load = loads.getOrDefault(d.name(), DatasetLoad.IDLE);
            Flow f = flows.computeIfAbsent(d.name(), k -> new Flow());
            long nW = f.writeBlocks(load.writeMBps() * 1e6 * seconds, d.blockSize());
            long nR = f.readBlocks(load.readMBps() * 1e6 * seconds, d.blockSize());
            if (nW > 0) {
                labels.dirty(d.pool());
            }
            if (nW + nR == 0) {
                continue;
            }
            long block = d.blockSize();
            double phys = d.physicalRatio();
            if (dcOn && Offload.compresses(d)) {
                OffloadPath.Admitted w = dc.admit(compOn ? nW : 0, dcN, dcI);
                OffloadPath.Admitted r = dc.admit(decompOn ? nR : 0, dcN, dcI);
                add(QatCounter.COMP_REQUESTS, w.completed() + (w.hangs() ? 1 : 0));
                add(QatCounter.COMP_TOTAL_IN_BYTES, (w.completed() + (w.hangs() ? 1 : 0)) * block);
                add(QatCounter.COMP_TOTAL_OUT_BYTES, Math.round(w.completed() * block / d.compressRatio()));
                long onDisk = Math.round(block / d.compressRatio());
                add(QatCounter.DECOMP_REQUESTS, r.completed() + (r.hangs() ? 1 : 0));
                add(QatCounter.DECOMP_TOTAL_IN_BYTES, (r.completed() + (r.hangs() ? 1 : 0)) * onDisk);
                add(QatCounter.DECOMP_TOTAL_OUT_BYTES, r.completed() * block);
            }
            if (sumOn && Offload.checksums(d)) {
                OffloadPath.Admitted a = cy.admit(nW + nR, cyN, cyI);
                long n = a.completed() + (a.hangs() ? 1 : 0);
                add(QatCounter.CKSUM_REQUESTS, n);
                add(QatCounter.CKSUM_TOTAL_IN_BYTES, Math.round(n * block / phys));
            }
            if (encOn && Offload.encrypts(d)) {
                OffloadPath.Admitted w = cy.admit(nW, cyN, cyI);
                OffloadPath.Admitted r = cy.admit(nR, cyN, cyI);
                long bytes = Math.round(block / phys);
                add(QatCounter.ENCRYPT_REQUESTS, w.completed() + (w.hangs() ? 1 : 0));
                add(QatCounter.ENCRYPT_TOTAL_IN_BYTES, (w.completed() + (w.hangs() ? 1 : 0)) * bytes);
                add(QatCounter.ENCRYPT_TOTAL_OUT_BYTES, w.completed() * bytes);
                add(QatCounter.DECRYPT_REQUESTS, r.completed() + (r.hangs() ? 1 : 0));
                add(QatCounter.DECRYPT_TOTAL_IN_BYTES, (r.completed() + (r.hangs() ? 1 : 0)) * bytes);
                add(QatCounter.DECRYPT_TOTAL_OUT_BYTES, r.completed() * bytes);
            } else if (encOn && Offload.countsCcmOnly(d) && !cy.hung()) {
                add(QatCounter.ENCRYPT_REQUESTS, nW);
                add(QatCounter.DECRYPT_REQUESTS, nR);
            }
        }
        // the pools' labels and uberblocks, checksummed with SHA-256 at every sync that wrote
        if (sumOn) {
            for (PoolLabels.Write w : labels.sync(seconds)) {
                OffloadPath.Admitted a = cy.admit(w.requests(), cyN, cyI);
                long n = a.completed() + (a.hangs() ? 1 : 0);
                add(QatCounter.CKSUM_REQUESTS, n);
                add(QatCounter.CKSUM_TOTAL_IN_BYTES, n * w.bytesPerRequest());
            }
        } else {
            labels.sync(seconds);
        }
        for (Map.Entry<InstanceKind, OffloadPath> p : paths.entrySet()) {
            if (p.getValue().tickAndReport(seconds)) {
                // the hung-task watchdog (kernel/hung_task.c) names the blocked ZFS I/O thread
                log.log("INFO: task z_wr_iss:" + (p.getKey() == InstanceKind.DC ? 2817 : 2819)
                                + " blocked for more than 120 seconds.",
                        "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.");
            }
        }
        long dcRequests = delta(before, QatCounter.COMP_REQUESTS) + delta(before, QatCounter.DECOMP_REQUESTS);
        long cyRequests = delta(before, QatCounter.CKSUM_REQUESTS) + delta(before, QatCounter.ENCRYPT_REQUESTS)
                + delta(before, QatCounter.DECRYPT_REQUESTS);
        if (fw != null) {
            fw.count(InstanceKind.DC, dcRequests);
            fw.count(InstanceKind.CY, cyRequests);
        }
        cyRequestsSinceMessage += cyRequests;
        if (cyRequestsSinceMessage >= CY_REQUESTS_PER_PENDING_MESSAGE) {
            cyRequestsSinceMessage %= CY_REQUESTS_PER_PENDING_MESSAGE;
            log.log("cpaCySymRemoveSession() - : There are 1 requests pending");
        }
        writeKstat();
    }

    private void add(QatCounter c, long n) {
        counters[c.ordinal()] += n;
    }

    private long delta(long[] before, QatCounter c) {
        return counters[c.ordinal()] - before[c.ordinal()];
    }

    public void writeKstat() {
        AtomicFiles.write(layout.kstat(), forkRows == null ? KstatText.render(counters, crtime, uptimeNanos.getAsLong())
                : KstatText.render(counters, ForkExtras.ROWS, forkRows, crtime, uptimeNanos.getAsLong()));
    }

    public void writeParams() {
        for (ZfsParam p : ZfsParam.values()) {
            AtomicFiles.write(layout.param(p.sysfsName()), params.get(p) + "\n");
        }
        forkParams.forEach((name, v) -> AtomicFiles.write(layout.param(name), v + "\n"));
    }

    /** The QAT driver's side of ZFS starting and stopping kernel instances ({@code adf_dev_get}/{@code adf_dev_put}). */
    public interface QatHolder {
        QatHolder NONE = new QatHolder() {
            @Override
            public Map<String, Integer> start(InstanceKind kind, int max) {
                return Map.of();
            }

            @Override
            public void stop(Map<String, Integer> held) {
            }
        };

        /** Starts up to {@code max} kernel instances of {@code kind}; returns the references taken per device. */
        Map<String, Integer> start(InstanceKind kind, int max);

        void stop(Map<String, Integer> held);
    }

    /** Where offloaded requests land on the hardware. */
    @FunctionalInterface
    public interface FirmwareSink {
        void count(InstanceKind kind, long requests);
    }

    /** A dataset's I/O turned into whole blocks, carrying the fractions from one step to the next. */
    private static final class Flow {
        private double writeCarry;
        private double readCarry;

        long writeBlocks(double bytes, long block) {
            double total = writeCarry + bytes;
            long n = (long) (total / block);
            writeCarry = total - (double) n * block;
            return n;
        }

        long readBlocks(double bytes, long block) {
            double total = readCarry + bytes;
            long n = (long) (total / block);
            readCarry = total - (double) n * block;
            return n;
        }
    }
}
