package org.qatwb.sim.machine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.qatwb.sim.DatasetLoad;
import org.qatwb.sim.driver.KernelApi;
import org.qatwb.sim.driver.QatDriver;
import org.qatwb.sim.driver.ServiceState;
import org.qatwb.sim.irq.SimInterrupts;
import org.qatwb.sim.irq.SimIrqbalance;
import org.qatwb.sim.profile.Profile;
import org.qatwb.sim.request.Request;
import org.qatwb.sim.request.RequestHandler;
import org.qatwb.sim.request.Response;
import org.qatwb.sim.tree.AtomicFiles;
import org.qatwb.sim.tree.RootLayout;
import org.qatwb.sim.truenas.InitShutdownScripts;
import org.qatwb.model.zfs.ZfsParam;
import java.util.Optional;
import org.qatwb.sim.bench.BenchHost;
import org.qatwb.sim.bench.BenchTools;
import org.qatwb.sim.bench.PerfModel;
import org.qatwb.sim.profile.Dataset;
import org.qatwb.sim.zfs.PoolSpace;
import org.qatwb.sim.zfs.ZfsCommands;
import org.qatwb.sim.zfs.ZfsDatasets;
import org.qatwb.sim.zfs.ZfsModule;
import org.qatwb.sim.zfs.ZfsTables;
import org.qatwb.sim.zfs.ZiaPools;

/**
 * The simulated machine: the kernel log, the QAT driver and service, zfs.ko, the workload, and a
 * clock. Every change happens under this object's lock, whether it comes from a stand-in's
 * request, the ticking thread or a test hook.
 */
public final class Machine implements RequestHandler, BenchHost {

    /** Advance the workload in steps of at most this much, so a long jump still logs plausibly. */
    static final long MAX_STEP_NANOS = 1_000_000_000L;
    /** The uptime when the simulator starts: boot finished a minute ago. */
    static final long START_UPTIME_NANOS = 63_417_220_000L;

    private final Profile profile;
    private final RootLayout layout;
    private final AtomicLong uptime = new AtomicLong();
    private final KernelLog log;
    /** The journal of qat.service (what adf_ctl printed when qat_service ran it). */
    private final ServiceJournal journal;
    private final QatDriver driver;
    private final ZfsModule zfs;
    /** TrueNAS's init/shutdown scripts; null off TrueNAS (no midclt). */
    private final InitShutdownScripts initScripts;
    /** The pools' Z.I.A. properties: in memory only, so an import, a reboot or a module reload loses them. */
    private final ZiaPools zia;
    /** The datasets that exist now (the profile's and those made since), the pools' space, zfs's changes. */
    private final ZfsDatasets datasets;
    private final PoolSpace space;
    private final ZfsCommands zfsCommands;
    private boolean booted;
    /** /proc/stat: the CPUs' time, idle with the clock, busy with the modelled work. */
    private final ProcStat procStat;
    /** The modelled fio and the model behind dd, and the work they started that is not done yet. */
    private final BenchTools benchTools;
    private final List<Work> works = new java.util.ArrayList<>();
    /** Work done on the real-time clock since the last step ({@link #progress}): all of it goes into the next step. */
    private final List<Work> pending = new java.util.ArrayList<>();
    private boolean corruptNextRead;
    private volatile boolean realTime;
    private final Map<String, DatasetLoad> loads = new ConcurrentHashMap<>();
    /** The QAT interrupts; null without a QAT card. */
    private final SimInterrupts irqs;
    /** The irqbalance stand-in; null unless installed. */
    private SimIrqbalance irqbalance;
    private boolean loseKstat;
    private boolean refuseVfAtNextBoot;
    private boolean failRestartAtNextBoot;
    /** What the restart that {@link #failRestartAtNextBoot} fails says: adf_ctl's words for a device it could not bring up. */
    static final String ROLLBACK_RESTART_FAILURE = "Failed to configure qat_dev0";

