package org.qatwb.model.pci;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * Every QAT PCI device on the NAS with the driver bound to it, and the QAT modules with their origin
 * (issue 16, section 3): the agent's {@code qat_pci} item (docs/agent-protocol.md). Which driver owns
 * each function ({@link #owned()}), what ZFS can use of it, and where in-kernel and out-of-tree drivers
 * collide ({@link #conflicts()}).
 *
 * @param functions     every QAT function, in the bus's order
 * @param driverModules the module behind each driver bound to one ({@code c6xx} to {@code qat_c62x})
 * @param modules       the QAT modules loaded or listed in modules.dep, and the modules of those drivers, by name
 */
public record QatPciDevices(List<PciFunction> functions, Map<String, String> driverModules,
                            Map<String, QatModule> modules) {

    /** More lines than the agent prints: 4096 functions, 64 modules and their drivers, 256 modules.dep lines. */
    static final int MAX_LINES = 8192;

    private static final String BSF = "[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]";
    private static final String NAME = "[A-Za-z0-9_.-]{1,64}";

    public QatPciDevices {
        functions = List.copyOf(functions);
        driverModules = Collections.unmodifiableMap(new LinkedHashMap<>(driverModules));
        modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
    }

    /** Each function with its owner and what ZFS can use of it. */
    public List<OwnedFunction> owned() {
        return functions.stream().map(f -> {
            DriverOwner o = owner(f);
            return new OwnedFunction(f, o, zfsUse(f, o));
        }).toList();
    }

    /** The physical functions: the cards (or a chipset's or CPU's endpoints), each with its owner. */
    public List<OwnedFunction> cards() {
        return owned().stream().filter(o -> !o.function().vf()).toList();
    }

    /** Whether Intel's out-of-tree QAT driver is installed for the running kernel or loaded. */
    public boolean outOfTreeInstalled() {
        return modules.values().stream().filter(QatModule::qat).anyMatch(m ->
                m.fileOrigin().filter(o -> o == ModuleOrigin.OUT_OF_TREE).isPresent()
                        || m.loaded() && m.origin() == ModuleOrigin.OUT_OF_TREE);
    }

    /** The loaded QAT modules of one origin, in order. */
    public List<String> loaded(ModuleOrigin origin) {
        return modules.values().stream().filter(m -> m.loaded() && m.qat() && m.origin() == origin)
                .map(QatModule::name).toList();
    }

    /** In-kernel and out-of-tree QAT drivers in each other's way. */
    public List<DriverConflict> conflicts() {
        List<DriverConflict> out = new ArrayList<>();
        List<String> inKernel = loaded(ModuleOrigin.IN_KERNEL);
        List<String> outOfTree = loaded(ModuleOrigin.OUT_OF_TREE);
        if (!inKernel.isEmpty() && !outOfTree.isEmpty()) {
            out.add(new DriverConflict(DriverConflict.Kind.BOTH_LOADED, "QAT modules of both origins are loaded: in-kernel "
                    + String.join(", ", inKernel) + "; out-of-tree " + String.join(", ", outOfTree), List.of(), inKernel));
        }
        List<OwnedFunction> bound = owned().stream().filter(o -> o.owner() instanceof DriverOwner.InKernel).toList();
        if (!bound.isEmpty() && outOfTreeInstalled()) {
            List<String> mods = bound.stream().map(o -> ((DriverOwner.InKernel) o.owner()).module()).distinct().toList();
            out.add(new DriverConflict(DriverConflict.Kind.IN_KERNEL_BOUND, listed(bound) + " bound to the in-kernel "
                    + String.join(", ", mods) + " while Intel's out-of-tree QAT driver is installed: both name their"
                    + " modules alike (intel_qat, qat_c62x...), and the one loaded first keeps the other out", bound, mods));
        }
        return out;
    }

    /** The driver that owns {@code f}: its bound driver, told apart by its module's origin and f's generation. */
    DriverOwner owner(PciFunction f) {
        if (f.driver().isEmpty()) {
            return new DriverOwner.NoDriver();
        }
        String driver = f.driver().get();
        if (driver.equals("vfio-pci")) {
            return new DriverOwner.VfioPci();
        }
        String module = driverModules.get(driver);
        if (module == null) {
            return new DriverOwner.Other(driver, "its module is not shown");
        }
        if (!QatModule.isQatName(module)) {
            return new DriverOwner.Other(driver, "module " + module);
        }
        Optional<QatModule> m = Optional.ofNullable(modules.get(module));
        Optional<String> version = m.flatMap(QatModule::version)
                .or(() -> Optional.ofNullable(modules.get("intel_qat")).flatMap(QatModule::version));
        ModuleOrigin origin = m.map(QatModule::origin).orElse(ModuleOrigin.UNKNOWN);
        return switch (origin) {
            case OUT_OF_TREE -> f.generation().qat1() ? new DriverOwner.Qat1OutOfTree(driver, module, version)
                    : new DriverOwner.Qat2OutOfTree(driver, module, version);
            case IN_KERNEL -> new DriverOwner.InKernel(driver, module);
            case UNKNOWN -> new DriverOwner.Other(driver, "module " + module + ", in-kernel or out-of-tree could not be told");
        };
    }

    /** What ZFS can offload to {@code f} owned by {@code o} (see {@link ZfsUse} for OpenZFS's side). */
    static ZfsUse zfsUse(PciFunction f, DriverOwner o) {
        if (o instanceof DriverOwner.Qat1OutOfTree) {
            return f.generation().qat1() ? new ZfsUse(true, true, true,
                    "Intel's QAT 1.x driver: its kernel API (qat_api) is what a zfs.ko built --with-qat calls")
                    : ZfsUse.nothing("the QAT 1.x driver does not drive Gen 4");
        }
        if (o instanceof DriverOwner.Qat2OutOfTree q) {
            return qat2(q.version());
        }
        if (o instanceof DriverOwner.InKernel) {
            return ZfsUse.nothing("the in-kernel driver has no kernel QAT API (no qat_api, no cpaDc/cpaCy calls): it"
                    + " serves the Linux crypto API and qatlib, which ZFS does not use");
        }
        if (o instanceof DriverOwner.VfioPci) {
            return ZfsUse.nothing("passed through to a guest: the host's kernel cannot use it");
        }
        return o instanceof DriverOwner.NoDriver ? ZfsUse.nothing("no driver is bound to it")
                : ZfsUse.nothing("not a driver with the kernel QAT API");
    }

    /**
     * Intel's QAT 2.0 out-of-tree driver: kernel-API compression from release 1.2.30 (DOMAIN.md section 1),
     * and never crypto in kernel space (QAT20.L.1.2.30's {@code sal_ks_crypto.c} answers every cpaCy call,
     * {@code cpaCyGetNumInstances} included, with CPA_STATUS_UNSUPPORTED), so no checksums or encryption.
     */
    private static ZfsUse qat2(Optional<String> version) {
        String noCrypto = "; its kernel space has no crypto, so no checksums or encryption (zfs.ko must be built against"
                + " this package)";
        Optional<int[]> v = version.flatMap(QatPciDevices::release);
        if (v.isPresent() && v.get()[0] == 1 && (v.get()[1] < 2 || v.get()[1] == 2 && v.get()[2] < 30)) {
            return ZfsUse.nothing("QAT 2.0 driver " + version.get() + ": its kernel API for compression comes only with"
                    + " release 1.2.30");
        }
        return new ZfsUse(true, false, false, "Intel's QAT 2.0 driver: kernel-API compression"
                + (v.isPresent() ? "" : " from release 1.2.30 (QAT20.L.1.2.30) on") + noCrypto);
    }

    private static Optional<int[]> release(String version) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4}).*").matcher(version);
        return m.matches() ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))}) : Optional.empty();
    }

    /** Some functions in one line: the first few and how many more (a C62x card has 51). */
    static String listed(List<OwnedFunction> fs) {
        String first = fs.stream().limit(4).map(OwnedFunction::name).collect(Collectors.joining(", "));
        return fs.size() > 4 ? first + " and " + (fs.size() - 4) + " more" : first;
    }

    /**
     * The agent's lines ({@code dev}, {@code drv}, {@code mod}, {@code dep}); any other line, or a
     * line of the wrong shape, refuses the whole item.
     */
    public static QatPciDevices parse(String text) throws ParseException {
        List<String> lines = text.lines().toList();
        if (lines.size() > MAX_LINES) {
            throw new ParseException(0, "more than " + MAX_LINES + " lines, more than the agent prints");
        }
        List<PciFunction> functions = new ArrayList<>();
        Map<String, String> drivers = new LinkedHashMap<>();
        Map<String, QatModule> modules = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] w = l.split(" ");
            int n = i + 1;
            switch (w[0]) {
                case "dev" -> functions.add(function(n, l, w));
                case "drv" -> {
                    expect(n, l, w.length == 3 && w[1].matches(NAME) && w[2].matches(NAME), "drv DRIVER MODULE");
                    drivers.put(w[1], w[2]);
                }
                case "mod" -> {
                    expect(n, l, w.length == 5 && w[1].matches(NAME) && w[2].matches("[A-Z]{1,26}|-|\\?")
                            && w[3].matches("[A-Za-z0-9._+~-]{1,64}") && w[4].matches("[A-Za-z0-9]{1,64}|-"),
                            "mod MODULE TAINT VERSION SRCVERSION");
                    Optional<String> file = Optional.ofNullable(modules.get(w[1])).flatMap(QatModule::file);
                    modules.put(w[1], new QatModule(w[1], true, w[2].equals("?") ? Optional.empty()
                            : Optional.of(w[2].equals("-") ? "" : w[2]), word(w[3]), word(w[4]), file));
                }
                case "dep" -> {
                    expect(n, l, w.length == 3 && w[1].matches(NAME) && w[2].matches("[A-Za-z0-9/._+-]{1,512}"),
                            "dep MODULE PATH");
                    QatModule m = modules.get(w[1]);
                    modules.put(w[1], m == null ? new QatModule(w[1], false, Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.of(w[2]))
                            : new QatModule(m.name(), m.loaded(), m.taint(), m.version(), m.srcversion(), Optional.of(w[2])));
                }
                default -> throw new ParseException(n, "expected a dev, drv, mod or dep line: " + Snippet.quote(l));
            }
        }
        return new QatPciDevices(functions, drivers, modules);
    }

    private static PciFunction function(int n, String line, String[] w) throws ParseException {
        expect(n, line, w.length == 6 && w[1].matches(BSF) && w[2].matches("0x[0-9a-f]{4}") && w[3].matches("pf|vf")
                && w[4].matches("-|-1|[0-9]{1,4}") && w[5].matches("-|\\?|" + NAME), "dev BSF DEVICE pf|vf NODE DRIVER");
        Optional<QatPciId> id = QatPciId.of(w[2]);
        if (id.isEmpty()) {
            throw new ParseException(n, "not a QAT device id: " + Snippet.quote(w[2]));
        }
        OptionalInt node = w[4].equals("-") || w[4].equals("-1") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(w[4]));
        Optional<String> driver = w[5].equals("-") ? Optional.empty() : Optional.of(w[5]);
        return new PciFunction(w[1], id.get(), w[3].equals("vf"), node, driver);
    }

    private static Optional<String> word(String w) {
        return w.equals("-") ? Optional.empty() : Optional.of(w);
    }

    private static void expect(int n, String line, boolean ok, String shape) throws ParseException {
        if (!ok) {
            throw new ParseException(n, "expected '" + shape + "': " + Snippet.quote(line));
        }
    }
}
