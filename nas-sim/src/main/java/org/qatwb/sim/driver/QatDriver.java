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
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.QatDefaultsParser;
import org.qatwb.model.etc.VfBlacklistParser;
import org.qatwb.model.lint.ConfFile;
import org.qatwb.model.lint.DeviceSetLinter;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.LintContext;
import org.qatwb.model.parse.ParseException;
import org.qatwb.sim.machine.KernelLog;
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
 * means no VF appears), and each device's conf, judged with the model's lint as the driver judges
 * it ({@link DriverVerdict}). Not thread-safe: the machine calls it under its lock.
 */
public final class QatDriver {

    private final QatCard card;
    private final RootLayout layout;
    private final KernelLog log;
    private final int cores;

    private ServiceState service = ServiceState.INACTIVE;
    private boolean kapiLoaded;
    /** Devices the loaded drivers see; empty while qat.service is stopped (modules unloaded). */
    private List<SimDevice> devices = List.of();
    private final Map<Integer, LoadedConf> up = new LinkedHashMap<>();
    private final Map<Integer, FwCounters> fw = new HashMap<>();
    private String failNextRestart;

    public QatDriver(QatCard card, RootLayout layout, KernelLog log, int cores) {
        this.card = card;
        this.layout = layout;
        this.log = log;
        this.cores = cores;
    }

    /** Arms a one-shot failure: the next restart (or start) brings no device up and reports {@code message}. */
    public void failNextRestart(String message) {
        this.failNextRestart = message;
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
        QatDefaults defaults = readDefaults();
        kapiLoaded = defaults.kapiEnabled();
        boolean vfs = defaults.sriovEnabled() && !vfDriverBlacklisted();
        devices = enumerate(vfs);
        for (SimDevice d : devices) {
            if (!d.vf()) {
                fw.putIfAbsent(d.instId(), new FwCounters(d.engines()));
            }
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        boolean ok = configure(devices, out, err);
        service = ok ? ServiceState.ACTIVE : ServiceState.FAILED;
        writeState();
        return new Response(out.toString(), err.toString(), ok ? 0 : 1);
    }

    /** {@code systemctl stop qat}: devices down, drivers unloaded (adf_ctl then sees none). */
    public Response serviceStop() {
        if (service != ServiceState.INACTIVE) {
            log.log("QAT: Stopping all acceleration devices.");
            stopAll();
            devices = List.of();
            service = ServiceState.INACTIVE;
            removeDebugfs();
        }
        writeState();
        return Response.ok("");
    }

    /** The machine goes down: devices, drivers, debugfs and firmware counters gone, nothing logged. */
    public void powerOff() {
        up.clear();
        fw.clear();
        devices = List.of();
        kapiLoaded = false;
        service = ServiceState.INACTIVE;
        removeDebugfs();
        writeState();
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
                stop(scope);
            }
            case "up" -> {
                out.append(target.isPresent() ? "Starting device " + target.get().name() + ".\n" : "Starting all devices.\n");
                ok = configure(scope.stream().filter(d -> !isUp(d)).toList(), out, err);
            }
            case "restart", "reset" -> {
                out.append(target.isPresent() ? "Restarting device " + target.get().name() + ".\n" : "Restarting all devices.\n");
                if (target.isEmpty()) {
                    log.log("QAT: Stopping all acceleration devices.");
                }
                stop(scope);
                ok = configure(scope, out, err);
            }
            default -> {
                return usage();
            }
        }
        writeState();
        return new Response(out.toString(), err.toString(), ok ? 0 : 1);
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
     * Processes the conf files of {@code scope} as {@code adf_ctl up} does and brings up the devices
     * the driver accepts. The whole present set is linted together, so that the cross-file rules
     * (a VF's services within its PF's) apply.
     *
     * @return whether every device of the scope came up
     */
    private boolean configure(List<SimDevice> scope, StringBuilder out, StringBuilder err) {
        if (failNextRestart != null) {
            String message = failNextRestart;
            failNextRestart = null;
            err.append(message).append('\n');
            log.log(kernelText(message));
            return scope.isEmpty();
        }
        Map<String, ConfDocument> docs = new LinkedHashMap<>();
        List<ConfFile> files = new ArrayList<>();
        for (SimDevice d : devices) {
            Path p = layout.conf(d.confFile());
            if (Files.isRegularFile(p)) {
                ConfDocument doc = ConfDocument.parse(read(p));
                docs.put(d.confFile(), doc);
                files.add(new ConfFile("/etc/" + d.confFile(), doc,
                        new LintContext(Optional.of(DeviceRef.of(d.type())), OptionalInt.of(cores)),
                        OptionalInt.of(d.instId())));
            }
        }
        Map<String, FileReport> reports = new HashMap<>();
        for (FileReport r : DeviceSetLinter.lint(files)) {
            reports.put(r.path(), r);
        }
        boolean all = true;
        List<String> kernel = new ArrayList<>();
        for (SimDevice d : scope) {
            String path = "/etc/" + d.confFile();
            out.append("Processing ").append(path).append('\n');
            kernel.add("QAT: Processing " + path);
            ConfDocument doc = docs.get(d.confFile());
            List<String> errors = new ArrayList<>();
            if (doc == null) {
                errors.add("QAT Error: Cannot open " + path + ": No such file or directory");
            } else {
                DriverVerdict v = DriverVerdict.of(reports.get(path), doc);
                errors.addAll(v.messages());
            }
            if (errors.isEmpty()) {
                up.put(d.index(), LoadedConf.of(doc));
                if (!d.vf()) {
                    fw.computeIfAbsent(d.instId(), k -> new FwCounters(d.engines())).reset(); // firmware reloaded
                }
                kernel.add(d.kernelPrefix() + d.name() + " started " + d.engines() + " acceleration engines");
            } else {
                all = false;
                errors.add("Failed to configure " + d.name());
                for (String e : errors) {
                    err.append(e).append('\n');
                    kernel.add(kernelText(e));
                }
            }
        }
        log.log(kernel);
        return all;
    }

    /** Unloading the drivers removes their debugfs directories. */
    private void removeDebugfs() {
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
                kernel.add(d.kernelPrefix() + d.name() + " stopped " + d.engines() + " acceleration engines");
            }
        }
        if (!kernel.isEmpty()) {
            log.log(kernel);
        }
    }

    /** Driver messages in the kernel log carry the "QAT" the administrator's grep looks for. */
    private static String kernelText(String message) {
        return message.startsWith("QAT") ? message : "QAT: " + message;
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