    public Machine(Profile profile, RootLayout layout) {
        this.profile = profile;
        this.layout = layout;
        this.log = new KernelLog(layout.state().resolve("dmesg"), uptime::get);
        this.journal = new ServiceJournal(layout.state(), uptime::get);
        this.driver = profile.qat().map(c -> new QatDriver(c, profile.driverRelease(), layout, log, journal)).orElse(null);
        this.zfs = !profile.zfsWithQat() ? null : driver == null ? new ZfsModule(layout, log, uptime::get)
                : new ZfsModule(layout, log, uptime::get, new ZfsModule.QatHolder() {
                    @Override
                    public Map<String, Integer> start(org.qatwb.model.conf.InstanceKind kind, int max) {
                        return driver.startKernelInstances(kind, max);
                    }

                    @Override
                    public void stop(Map<String, Integer> held) {
                        driver.stopKernelInstances(held);
                    }
                });
        this.initScripts = profile.os().trueNas() ? new InitShutdownScripts(layout.initScripts()) : null;
        this.zia = new ZiaPools(profile);
        this.datasets = new ZfsDatasets(profile, layout.root());
        this.space = new PoolSpace(profile);
        this.zfsCommands = new ZfsCommands(datasets, layout.root());
        this.procStat = new ProcStat(layout.root().resolve("proc/stat"), profile.cpu().cores());
        this.benchTools = new BenchTools(this, layout.requests());
        this.irqs = driver == null ? null : new SimInterrupts(layout.root(), profile.cpu().cores());
    }

    /** zfs.ko's load in early boot, and qat.service's start after local-fs.target. */
    private static final long ZFS_LOAD_NANOS = 3_207_551_000L;
    private static final long QAT_START_NANOS = 11_530_960_000L;
    /** Units that run once both are up, and TrueNAS's POSTINIT (after multi-user.target). */
    private static final long UNITS_NANOS = 15_880_402_000L;
    private static final long STEP_NANOS = 50_000_000L;
    /**
     * How long the simulator waits for a unit's script. systemd does not bound a oneshot's start by
     * default (systemd.service(5), {@code TimeoutStartSec=}); a unit that gives one gets it.
     */
    static final Duration UNIT_LIMIT = Duration.ofSeconds(90);

    /**
     * Boots: the kernel; zfs.ko, qat.service and the enabled units in systemd's order ({@link BootOrder}:
     * zfs.ko loads in early boot, before qat.service, so ZFS finds no QAT); then TrueNAS's
     * POSTINIT scripts (which may write 0 to the parameters again: "keep after reboot"); then what the
     * profile logged since. qatwb's scripts run as real processes with {@code env} ({@link BootScripts#script});
     * this machine's lock is not held while they run, since their stand-ins send it requests.
     */
    public void boot(Map<String, String> env) {
        List<BootStep> steps;
        synchronized (this) {
            uptime.set(0);
            procStat.reset(0);
            log.logAt(0, "Linux version " + profile.os().kernel() + " (simulated by QAT Workbench)");
            log.logAt(0, "Command line: BOOT_IMAGE=/boot/vmlinuz-" + profile.os().kernel() + " root=ZFS=boot-pool/ROOT quiet");
            AtomicFiles.write(layout.root().resolve("proc/sys/kernel/random/boot_id"), java.util.UUID.randomUUID() + "\n");
            steps = BootOrder.order(BootScripts.enabledUnits(layout), driver != null);
        }
        boolean qatUp = false;
        for (BootStep step : steps) {
            if (step instanceof BootStep.QatStart) {
                startQat(QAT_START_NANOS);
                qatUp = true;
            } else if (step instanceof BootStep.ZfsLoad) {
                loadZfs(ZFS_LOAD_NANOS);
            } else if (step instanceof BootStep.UnitStart u) {
                tick(qatUp ? UNITS_NANOS : 0);
                runUnit(u.unit(), env);
            }
        }
        if (initScripts != null) {
            tick(UNITS_NANOS);
            for (InitShutdownScripts.Command c : initScriptCommands()) {
                BootScripts.script(c.command(), layout.root()).ifPresentOrElse(
                        argv -> BootProcess.run(layout.root(), journalDir(), "initshutdownscript-" + c.id(), env, argv,
                                Duration.ofSeconds(c.timeoutSeconds()), false),
                        () -> interpret(c.command()));
            }
        }
        finishBoot();
    }

    private synchronized List<InitShutdownScripts.Command> initScriptCommands() {
        return initScripts.commands("POSTINIT");
    }

    /** The boot's clock moves on: to {@code floor}, or a step past the last thing it did. */
    private synchronized void tick(long floor) {
        uptime.set(Math.max(uptime.get() + STEP_NANOS, floor));
    }

