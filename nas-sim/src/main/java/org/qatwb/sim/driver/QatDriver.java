package org.qatwb.sim.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.QatDefaultsParser;
import org.qatwb.model.etc.VfBlacklistParser;
import org.qatwb.model.parse.ParseException;
import org.qatwb.sim.machine.KernelLog;
import org.qatwb.sim.machine.ServiceJournal;
import org.qatwb.sim.profile.QatCard;
import org.qatwb.sim.request.Response;
import org.qatwb.sim.tree.AtomicFiles;
import org.qatwb.sim.tree.RootLayout;

/**
 * Intel's out-of-tree QAT driver and {@code qat_service}, as far as a NAS administrator sees them:
 * which devices exist, which came up from their conf files, what {@code adf_ctl} prints, what the
 * kernel logs, the firmware counters.
 *
 * <p>Every start re-reads the files under {@code etc/} as the real service does:
 * {@code /etc/default/qat} (SR-IOV, kernel API), the modprobe blacklists (a blacklisted VF driver
 * means no VF appears), and each device's conf, read as the profile's release of {@code adf_ctl}
 * reads it ({@link AdfCtlReader}) and configured as its kernel driver does ({@link RingAllocator}):
 * the simulator's own reading of the driver's source, which never asks the product's linter.
 * {@code adf_ctl}'s lines go to its stdout and stderr (and, when {@code qat_service} runs it, to
 * the unit's journal), the kernel's to the kernel log. Not thread-safe: the machine calls it under
 * its lock.
 */
public final class QatDriver {

    private final QatCard card;
    private final DriverRelease release;
    private final RootLayout layout;
    private final KernelLog log;
    private final ServiceJournal journal;

    private ServiceState service = ServiceState.INACTIVE;
    private boolean kapiLoaded;
    /** Devices the loaded drivers see; empty while qat.service is stopped (modules unloaded). */
    private List<SimDevice> devices = List.of();
    private final Map<Integer, LoadedConf> up = new LinkedHashMap<>();
    private final Map<Integer, FwCounters> fw = new HashMap<>();
    /** Per PF inst_id: the ring map and capabilities its driver holds now, which its VFs receive. */
    private final Map<Integer, RingAllocator.Link> pfLinks = new HashMap<>();
    private String failNextRestart;
    /** The next start reads the first VF's file with {@link #REFUSED_VF_SECTION} before it (a fault). */
    private boolean refuseFirstVf;
    /**
     * Each device's {@code ref_count} (qat_common/adf_dev_mgr.c): raised by {@code adf_dev_get} when a
     * kernel user starts an instance on it (the access layer's {@code cpaDcStartInstance} and
     * {@code cpaCyStartInstance} call {@code icp_adf_qaDevGet}), and on a VF's PF too
     * ({@code adf_dev_pf_get}); a device with a count is "in use" and cannot be stopped.
     */
    private final Map<Integer, Integer> refs = new HashMap<>();

    public QatDriver(QatCard card, DriverRelease release, RootLayout layout, KernelLog log, ServiceJournal journal) {
        this.card = card;
        this.release = release;
        this.layout = layout;
        this.log = log;
        this.journal = journal;
    }

    public DriverRelease release() {
        return release;
    }

    /** Arms a one-shot failure: the next restart (or start) brings no device up and reports {@code message}. */
    public void failNextRestart(String message) {
        this.failNextRestart = message;
    }

    /**
     * The next configuration pass reads the first VF's conf file as if it began with
     * {@link #REFUSED_VF_SECTION}: nine interrupt-mode kernel instances of each service on one core,
     * more than a VF's single bank holds with any ring map (DOMAIN.md section 4), so this driver's own
     * allocator refuses the device with the kernel's words ({@code Don't have enough rings for
     * instance ...}) and adf_ctl's ({@code Failed to configure qat_devN}). The first occurrence of a
     * key wins, so the section ahead of the file's own overrides it. The file on disk is untouched.
     */
    public void refuseFirstVfAtNextStart() {
        refuseFirstVf = true;
    }

