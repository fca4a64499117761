package org.qatwb.sim.machine;

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
import org.qatwb.model.snapshot.ZfsParam;
import org.qatwb.sim.zfs.ZfsModule;
import org.qatwb.sim.zfs.ZfsTables;
import org.qatwb.sim.zfs.ZiaPools;

/**
 * The simulated machine: the kernel log, the QAT driver and service, zfs.ko, the workload, and a
 * clock. Every change happens under this object's lock, whether it comes from a stand-in's
 * request, the ticking thread or a test hook.
 */
public final class Machine implements RequestHandler {

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
    private boolean booted;
    private final Map<String, DatasetLoad> loads = new ConcurrentHashMap<>();
    /** The QAT interrupts; null without a QAT card. */
    private final SimInterrupts irqs;
    /** The irqbalance stand-in; null unless installed. */
    private SimIrqbalance irqbalance;
    private boolean loseKstat;

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
        this.irqs = driver == null ? null : new SimInterrupts(layout.root(), profile.cpu().cores());
    }

    /**
     * Boots: the kernel, qat.service and zfs.ko in the profile's order (root on ZFS loads zfs.ko
     * before qat.service, so ZFS finds no QAT), then the enabled units and TrueNAS POSTINIT scripts
     * (which may write 0 to the parameters again: "keep after reboot"), then what the profile logged since.
     */
    public synchronized void boot() {
        uptime.set(0);
        log.logAt(0, "Linux version " + profile.os().kernel() + " (simulated by QAT Workbench)");
        log.logAt(0, "Command line: BOOT_IMAGE=/boot/vmlinuz-" + profile.os().kernel() + " root=ZFS=boot-pool/ROOT quiet");
        boolean qatFirst = profile.qatUpAtZfsLoad();
        if (qatFirst) {
            startQat(4_812_345_000L);
            loadZfs(9_104_221_000L, true);
        } else {
            loadZfs(3_207_551_000L, false);
            startQat(11_530_960_000L);
        }
        runBootScripts(15_880_402_000L);
        uptime.set(37_002_118_000L);
        for (String line : profile.pastKernelLog()) {
            uptime.addAndGet(1_311_000_000L);
            log.log(line);
        }
        uptime.set(START_UPTIME_NANOS);
        log.flush();
        AtomicFiles.write(layout.state().resolve("zfs_props.tsv"), ZfsTables.datasets(profile));
        writePoolTable();
        if (driver != null) {
            driver.writeState();
        }
    }

    private void writePoolTable() {
        AtomicFiles.write(layout.state().resolve("zpool_props.tsv"), ZfsTables.pools(profile, zia));
    }

    private void startQat(long at) {
        if (driver != null) {
            uptime.set(at);
            driver.serviceStart();
            syncIrqs();
        }
    }

    /** The IRQs of the devices that are up now (requested, or freed with their device). */
    private void syncIrqs() {
        if (irqs != null) {
            irqs.sync(driver.devices(), driver::isUp);
        }
    }

    private void loadZfs(long at, boolean qatFirst) {
        uptime.set(at);
        log.log("ZFS: Loaded module v" + profile.os().zfsVersion() + ", ZFS pool version 5000, ZFS filesystem version 5");
        zia.zfsLoaded(!booted);
        booted = true;
        writeDpusm();
        if (zfs != null) {
            zfs.load(qatFirst, kernelApi());
        }
    }

    /** After qat.service: the enabled units, then (TrueNAS) the POSTINIT init scripts. */
    private void runBootScripts(long at) {
        if (zfs == null) {
            return;
        }
        uptime.set(at);
        BiPredicate<ZfsParam, String> write = (p, v) -> zfs.write(p, v + "\n", kernelApi()).rc() == 0;
        BiPredicate<String, String> pin = (name, cpus) -> irqs != null && irqs.pinByName(name, cpus);
        for (List<String> unit : BootScripts.enabledUnits(layout)) {
            BootScripts.runUnit(unit, write, pin);
        }
        if (initScripts != null) {
            for (String command : initScripts.commands("POSTINIT")) {
                BootScripts.run(command, write, pin);
            }
        }
    }

    /**
     * Reboots: the QAT drivers and zfs.ko go, the kernel log starts afresh, and the machine boots
     * again as {@link #boot()} says; the files under etc/ and the workload stay.
     */
    public synchronized void reboot() {
        if (driver != null) {
            driver.powerOff();
            irqs.powerOff();
        }
        if (zfs != null) {
            zfs.powerOff(); // the references went with the kernel
        }
        log.clear();
        boot();
        if (irqbalance != null) {
            irqbalance.reboot();
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
            uptime.addAndGet(step);
            left -= step;
            if (zfs != null) {
                zfs.step(step / 1e9, profile.datasets(), loads, kernelApi(), driver == null ? null : (kind, n) -> {
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
    }

    /** Unloads and loads zfs.ko: counters from zero; QAT initialised if it is up now. */
    public synchronized void reloadZfsModule() {
        if (zfs == null) {
            throw new IllegalStateException("profile " + profile.name() + " has no ZFS built with QAT");
        }
        KernelApi api = kernelApi();
        log.log("ZFS: Unloaded module v" + profile.os().zfsVersion(),
                "ZFS: Loaded module v" + profile.os().zfsVersion() + ", ZFS pool version 5000, ZFS filesystem version 5");
        zfs.load(api.available(), api);
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
        return switch (r.tool()) {
            case "adf_ctl" -> driver == null ? Response.fail("adf_ctl: command not found\n", 127) : driver.adfCtl(r.args());
            case "systemctl" -> systemctl(r.args());
            case "param" -> param(r);
            case "zpool" -> zpool(r.args());
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

    /** {@code zpool set} (the agent's zpool-set), and {@code export} and {@code import} of a pool. */
    private Response zpool(List<String> args) {
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
        return ZfsParam.bySysfsName(r.args().get(0))
                .map(p -> zfs.write(p, new String(r.input(), java.nio.charset.StandardCharsets.ISO_8859_1), kernelApi()))
                .orElse(Response.fail("Permission denied", 1));
    }
}