    /** A oneshot unit's {@code ExecStart=} lines in order; a failing one ends it unless it starts with {@code -}. */
    private void runUnit(BootUnit unit, Map<String, String> env) {
        Duration limit = unit.timeoutSeconds().map(Duration::ofSeconds).orElse(UNIT_LIMIT);
        for (String exec : unit.execStarts()) {
            boolean ok = BootScripts.script(exec, layout.root())
                    .map(argv -> BootProcess.run(layout.root(), journalDir(), unit.name(), env, argv, limit, true)
                            == BootProcess.End.EXITED_0)
                    .orElseGet(() -> interpret(exec));
            if (!ok && !exec.startsWith("-")) {
                return;
            }
        }
    }

    /** A command the simulator does not run: its parameter writes and IRQ pins, under the lock. */
    private synchronized boolean interpret(String command) {
        if (zfs == null) {
            return true;
        }
        BiPredicate<ZfsParam, String> write = (p, v) -> zfs.write(p, v + "\n", kernelApi()).rc() == 0;
        BiPredicate<String, String> pin = (name, cpus) -> irqs != null && irqs.pinByName(name, cpus);
        return BootScripts.run(command, write, pin);
    }

    private java.nio.file.Path journalDir() {
        return layout.state().resolve("journal");
    }

    private synchronized void finishBoot() {
        uptime.set(Math.max(uptime.get(), 37_002_118_000L));
        for (String line : profile.pastKernelLog()) {
            uptime.addAndGet(1_311_000_000L);
            log.log(line);
        }
        uptime.set(Math.max(uptime.get(), START_UPTIME_NANOS));
        log.flush();
        writeZfsTables();
        if (driver != null) {
            driver.writeState();
        }
        writeUptime();
    }

    /** {@code /proc/uptime}: seconds since boot and an idle time, as the kernel prints them. */
    private void writeUptime() {
        double s = uptime.get() / 1e9;
        AtomicFiles.write(layout.root().resolve("proc/uptime"), String.format(java.util.Locale.ROOT, "%.2f %.2f%n", s, s * 0.9));
        procStat.catchUp(uptime.get());
        procStat.write(System.currentTimeMillis() / 1000 - uptime.get() / 1_000_000_000L);
    }

    private void writePoolTable() {
        AtomicFiles.write(layout.state().resolve("zpool_props.tsv"), ZfsTables.pools(zia, datasets, space));
    }

    /** The tables {@code zfs get}/{@code zfs list} and {@code zpool get} read, as the datasets and pools are now. */
    public synchronized void writeZfsTables() {
        AtomicFiles.write(layout.state().resolve("zfs_props.tsv"), ZfsTables.datasets(datasets, space));
        writePoolTable();
    }

    private synchronized void startQat(long at) {
        if (driver != null) {
            uptime.set(Math.max(uptime.get() + STEP_NANOS, at));
            if (refuseVfAtNextBoot) {
                refuseVfAtNextBoot = false;
                driver.refuseFirstVfAtNextStart();
            }
            driver.serviceStart();
            syncIrqs();
            if (failRestartAtNextBoot) {
                failRestartAtNextBoot = false;
                driver.failNextRestart(ROLLBACK_RESTART_FAILURE);
            }
        }
    }

    /** The IRQs of the devices that are up now (requested, or freed with their device). */
    private void syncIrqs() {
        if (irqs != null) {
            irqs.sync(driver.devices(), driver::isUp);
        }
    }

    /** zfs.ko loads in early boot: no QAT device is up yet (qat.service comes later). */
    private synchronized void loadZfs(long at) {
        uptime.set(Math.max(uptime.get() + STEP_NANOS, at));
        log.log("ZFS: Loaded module v" + profile.os().zfsVersion() + ", ZFS pool version 5000, ZFS filesystem version 5");
        zia.zfsLoaded(!booted);
        booted = true;
        writeDpusm();
        if (zfs != null) {
            zfs.load(false, kernelApi(), profile.paramsAtBoot());
        }
    }