    static final String REFUSED_VF_SECTION = refusedVfSection();

    private static String refusedVfSection() {
        StringBuilder t = new StringBuilder("[KERNEL_QAT]\nNumberCyInstances = 9\nNumberDcInstances = 9\n");
        for (int i = 0; i < 9; i++) {
            for (String k : List.of("Cy", "Dc")) {
                t.append(k).append(i).append("Name = \"Refused").append(k).append(i).append("\"\n")
                        .append(k).append(i).append("IsPolled = 0\n").append(k).append(i).append("CoreAffinity = 0\n");
            }
        }
        return t.append('\n').toString();
    }

    public ServiceState serviceState() {
        return service;
    }

    public List<SimDevice> devices() {
        return devices;
    }

    public boolean isUp(SimDevice d) {
        return up.containsKey(d.index());
    }

    // --- qat.service --------------------------------------------------------------------------

    /** {@code systemctl start qat}: loads the drivers as {@code /etc/default/qat} says, brings the devices up. */
    public Response serviceStart() {
        if (service == ServiceState.ACTIVE) {
            return Response.ok("");
        }
        if (!devices.isEmpty() && busy(devices).isPresent()) {
            return startWhileHeld();
        }
        QatDefaults defaults = readDefaults();
        kapiLoaded = defaults.kapiEnabled();
        boolean vfs = defaults.sriovEnabled() && !vfDriverBlacklisted();
        devices = enumerate(vfs);
        // modprobe intel_qat: its MODULE_VERSION (qat_common/adf_ctl_drv.c), read by the snapshot
        AtomicFiles.write(moduleVersionFile(), release.moduleVersion() + "\n");
        for (SimDevice d : devices) {
            if (!d.vf()) {
                fw.putIfAbsent(d.instId(), new FwCounters(d.engines()));
            }
        }
        pfLinks.clear(); // the drivers were loaded afresh: every device as probed
        for (SimDevice d : devices) {
            writeDevCfg(d, DevCfgFile.empty()); // adf_cfg_dev_add at probe: the file exists before any config
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        List<String> transcript = new ArrayList<>();
        boolean injected = failNextRestart != null;
        configure(devices, out, err, transcript);
        // qat_service ends with "exit 0" whatever adf_ctl returned: devices down, unit active (exited);
        // only an injected failure (SimFaults.failNextRestart) fails the unit itself
        service = injected ? ServiceState.FAILED : ServiceState.ACTIVE;
        journal.run("start", transcript, !injected);
        writeState();
        return new Response(out.toString(), err.toString(), injected ? 1 : 0);
    }

    /** {@code systemctl stop qat}: devices down, drivers unloaded (adf_ctl then sees none). */
    public Response serviceStop() {
        if (service != ServiceState.INACTIVE && busy(devices).isPresent()) {
            // qat_service shutdown (the unit's ExecStop): with SRIOV_ENABLE=1, disable_sriov first runs
            // "adf_ctl qat_devN down" for each VF, one ioctl each: the VFs nobody holds do stop;
            // then "$ADF_CTL down &> /dev/null" is refused by the kernel, "modprobe -q -r" fails
            // quietly on modules in use, and the script ends "exit 0": the unit stops, the devices
            // left stay up on the configuration they had
            List<String> transcript = new ArrayList<>();
            if (readDefaults().sriovEnabled()) {
                transcript.add("disable sriov");
                for (SimDevice vf : devices.stream().filter(SimDevice::vf).toList()) {
                    transcript.add("Stopping device " + vf.name() + ".");
                    if (refuse(List.of(vf))) {
                        transcript.add("device busy");
                    } else {
                        stop(List.of(vf));
                    }
                }
            }
            refuse(devices);
            service = ServiceState.INACTIVE;
            journal.run("stop", transcript, true);
            writeState();
            return Response.ok("");
        }
        if (service != ServiceState.INACTIVE) {
            log.log("QAT: Stopping all acceleration devices.");
            stopAll();
            devices = List.of();
            service = ServiceState.INACTIVE;
            removeDebugfs();
            journal.run("stop", List.of(), true);
        }
        writeState();
        return Response.ok("");
    }

    /** The machine goes down: devices, drivers, debugfs and firmware counters gone, nothing logged. */
    public void powerOff() {
        up.clear();
        refs.clear();
        fw.clear();
        pfLinks.clear();
        devices = List.of();
        kapiLoaded = false;
        journal.clear();
        service = ServiceState.INACTIVE;
        removeDebugfs();
        writeState();
    }

    /**
     * {@code qat_service start} while the drivers could not be unloaded (build_files/qat_service,
     * QAT 1.7 4.8 and 4.24 alike): modprobe finds them loaded, {@code $ADF_CTL $2 restart} is refused
     * ("device busy", its status ignored); with {@code SRIOV_ENABLE=1}, {@code enable_sriov} finds
     * {@code sriov_numvfs} not 0 on the first PF that is up, prints "SRIOV is already enabled for
     * qat_devN" and exits 1 (the unit fails); otherwise {@code adf_ctl status} and {@code exit 0}.
     */
    private Response startWhileHeld() {
        List<String> transcript = new ArrayList<>();
        transcript.add("Restarting all devices.");
        refuse(devices);
        transcript.add("device busy");
        QatDefaults defaults = readDefaults();
        boolean sriov = defaults.sriovEnabled() && devices.stream().anyMatch(d -> !d.vf());
        Optional<SimDevice> pfWithVfs = devices.stream()
                .filter(d -> !d.vf() && isUp(d) && devices.stream().anyMatch(v -> v.vf() && v.pfInst() == d.instId()))
                .findFirst();
        boolean failed = false;
        if (sriov) {
            transcript.add("enable sriov");
            if (pfWithVfs.isPresent()) {
                transcript.add("SRIOV is already enabled for " + pfWithVfs.get().name());
                failed = true;
            }
        }
        if (!failed) {
            transcript.addAll(List.of(statusText().split("\n")));
        }
        service = failed ? ServiceState.FAILED : ServiceState.ACTIVE;
        journal.run("start", transcript, !failed);
        writeState();
        return new Response(String.join("\n", transcript) + "\n", "", failed ? 1 : 0);
    }

    public Response serviceRestart() {
        serviceStop();
        return serviceStart();
    }

    // --- adf_ctl ------------------------------------------------------------------------------

    /** {@code adf_ctl [-c FILE] [qat_devN] up|down|restart|reset|status}. */
    public Response adfCtl(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        if (rest.size() >= 2 && (rest.get(0).equals("-c") || rest.get(0).equals("--config"))) {
            rest.subList(0, 2).clear(); // the simulator always reads etc/, as the service does
        }
        Optional<SimDevice> target = Optional.empty();
        if (!rest.isEmpty() && rest.get(0).startsWith("qat_dev")) {
            String name = rest.remove(0);
            target = devices.stream().filter(d -> d.name().equals(name)).findFirst();
            if (target.isEmpty()) {
                return Response.fail("QAT Error: device " + name + " not found\n", 1);
            }
        }
        String cmd = rest.isEmpty() ? "" : rest.get(0);
        if (rest.size() > 1) {
            return usage();
        }
        List<SimDevice> scope = target.map(List::of).orElse(devices);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        boolean ok = true;
        switch (cmd) {
            case "status" -> {
                return Response.ok(statusText());
            }
            case "down" -> {
                out.append(target.isPresent() ? "Stopping device " + target.get().name() + ".\n" : "Stopping all devices.\n");
                if (refuse(scope)) {
                    return busyResponse(out);
                }
                stop(scope);
            }
            case "up" -> {
                out.append(target.isPresent() ? "Starting device " + target.get().name() + ".\n" : "Starting all devices.\n");
                ok = configure(scope.stream().filter(d -> !isUp(d)).toList(), out, err, new ArrayList<>());
            }
            case "restart", "reset" -> {
                out.append(target.isPresent() ? "Restarting device " + target.get().name() + ".\n" : "Restarting all devices.\n");
                if (cmd.equals("restart") && refuse(scope)) {
                    return busyResponse(out);
                }
                if (target.isEmpty()) {
                    log.log("QAT: Stopping all acceleration devices.");
                }
                stop(scope);
                ok = configure(scope, out, err, new ArrayList<>());
            }
            default -> {
                return usage();
            }
        }
        writeState();
        return new Response(out.toString(), err.toString(), ok ? 0 : 1);
    }

    /**
     * adf_ctl.cpp {@code perform_stop_dev}: the stop ioctl failed with EBUSY, so "device busy" on
     * stderr and -1 from {@code main} (exit status 255); {@code restart} stops there too.
     */
    private Response busyResponse(StringBuilder out) {
        writeState();
        return new Response(out.toString(), "device busy\n", 255);
    }

    /**
     * adf_ctl_drv.c {@code adf_ctl_is_device_in_use}, run by the stop ioctl before it stops anything:
     * the first device of the scope (in the driver's list order) that is in use is logged
     * {@code "device qat_devN is busy"} with the device's prefix ({@code dev_info}) and the whole
     * ioctl fails with EBUSY: no device of the scope is stopped.
     *
     * @return whether the stop was refused
     */
    private boolean refuse(List<SimDevice> scope) {
        Optional<SimDevice> busy = busy(scope);
        busy.ifPresent(d -> log.log(d.kernelPrefix() + "device " + d.name() + " is busy"));
        return busy.isPresent();
    }

    private Optional<SimDevice> busy(List<SimDevice> scope) {
        return scope.stream().filter(d -> refs.getOrDefault(d.index(), 0) > 0).findFirst();
    }

    /**
     * A kernel user (ZFS's {@code qat_dc_init}/{@code qat_cy_init}) starts instances of {@code kind}:
     * {@code cpaDcGetInstances}/{@code cpaCyGetInstances} list the kernel instances of the devices that
     * are up in device order, at most {@code max} are taken, and each start takes a reference on its
     * device (and, for a VF, on its PF).
     *
     * @return per device name, the references this start took
     */
    public Map<String, Integer> startKernelInstances(InstanceKind kind, int max) {
        Map<String, Integer> held = new LinkedHashMap<>();
        if (!kapiLoaded) {
            return held;
        }
        int taken = 0;
        for (SimDevice d : devices) {
            LoadedConf c = up.get(d.index());
            int n = c == null ? 0 : Math.min(c.instances(kind), max - taken);
            for (int i = 0; i < n; i++) {
                get(d);
            }
            taken += n;
            if (n > 0) {
                held.put(d.name(), n);
            }
        }
        writeRefcnt();
        return held;
    }

    /** The kernel user stops the instances it started ({@code qat_dc_clean}, at zfs.ko's unload): {@code adf_dev_put} each. */
    public void stopKernelInstances(Map<String, Integer> held) {
        for (SimDevice d : devices) {
            for (int i = held.getOrDefault(d.name(), 0); i > 0; i--) {
                put(d);
            }
        }
        writeRefcnt();
    }

    /** The devices some kernel user holds ({@code ref_count} not 0). */
    public List<SimDevice> inUse() {
        return devices.stream().filter(d -> refs.getOrDefault(d.index(), 0) > 0).toList();
    }

    private void get(SimDevice d) {
        refs.merge(d.index(), 1, Integer::sum);
        if (d.vf()) {
            devices.stream().filter(p -> !p.vf() && p.instId() == d.pfInst()).findFirst()
                    .ifPresent(p -> refs.merge(p.index(), 1, Integer::sum));
        }
    }

    private void put(SimDevice d) {
        refs.computeIfPresent(d.index(), (k, v) -> v > 1 ? v - 1 : null);
        if (d.vf()) {
            devices.stream().filter(p -> !p.vf() && p.instId() == d.pfInst()).findFirst()
                    .ifPresent(p -> refs.computeIfPresent(p.index(), (k, v) -> v > 1 ? v - 1 : null));
        }
    }

    /**
     * {@code /sys/module/<driver>/refcnt}: {@code adf_dev_get} takes {@code try_module_get} on the
     * device's driver module when its count leaves 0, {@code adf_dev_put} gives it back at 0.
     */
    private void writeRefcnt() {
        Map<String, Integer> perModule = new LinkedHashMap<>();
        String pfModule = pfModule();
        perModule.put(pfModule, 0);
        for (SimDevice d : devices) {
            String m = d.vf() ? card.model().vfModule() : pfModule;
            perModule.merge(m, refs.getOrDefault(d.index(), 0) > 0 ? 1 : 0, Integer::sum);
        }
        perModule.forEach((m, n) -> {
            Path dir = layout.root().resolve("sys/module/" + m);
            if (Files.isDirectory(dir)) {
                AtomicFiles.write(dir.resolve("refcnt"), n + "\n");
            }
        });
    }

    /** The PF driver module ({@code qat_c62x} for {@code qat_c62xvf}), as qat_service modprobes it. */
    private String pfModule() {
        String vf = card.model().vfModule();
        return vf.substring(0, vf.length() - 2);
    }

    private static Response usage() {
        return Response.fail("Usage: adf_ctl [-c|--config filename] [qat_dev<N>] [up|down|restart|reset|status]\n", 1);
    }

    /** {@code adf_ctl status}, byte for byte as QAT 1.7 prints it. */
    public String statusText() {
        StringBuilder out = new StringBuilder("Checking status of all devices.\n");
        out.append("There is ").append(devices.size()).append(" QAT acceleration device(s) in the system:\n");
        for (SimDevice d : devices) {
            out.append(d.statusLine(isUp(d))).append('\n');
        }
        return out.toString();
    }

    // --- what ZFS sees ------------------------------------------------------------------------

    public KernelApi kernelApi() {
        if (!kapiLoaded || service == ServiceState.INACTIVE || up.isEmpty()) {
            return KernelApi.NONE;
        }
        int cy = 0;
        int dc = 0;
        int cyI = 0;
        int dcI = 0;
        for (LoadedConf c : up.values()) {
            cy += c.cy();
            dc += c.dc();
            cyI += c.cyInterrupt();
            dcI += c.dcInterrupt();
        }
        return new KernelApi(true, cy, dc, cyI, dcI);
    }

    /** Counts {@code n} offloaded requests on the firmware of the PFs whose devices hold instances of {@code kind}. */
    public void countRequests(InstanceKind kind, long n) {
        if (n <= 0) {
            return;
        }
        Map<Integer, Long> weight = new LinkedHashMap<>();
        long total = 0;
        for (SimDevice d : devices) {
            LoadedConf c = up.get(d.index());
            if (c != null && c.instances(kind) > 0) {
                weight.merge(d.pfInst(), (long) c.instances(kind), Long::sum);
                total += c.instances(kind);
            }
        }
        long given = 0;
        int i = 0;
        for (Map.Entry<Integer, Long> w : weight.entrySet()) {
            long share = ++i == weight.size() ? n - given : n * w.getValue() / total;
            given += share;
            FwCounters c = fw.get(w.getKey());
            if (c != null) {
                c.add(share);
            }
        }
    }

    /** Rewrites the files the stand-ins read: status, service state, firmware counters. */
    public void writeState() {
        AtomicFiles.write(layout.state().resolve("adf_status"), statusText());
        AtomicFiles.write(layout.state().resolve("qat_service"), service.word() + "\n");
        writeFwCounters();
        writeRefcnt();
    }

    /** Rewrites the firmware counters of the PFs (debugfs exists only while the drivers are loaded). */
    public void writeFwCounters() {
        for (SimDevice d : devices) {
            FwCounters c = fw.get(d.instId());
            if (!d.vf() && c != null) {
                AtomicFiles.write(layout.debugfsDir(d.type(), d.bsf()).resolve("fw_counters"), c.render());
            }
        }
    }

    // --- internals ----------------------------------------------------------------------------

    private List<SimDevice> enumerate(boolean withVfs) {
        DeviceModel m = card.model();
        List<SimDevice> out = new ArrayList<>();
        int n = 0;
        for (int pf = 0; pf < card.pfs(); pf++) {
            out.add(new SimDevice(n++, m.type(), false, pf, pf, card.nodeId(), card.pfBsf(pf), m.accelPerPf(),
                    m.enginesPerPf()));
        }
        if (withVfs) {
            for (int pf = 0; pf < card.pfs(); pf++) {
                for (int v = 0; v < m.vfsPerPf(); v++) {
                    out.add(new SimDevice(n++, m.vfType(), true, pf * m.vfsPerPf() + v, pf, card.nodeId(),
                            card.vfBsf(pf, v), 1, 1));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Configures the devices of {@code scope} in device order as {@code adf_ctl up} does
     * (adf_ctl.cpp {@code perform_start_dev}): adf_ctl reads each file and, unless it refuses it
     * itself, hands it to the kernel; the kernel places it or refuses it. adf_ctl's lines go to
     * {@code out}/{@code err} and, in order, to {@code transcript}; the kernel's to the kernel log.
     *
     * @return whether every device of the scope came up
     */
    private boolean configure(List<SimDevice> scope, StringBuilder out, StringBuilder err, List<String> transcript) {
        if (failNextRestart != null) {
            String message = failNextRestart;
            failNextRestart = null;
            err.append(message).append('\n');
            transcript.add(message);
            log.log(message.startsWith("QAT") ? message : "QAT: " + message);
            return scope.isEmpty();
        }
        boolean all = true;
        List<String> kernel = new ArrayList<>();
        for (SimDevice d : scope) {
            String path = "/etc/" + d.confFile();
            Path file = layout.conf(d.confFile());
            List<String> adfOut = new ArrayList<>();
            List<String> adfErr = new ArrayList<>();
            AdfCtlConf conf;
            if (Files.isRegularFile(file)) {
                adfOut.add("Processing " + path);
                byte[] text = read(file);
                if (refuseFirstVf && d.vf()) {
                    refuseFirstVf = false;
                    byte[] head = REFUSED_VF_SECTION.getBytes(StandardCharsets.ISO_8859_1);
                    byte[] both = java.util.Arrays.copyOf(head, head.length + text.length);
                    System.arraycopy(text, 0, both, head.length, text.length);
                    text = both;
                }
                conf = AdfCtlReader.read(text, release);
            } else {
                // dev_config's constructor: perror on lstat, then nothing read, so no [GENERAL]
                adfErr.add("lstat() error: No such file or directory");
                conf = new AdfCtlConf(Map.of(), List.of(), Optional.of("No GENERAL section found"), false);
            }
            adfOut.addAll(conf.stdout());
            boolean upNow = false;
            if (conf.crashed()) {
                // a key before any header: read_ini writes through a null section and adf_ctl dies
                adfErr.add("Segmentation fault (core dumped)");
                emit(adfOut, adfErr, out, err, transcript);
                log.log(kernel);
                return false;
            } else if (conf.error().isPresent()) {
                adfErr.add("QAT Error: " + conf.error().get());
            } else {
                KernelResult r = configureInKernel(d, conf);
                kernel.addAll(r.log());
                if (r.configured()) {
                    upNow = true;
                    up.put(d.index(), LoadedConf.of(r));
                    writeDevCfg(d, DevCfgFile.render(conf, r));
                    if (!d.vf()) {
                        fw.computeIfAbsent(d.instId(), k -> new FwCounters(d.engines())).reset(); // firmware reloaded
                    }
                    kernel.add(d.kernelPrefix() + d.name() + " started " + d.engines() + " acceleration engines");
                } else {
                    // dev_config.cpp configure_dev: the config ioctl failed
                    adfErr.add("Ioctl failed");
                    adfErr.add("QAT Error: Failed to load config data to device");
                }
            }
            if (!upNow) {
                all = false;
                adfErr.add("Failed to configure " + d.name());
            }
            emit(adfOut, adfErr, out, err, transcript);
        }
        log.log(kernel);
        return all;
    }

    /** The kernel's pass over one device, with the map and capabilities its PF holds. */
    private KernelResult configureInKernel(SimDevice d, AdfCtlConf conf) {
        Family family = Family.of(d.type()).orElseThrow(() -> new IllegalStateException("no driver for " + d.type()));
        int pf = d.vf() ? d.pfInst() : d.instId();
        RingAllocator.Link link = pfLinks.getOrDefault(pf, RingAllocator.Link.FRESH);
        KernelResult r = RingAllocator.configure(conf, new RingAllocator.Device(family, d.index(), d.kernelPrefix()),
                release, link);
        if (!d.vf()) {
            pfLinks.put(pf, new RingAllocator.Link(r.ringMap(), r.caps()));
        }
        return r;
    }

    private static void emit(List<String> adfOut, List<String> adfErr, StringBuilder out, StringBuilder err,
                             List<String> transcript) {
        for (String o : adfOut) {
            out.append(o).append('\n');
        }
        for (String e : adfErr) {
            err.append(e).append('\n');
        }
        transcript.addAll(adfOut);
        transcript.addAll(adfErr);
    }

    /**
     * debugfs {@code qat_<type>_<bsf>/dev_cfg} (adf_cfg_dev_dbg.c {@code adf_cfg_dev_dbg_add}, mode
     * 0400, created with the device's cfg at probe and removed with the driver): what the device
     * loaded while it is up, empty once {@code adf_dev_shutdown} ran {@code adf_cfg_del_all}.
     */
    private void writeDevCfg(SimDevice d, String text) {
        AtomicFiles.write(layout.debugfsDir(d.type(), d.bsf()).resolve("dev_cfg"), text);
    }

    private Path moduleVersionFile() {
        return layout.root().resolve("sys/module/intel_qat/version");
    }

    /** Unloading the drivers removes their debugfs directories and the module's sysfs directory. */
    private void removeDebugfs() {
        try {
            Files.deleteIfExists(moduleVersionFile());
            // the rest of /sys/module/intel_qat (its holders) is sim.tree.ModuleTree's, rewritten at every start
            Path dir = moduleVersionFile().getParent();
            try (var left = Files.list(dir)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            } catch (java.nio.file.NoSuchFileException gone) {
                // never loaded
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.isDirectory(layout.debugfs())) {
            return;
        }
        try (Stream<Path> dirs = Files.list(layout.debugfs())) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("qat_")).toList()) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stopAll() {
        stop(devices);
    }

    private void stop(List<SimDevice> scope) {
        List<String> kernel = new ArrayList<>();
        for (SimDevice d : scope) {
            if (up.remove(d.index()) != null) {
                writeDevCfg(d, DevCfgFile.empty());
                kernel.add(d.kernelPrefix() + d.name() + " stopped " + d.engines() + " acceleration engines");
            }
        }
        if (!kernel.isEmpty()) {
            log.log(kernel);
        }
    }

    private QatDefaults readDefaults() {
        Path p = layout.etc().resolve("default/qat");
        try {
            return QatDefaultsParser.parse(Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "");
        } catch (ParseException | IOException e) {
            // qat_service sources the file with sh: an unreadable file switches nothing on
            return new QatDefaults(Map.of(), List.of(), List.of(), "");
        }
    }

    /** Whether any file in {@code etc/modprobe.d} blacklists this card's VF driver, as kmod reads them. */
    private boolean vfDriverBlacklisted() {
        Path dir = layout.etc().resolve("modprobe.d");
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".conf")).sorted().toList()) {
                try {
                    if (VfBlacklistParser.parse(Files.readString(p, StandardCharsets.ISO_8859_1))
                            .blocks(card.model().vfModule())) {
                        return true;
                    }
                } catch (ParseException ignored) {
                    // a file kmod cannot read blocks nothing
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