    /**
     * The machine goes down: the QAT drivers and zfs.ko go and the kernel log starts afresh; the
     * files under etc/ and the workload stay. {@link #boot} brings it up again.
     */
    public synchronized void powerOff() {
        works.clear(); // the tools died with their processes: their work ends where it was
        pending.clear();
        benchTools.stopAll();
        if (driver != null) {
            driver.powerOff();
            irqs.powerOff();
        }
        if (zfs != null) {
            zfs.powerOff(); // the references went with the kernel
            // zfs.ko is gone with its sysfs parameters and kstat until the boot loads it again
            try {
                for (ZfsParam p : ZfsParam.values()) {
                    java.nio.file.Files.deleteIfExists(layout.param(p.sysfsName()));
                }
                for (String name : org.qatwb.sim.zfs.ForkExtras.PARAMS.keySet()) {
                    java.nio.file.Files.deleteIfExists(layout.param(name));
                }
                java.nio.file.Files.deleteIfExists(layout.kstat());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        log.clear();
    }

    /** After a reboot's {@link #boot}: the irqbalance stand-in, if installed, starts again. */
    public synchronized void afterReboot() {
        if (irqbalance != null) {
            irqbalance.reboot();
        }
    }

    /**
     * At the next boot the driver refuses the first VF's configuration (see
     * {@link QatDriver#refuseFirstVfAtNextStart}); later starts read the files as they are.
     */
    public synchronized void refuseVfAtNextBoot() {
        requireDriver();
        refuseVfAtNextBoot = true;
    }

    /** At the next boot, the first QAT restart after qat.service's start fails (a boot check's rollback). */
    public synchronized void failRestartAtNextBoot() {
        requireDriver();
        failRestartAtNextBoot = true;
    }

    private void requireDriver() {
        if (driver == null) {
            throw new IllegalStateException("profile " + profile.name() + " has no QAT driver");
        }
    }

    public long uptimeNanos() {
        return uptime.get();
    }

    /** Moves time on by {@code nanos}, running the workload in steps of at most a second. */
    public synchronized void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("time runs forward: " + nanos);
        }
        long left = nanos;
        while (left > 0) {
            long step = Math.min(left, MAX_STEP_NANOS);
            long from = uptime.get();
            uptime.addAndGet(step);
            left -= step;
            Map<String, DatasetLoad> stepLoads = works.isEmpty() && pending.isEmpty() ? loads : workLoads(from, from + step);
            procStat.catchUp(uptime.get());
            if (zfs != null) {
                zfs.step(step / 1e9, datasets.list(), stepLoads, kernelApi(), driver == null ? null : (kind, n) -> {
                    driver.countRequests(kind, n);
                    irqs.complete(n);
                });
            }
            if (irqbalance != null) {
                irqbalance.step(step);
            }
        }
        if (driver != null) {
            driver.writeFwCounters();
            irqs.writeCounts();
        }
        writeUptime();
    }

    /**
     * The workload of one step: what the tests set ({@link #loads}) plus the part of each modelled
     * work (fio, dd) that falls in {@code [from, to)}: its bytes as a rate over the step (the last step
     * of a work gets exactly what is left, so its blocks add up), and its CPU time to /proc/stat.
     */
    private Map<String, DatasetLoad> workLoads(long from, long to) {
        Map<String, DatasetLoad> out = new java.util.HashMap<>(loads);
        double seconds = (to - from) / 1e9;
        for (java.util.Iterator<Work> it = works.iterator(); it.hasNext(); ) {
            Work w = it.next();
            long a = Math.max(from, w.start);
            long b = Math.min(to, w.end);
            if (b <= a && w.end > from) {
                continue;
            }
            double share = (double) (Math.max(0, b - a)) / Math.max(1, w.end - w.start);
            long until = to >= w.end ? w.bytes : Math.round(w.bytes * (double) (b - w.start) / (w.end - w.start));
            long bytes = until - w.done;
            w.done = until;
            procStat.add(w.cost.userCpu() * share, w.cost.systemCpu() * share, w.cost.iowait() * share, seconds);
            addLoad(out, w, (bytes + (to >= w.end ? 0.5 : 0)) / 1e6 / seconds);
            if (to >= w.end) {
                it.remove();
            }
        }
        for (Work w : pending) {
            procStat.add(w.cost.userCpu(), w.cost.systemCpu(), w.cost.iowait(), seconds);
            addLoad(out, w, w.bytes / 1e6 / seconds);
        }
        pending.clear();
        return out;
    }

    /** {@code mb} MB/s more written or read on the work's dataset. */
    private static void addLoad(Map<String, DatasetLoad> loads, Work w, double mb) {
        DatasetLoad had = loads.getOrDefault(w.dataset, DatasetLoad.IDLE);
        loads.put(w.dataset, w.op == PerfModel.Op.WRITE ? new DatasetLoad(had.writeMBps() + mb, had.readMBps())
                : new DatasetLoad(had.writeMBps(), had.readMBps() + mb));
    }

    /** A phase of modelled work on a dataset: its bytes and costs spread over {@code [start, end)} of the uptime. */
    private static final class Work {
        final String dataset;
        final PerfModel.Op op;
        final long bytes;
        final long start;
        final long end;
        final PerfModel.Cost cost;
        long done;

        Work(String dataset, PerfModel.Op op, long bytes, long start, long end, PerfModel.Cost cost) {
            this.dataset = dataset;
            this.op = op;
            this.bytes = bytes;
            this.start = start;
            this.end = end;
            this.cost = cost;
        }
    }

    @Override
    public synchronized Optional<BenchHost.Target> datasetOf(java.nio.file.Path file) {
        return datasets.datasetOf(file).flatMap(datasets::get).map(e -> {
            Dataset d = e.dataset();
            PerfModel.Offloaded off = zfs == null ? PerfModel.Offloaded.NONE : new PerfModel.Offloaded(
                    zfs.offloads(ZfsParam.COMPRESS, d, kernelApi()), zfs.offloads(ZfsParam.CHECKSUM, d, kernelApi()),
                    zfs.offloads(ZfsParam.ENCRYPT, d, kernelApi()));
            return new BenchHost.Target(d.name(), d, off);
        });
    }

    @Override
    public synchronized void recordRatio(String dataset, double ratio) {
        datasets.recordDataRatio(dataset, ratio);
        writeZfsTables();
    }

    @Override
    public void startWork(String dataset, PerfModel.Op op, long bytes, PerfModel.Cost cost) {
        long nanos = Math.max(1, Math.round(cost.seconds() * 1e9));
        synchronized (this) {
            long now = uptime.get();
            works.add(new Work(dataset, op, bytes, now, now + nanos, cost));
            if (realTime) {
                return;
            }
            advance(nanos); // the driven clock: the work's time passes now
            writeZfsTables();
        }
    }

    @Override
    public synchronized void progress(String dataset, PerfModel.Op op, long bytes, double userCpu, double systemCpu,
                                      double iowait) {
        pending.add(new Work(dataset, op, bytes, 0, 0, new PerfModel.Cost(0, userCpu, systemCpu, iowait)));
    }

    @Override
    public boolean realTime() {
        return realTime;
    }

    /** Whether the wall clock drives this machine (the simulator's ticker) or only tests do. */
    public void realTime(boolean on) {
        realTime = on;
    }

    @Override
    public synchronized boolean takeCorruptRead() {
        boolean armed = corruptNextRead;
        corruptNextRead = false;
        return armed;
    }

    /** For a test: {@code pool} keeps only {@code available} bytes for its datasets. */
    public synchronized void leaveAvailable(String pool, long available) {
        space.leaveAvailable(pool, available);
        writeZfsTables();
    }

    /** The next read of a file in a dataset made here (by the fio or dd stand-in) returns one byte wrong. */
    public synchronized void corruptNextRead() {
        corruptNextRead = true;
    }

    /** Unloads and loads zfs.ko: counters from zero; QAT initialised if it is up now. */
    public synchronized void reloadZfsModule() {
        if (zfs == null) {
            throw new IllegalStateException("profile " + profile.name() + " has no ZFS built with QAT");
        }
        KernelApi api = kernelApi();
        log.log("ZFS: Unloaded module v" + profile.os().zfsVersion(),
                "ZFS: Loaded module v" + profile.os().zfsVersion() + ", ZFS pool version 5000, ZFS filesystem version 5");
        zfs.load(api.available(), api, profile.paramsAtBoot());
        zia.zfsLoaded(false);
        writePoolTable();
    }

    /**
     * Loads or unloads the dpusm module: {@code /sys/module/dpusm} comes or goes; zfs.ko finds
     * dpusm only when it loads (the fork's {@code zia_init}), so a provider works after the next
     * reboot or module reload.
     */
    public synchronized void dpusm(boolean loaded) {
        zia.dpusm(loaded);
        writeDpusm();
    }

    private void writeDpusm() {
        java.nio.file.Path dir = layout.root().resolve("sys/module/dpusm");
        try {
            if (zia.dpusmLoaded()) {
                java.nio.file.Files.createDirectories(dir);
            } else {
                java.nio.file.Files.deleteIfExists(dir);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Runs qatwb's Z.I.A. re-apply hooks as the end of a boot does ({@link ZiaHooksAtBoot}); call it
     * without holding this machine's lock, once the simulator answers the stand-ins' requests.
     */
    public void runZiaHooksAtBoot(Map<String, String> env) {
        if (profile.zia()) {
            ZiaHooksAtBoot.run(layout, env, importedPools());
        }
    }

    /** The pools imported now (an export takes one away until it is imported again). */
    public synchronized List<String> importedPools() {
        return zia.imported();
    }

    public synchronized void failNextRestart(String message) {
        if (driver == null) {
            throw new IllegalStateException("profile " + profile.name() + " has no QAT driver to restart");
        }
        driver.failNextRestart(message);
    }

    /** The datasets that exist now. */
    public ZfsDatasets datasets() {
        return datasets;
    }

    /** The pools' space. */
    public PoolSpace space() {
        return space;
    }

    public Map<String, DatasetLoad> loads() {
        return loads;
    }

    public Profile profile() {
        return profile;
    }

    public KernelLog kernelLog() {
        return log;
    }

    /** The QAT driver, or null on a profile without one. */
    public QatDriver driver() {
        return driver;
    }

    /** zfs.ko's QAT side, or null when ZFS was built without QAT. */
    public ZfsModule zfs() {
        return zfs;
    }

    private KernelApi kernelApi() {
        return driver == null ? KernelApi.NONE : driver.kernelApi();
    }

    /**
     * The next QAT restart leaves ZFS without its QAT kstat ({@code /proc/spl/kstat/zfs/qat} goes),
     * as when ZFS's QAT side did not come back: what an apply's verification looks for.
     */
    public synchronized void loseKstatOnNextRestart() {
        loseKstat = true;
    }

    @Override
    public synchronized Response handle(Request r) {
        Response response = answer(r);
        if (r.tool().equals("adf_ctl") || r.tool().equals("systemctl")) {
            syncIrqs();
        }
        if (loseKstat && restarts(r)) {
            loseKstat = false;
            try {
                java.nio.file.Files.deleteIfExists(layout.kstat());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return response;
    }

    private static boolean restarts(Request r) {
        return (r.tool().equals("adf_ctl") || r.tool().equals("systemctl"))
                && (r.args().contains("restart") || r.args().contains("start") || r.args().contains("up"));
    }

    private Response answer(Request r) {
        if (BenchTools.answers(r.tool())) {
            return benchTools.handle(r.tool(), r.args());
        }
        return switch (r.tool()) {
            case "adf_ctl" -> driver == null ? Response.fail("adf_ctl: command not found\n", 127) : driver.adfCtl(r.args());
            case "systemctl" -> systemctl(r.args());
            case "param" -> param(r);
            case "zpool" -> zpool(r.args());
            case "zfs" -> zfs(r.args());
            case "irq" -> irqAffinity(r);
            case "midclt" -> initScripts == null ? Response.fail("midclt: command not found\n", 127)
                    : initScripts.midclt(r.args());
            default -> Response.fail("qatwb-sim: unknown request " + r.tool() + "\n", 70);
        };
    }

    private Response systemctl(List<String> args) {
        if (args.size() == 2 && args.get(1).equals("irqbalance.service") && irqbalance != null) {
            return irqbalance.systemctl(args.get(0));
        }
        if (args.size() != 2 || driver == null || !args.get(1).equals("qat.service")) {
            return Response.fail("Failed to " + (args.isEmpty() ? "run" : args.get(0)) + " "
                    + (args.size() > 1 ? args.get(1) : "") + ": Unit not found.\n", 5);
        }
        Response r = switch (args.get(0)) {
            case "start" -> driver.serviceStart();
            case "stop" -> driver.serviceStop();
            case "try-restart" -> driver.serviceState() == ServiceState.INACTIVE ? Response.ok("") : driver.serviceRestart();
            default -> driver.serviceRestart();
        };
        // qat_service's own output goes to the journal, not to the terminal
        if (r.rc() != 0) {
            return Response.fail("Job for qat.service failed because the control process exited with error code.\n"
                    + "See \"systemctl status qat.service\" and \"journalctl -xeu qat.service\" for details.\n", 1);
        }
        return Response.ok("");
    }

    /** {@code zfs create}, {@code destroy} and {@code set}; the tables are written again after a change. */
    private Response zfs(List<String> args) {
        if (args.isEmpty()) {
            return Response.fail("qatwb-sim: zfs without a subcommand\n", 2);
        }
        List<String> rest = args.subList(1, args.size());
        Response r = switch (args.get(0)) {
            case "create" -> zfsCommands.create(rest);
            case "destroy" -> zfsCommands.destroy(rest);
            case "set" -> zfsCommands.set(rest);
            default -> Response.fail("qatwb-sim: zfs " + args.get(0) + " is not simulated\n", 2);
        };
        if (r.rc() == 0) {
            writeZfsTables();
        }
        return r;
    }

    /**
     * {@code zpool sync [POOL...]}: the simulator's writes are on disk already; the pools' space and the
     * datasets' sizes are read again, as a sync makes them current. An unknown pool is zpool's refusal.
     */
    private Response zpoolSync(List<String> pools) {
        for (String p : pools) {
            if (!zia.imported().contains(p)) {
                return Response.fail("cannot open '" + p + "': no such pool\n", 1);
            }
        }
        writeZfsTables();
        return Response.ok("");
    }

    /** {@code zpool set} (the agent's zpool-set), {@code sync}, and {@code export} and {@code import} of a pool. */
    private Response zpool(List<String> args) {
        if (!args.isEmpty() && args.get(0).equals("sync")) {
            return zpoolSync(args.subList(1, args.size()));
        }
        if (args.isEmpty() || !List.of("set", "export", "import").contains(args.get(0))) {
            return Response.fail("qatwb-sim: zpool " + (args.isEmpty() ? "" : args.get(0)) + " is not simulated\n", 2);
        }
        List<String> rest = args.subList(1, args.size());
        Response r = switch (args.get(0)) {
            case "export" -> zia.export(rest);
            case "import" -> zia.importPool(rest);
            default -> zia.set(rest);
        };
        if (r.rc() == 0) {
            writePoolTable();
        }
        return r;
    }

    /** A write to {@code proc/irq/N/smp_affinity_list} (the tee stand-in's request {@code irq N}). */
    private Response irqAffinity(Request r) {
        if (irqs == null || r.args().size() != 1 || !r.args().get(0).matches("[0-9]{1,7}")) {
            return Response.fail("No such file or directory", 1);
        }
        return irqs.writeAffinity(Integer.parseInt(r.args().get(0)),
                new String(r.input(), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /**
     * Installs and starts the irqbalance stand-in (a profile with a QAT card only): its environment
     * file, {@code systemctl is-active irqbalance} active, and QAT VF interrupts moved every 10 s
     * unless its policy script bans them.
     */
    public synchronized void installIrqbalance(Map<String, String> env) {
        if (irqs == null) {
            throw new IllegalStateException("profile " + profile.name() + " has no QAT interrupts for irqbalance to move");
        }
        irqbalance = new SimIrqbalance(layout.root(), layout.state().resolve("irqbalance"), env, irqs, profile.cpu().cores());
        irqbalance.install();
    }

    /** The QAT interrupts; null without a QAT card. */
    public SimInterrupts interrupts() {
        return irqs;
    }

    private Response param(Request r) {
        if (zfs == null || r.args().size() != 1) {
            return Response.fail("Permission denied", 1);
        }
        String data = new String(r.input(), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (zfs.hasForkParam(r.args().get(0))) {
            return zfs.writeForkParam(r.args().get(0), data);   // the hypothetical fork's (ForkExtras)
        }
        return ZfsParam.bySysfsName(r.args().get(0))
                .map(p -> zfs.write(p, data, kernelApi()))
                .orElse(Response.fail("Permission denied", 1));
    }
}
