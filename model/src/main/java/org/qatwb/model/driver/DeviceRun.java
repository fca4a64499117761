package org.qatwb.model.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.qatwb.model.conf.ConfLine;
import org.qatwb.model.conf.ConfSection;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.parse.Snippet;

/** One device's pass through the driver's {@code adf_config_device} (allocator.md section 4). */
final class DeviceRun {

    private static final String KERNEL = "KERNEL";
    private static final String KERNEL_QAT = "KERNEL_QAT";
    private static final String GENERAL = "GENERAL";
    private static final String ACCEL = "Accelerator0";

    private final DeviceConf device;
    private final BankGeometry geometry;
    private final RingMap pfMap;
    /** For a VF, the capabilities its PF announces ({@link RingMap#capabilities()} bits). */
    private final int pfCaps;
    /** For a PF, the capabilities its driver holds after this pass, which its VFs receive. */
    private int capsHeld = RingMap.ALL;
    private final DriverRelease release;
    private final List<Bank> banks = new ArrayList<>();
    private final List<InstancePlacement> placements = new ArrayList<>();
    private RingMap map;
    private String ownServices;
    private int bundlesFree;
    private int maxKernelBank = -1;
    private boolean distribute;

    DeviceRun(DeviceConf device, BankGeometry geometry, RingMap pfMap, int pfCaps, DriverRelease release) {
        this.device = device;
        this.geometry = geometry;
        this.pfMap = pfMap;
        this.pfCaps = pfCaps;
        this.release = release;
    }

    DeviceVerdict run() throws Refusal {
        init();
        // B2: the kernel sections first, KERNEL before KERNEL_QAT
        for (String k : List.of(KERNEL, KERNEL_QAT)) {
            Optional<ConfSection> s = device.conf().section(k);
            if (s.isPresent()) {
                section(s.get(), k, 0);
            }
        }
        List<ConfSection> user = device.conf().sections().stream()
                .filter(s -> !List.of(GENERAL, KERNEL, KERNEL_QAT, ACCEL).contains(s.name())).toList();
        // B3: one user section with Cy instances gets them spread over free banks (4.24/4.28)
        distribute = release.distributesUserBanks()
                && user.stream().filter(s -> number(s, InstanceKind.CY.countKey()) > 0).count() == 1;
        for (ConfSection s : user) {
            userSection(s);
        }
        List<BankUse> used = new ArrayList<>();
        for (Bank b : banks) {
            if (!b.held.isEmpty()) {
                used.add(new BankUse(b.number, b.type == Bank.Type.KERNEL, b.interrupt(),
                        b.coreSet ? OptionalLong.of(b.core) : OptionalLong.empty(), b.held));
            }
        }
        return new DeviceVerdict.Placed(device.name(), placements, used, maxKernelBank + 1);
    }

    /** Step A: capability lookup (A3), ring map (A4), banks and their positions (A2, A5). */
    private void init() throws Refusal {
        boolean keyBeforeSection = device.conf().lines().stream()
                .anyMatch(l -> l instanceof ConfLine.Entry e && e.section() == null && e.stored());
        if (keyBeforeSection) {
            // ini_config.cpp config::read_ini stores it through a null section: adf_ctl dies reading the
            // file (on 4.8 an indented comment before the first header is such a key: no trim_left)
            throw new Refusal(new DeviceVerdict.Refused(device.name(), Optional.empty(), Optional.empty(),
                    Optional.empty(), DeviceVerdict.Cause.FILE, "a key line comes before the first section header:"
                            + " adf_ctl crashes reading the file and the driver never sees it",
                    List.of(DriverMessage.adfCtl("Segmentation fault (core dumped)"))));
        }
        if (device.conf().section(GENERAL).isEmpty()) {
            // adf_ctl itself stops here (dev_config.cpp): the kernel never sees the file
            throw new Refusal(new DeviceVerdict.Refused(device.name(), Optional.empty(), Optional.empty(),
                    Optional.empty(), DeviceVerdict.Cause.FILE, "the file has no [GENERAL] section: adf_ctl refuses it before the driver sees it",
                    List.of(DriverMessage.adfCtl("QAT Error: No GENERAL section found"),
                            DriverMessage.adfCtl("Failed to configure qat_dev" + device.devId()))));
        }
        Optional<String> version = configVersionError(device.conf().value(GENERAL, "ConfigVersion"));
        if (version.isPresent()) {
            // adf_ctl's dev_config::validate_config (4.8 and 4.24 utilities/adf_ctl/src/dev_config.cpp)
            throw new Refusal(new DeviceVerdict.Refused(device.name(), Optional.of(GENERAL), Optional.empty(),
                    Optional.empty(), DeviceVerdict.Cause.FILE, "[GENERAL] ConfigVersion " + version.get() + ": adf_ctl refuses the file before the driver sees it",
                    List.of(DriverMessage.adfCtl("QAT Error: " + (version.get().startsWith("is missing")
                            ? "Key ConfigVersion missing in GENERAL section" : "Only version 2 config file supported")),
                            DriverMessage.adfCtl("Failed to configure qat_dev" + device.devId()))));
        }
        Optional<String> services = device.conf().value(GENERAL, "ServicesEnabled");
        if (services.isEmpty()) {
            throw refuse(Optional.of(GENERAL), Optional.empty(),
                    "[GENERAL] has no ServicesEnabled: the driver refuses the device and its log does not say why",
                    List.of(DriverMessage.kernel("Failed to do device init")), false);
        }
        // A3: the capabilities the services are checked against: a VF's are what its PF announced;
        // a PF's are its hardware's (every modelled SKU has them all), which 4.8 first trims by
        // three GENERAL keys read with kstrtoul(val, 0) (4.8 adf_cfg_update_pf_accel_cap_mask)
        int have = device.device().vf() ? pfCaps : RingMap.ALL;
        if (!device.device().vf() && release == DriverRelease.R4_8) {
            long pke = trimFlag("PkeServiceDisabled");
            long storage = trimFlag("StorageEnabled");
            long rl = trimFlag("RLFirmwareEnabled");
            have &= ~(pke != 0 || storage != 0 ? RingMap.ASYM : 0) & ~(rl != 0 ? RingMap.DC : 0);
            capsHeld = have;
        }
        ownServices = services.get();
        Optional<RingMap> own = RingMap.of(ownServices);
        // 4.8 has one list, the DEFAULT one; 4.24/4.28 look the name up in the device's profile
        ServicesProfile profile = release == DriverRelease.R4_8 ? ServicesProfile.DEFAULT
                : ServicesProfile.of(device.device().model().orElseThrow().type(), device.device().vf(),
                        device.conf().value(GENERAL, "ServicesProfile").orElse(""));
        if (own.isEmpty() || !profile.accepts(ownServices)) {
            String v = Snippet.excerpt(ownServices);
            String line = release == DriverRelease.R4_8 ? "Invalid services enabled: " + v
                    : "Invalid ServicesEnabled " + v + " for ServicesProfile: " + profile.number();
            throw refuse(Optional.of(GENERAL), Optional.empty(), "ServicesEnabled " + Snippet.quote(ownServices)
                    + (own.isEmpty() ? " is not a name the driver knows (cy, dc, sym, asym, or one of them with dc, such as cy;dc)"
                            : " is not allowed under ServicesProfile " + profile.name()),
                    List.of(DriverMessage.kernel(line), DriverMessage.kernel("Failed to do device init")), false);
        }
        int needs = own.get().capabilities();
        if ((needs & have) != needs) {
            // adf_cfg_check_enabled_services (4.8 and 4.24 qat_common/adf_cfg_device.c)
            throw refuse(Optional.of(GENERAL), Optional.empty(), "ServicesEnabled " + Snippet.quote(ownServices)
                    + (device.device().vf() ? " needs a service the PF does not offer its VFs (the PF's ServicesEnabled is "
                            + Snippet.quote(pfMap.services()) + "): give the VF a subset of the PF's services"
                            : " needs asymmetric crypto or compression, which PkeServiceDisabled, StorageEnabled or"
                            + " RLFirmwareEnabled switched off (driver 4.8)"),
                    List.of(DriverMessage.kernel("Unsupported device configuration"),
                            DriverMessage.kernel("Failed to do device init")), false);
        }
        capsHeld = have & needs;
        // A4: a VF's own value is checked but its map is the PF's (section 3)
        map = device.device().vf() ? pfMap : own.get();
        bundlesFree = geometry.banks();
        for (int i = 0; i < geometry.banks(); i++) {
            banks.add(new Bank(i, map.positions(geometry)));
        }
    }

    /**
     * Why adf_ctl refuses a {@code ConfigVersion}, or empty when it reads 2: {@code utils::to_number}
     * reads an int from the first digit on ({@code 2.0}, {@code 02}, {@code v2} are 2; an int
     * overflow is INT_MAX), a value without a digit is refused too.
     */
    static Optional<String> configVersionError(Optional<String> value) {
        if (value.isEmpty()) {
            return Optional.of("is missing");
        }
        String v = value.get();
        int start = 0;
        while (start < v.length() && (v.charAt(start) < '0' || v.charAt(start) > '9')) {
            start++;
        }
        int end = start;
        while (end < v.length() && v.charAt(end) >= '0' && v.charAt(end) <= '9') {
            end++;
        }
        if (start == end || !new java.math.BigInteger(v.substring(start, end)).equals(java.math.BigInteger.TWO)) {
            return Optional.of(Snippet.quote(v) + " does not read as 2");
        }
        return Optional.empty();
    }

    /**
     * The ring map a PF's driver holds after adf_ctl configured it, which its VFs receive
     * (allocator.md section 3): its own when its file passes adf_ctl and the service lookup
     * (the map is set in {@code adf_cfg_device_init} before any instance is placed, so a later
     * refusal keeps it), else the map it had since probe, the default.
     */
    static PfOffer offerSent(DeviceConf pf, DriverRelease release) {
        Optional<BankGeometry> g = BankGeometry.of(pf.device());
        if (g.isEmpty()) {
            return PfOffer.FRESH;
        }
        DeviceRun run = new DeviceRun(pf, g.get(), RingMap.DEFAULT, RingMap.ALL, release);
        try {
            run.init();
            return new PfOffer(run.map, run.capsHeld);
        } catch (Refusal r) {
            return new PfOffer(RingMap.DEFAULT, run.capsHeld);
        }
    }

    /** 4.8's reading of a capability-trimming GENERAL key: {@code kstrtoul(val, 0)}, unreadable refuses. */
    private long trimFlag(String key) throws Refusal {
        Optional<String> v = device.conf().value(GENERAL, key);
        if (v.isEmpty()) {
            return 0;
        }
        OptionalLong n = KernelValues.flag(v.get());
        if (n.isEmpty()) {
            throw refuse(Optional.of(GENERAL), Optional.empty(), "[GENERAL] " + key + " " + Snippet.quote(v.get())
                    + " is not a number: driver 4.8 refuses the device and its log does not say why",
                    List.of(DriverMessage.kernel("Failed to do device init")), false);
        }
        return n.getAsLong();
    }

    /** Step C, user section: one pass per process. */
    private void userSection(ConfSection s) throws Refusal {
        long processes = Math.max(0, number(s, "NumProcesses"));
        boolean limit = number(s, "LimitDevAccess") > 0;
        if (processes != 1) {
            distribute = false;
        }
        for (long p = 0; p < processes; p++) {
            String process = s.name() + (limit ? "_DEV" + device.devId() : "") + "_INT_" + p;
            int before = placements.size();
            section(s, process, p);
            // every later process reads the same counts: if this one placed nothing, so would they
            if (placements.size() == before) {
                return;
            }
        }
    }

    /** Step C: the section's instances by kind, in the order CRYPTO, COMP, SYM, ASYM. */
    private void section(ConfSection s, String process, long p) throws Refusal {
        for (ServiceType t : ServiceType.values()) {
            if (t != ServiceType.NA && map.has(t)) {
                kind(s, process, p, t.isCrypto() ? InstanceKind.CY : InstanceKind.DC, t);
            }
        }
    }

    /** Step D: one kind of instance in one section. */
    private void kind(ConfSection s, String process, long p, InstanceKind kind, ServiceType type) throws Refusal {
        Optional<String> sec = Optional.of(s.name());
        String failed = "Failed to create rings for " + (kind == InstanceKind.CY ? "cy" : "dc");
        if (release.crossChecksServices()) {
            crossCheck(s, kind);
        }
        Optional<String> countValue = s.value(kind.countKey());
        long count = countValue.map(KernelNumber::read).orElse(-1L);
        List<DriverMessage> failedLog = List.of(DriverMessage.kernel(failed));
        boolean user = isUser(s);
        if (count < 0) {
            throw refuse(sec, Optional.empty(), "[" + Snippet.excerpt(s.name()) + "] "
                    + (countValue.isEmpty() ? "has no " + kind.countKey()
                            : "has " + kind.countKey() + " " + Snippet.quote(countValue.get()) + ", not a number")
                    + ": the driver needs it in every section while " + serviceWord(kind)
                    + " is enabled, and refuses the device without naming the key", failedLog, user);
        }
        for (long n = 0; n < count; n++) {
            int i = (int) Math.min(n, Integer.MAX_VALUE);
            String where = "[" + Snippet.excerpt(s.name()) + "] " + kind.prefix() + n;
            Optional<String> affinity = s.value(kind.key(i, "CoreAffinity"));
            CoreList.Result core = CoreList.core(affinity.orElse(null), p);
            if (!core.ok()) {
                throw refuse(sec, Optional.empty(), where + (affinity.isEmpty() ? " has no CoreAffinity"
                        : "CoreAffinity " + Snippet.quote(affinity.get()) + " is not a core number, a comma list or a range a-b")
                        + ": the driver refuses the device", List.of(DriverMessage.kernel("Get core number failed with error "
                                + core.errno()), DriverMessage.kernel(failed)), user);
            }
            Optional<String> name = s.value(kind.key(i, "Name"));
            if (name.isEmpty()) {
                throw refuse(sec, Optional.empty(), where + "Name is missing (" + kind.countKey() + " is " + count
                        + "): the driver refuses the device and its log does not say why", failedLog, user);
            }
            Optional<String> polledValue = s.value(kind.key(i, "IsPolled"));
            long polled = polledValue.map(KernelNumber::read).orElse(-1L);
            if (polled < 0) {
                throw refuse(sec, name, where + "IsPolled is " + (polledValue.isEmpty() ? "missing"
                        : Snippet.quote(polledValue.get()) + ", not a number")
                        + ": the driver refuses the device and its log does not say why", failedLog, user);
            }
            // the instance's polling_mode is an int (adf_cfg_instance.h): the number's low 32 bits
            Candidate c = new Candidate(s.name(), process, kind, i, name.get(), type, core.core(), (int) polled);
            place(c, failed, user);
        }
    }

    /** D1 (4.24/4.28): instances of a kind the device file's own ServicesEnabled leaves out refuse it. */
    private void crossCheck(ConfSection s, InstanceKind placing) throws Refusal {
        List<String> tokens = List.of(ownServices.split(";", -1));
        InstanceKind other = placing == InstanceKind.CY ? InstanceKind.DC : InstanceKind.CY;
        boolean otherEnabled = other == InstanceKind.DC
                ? tokens.stream().anyMatch(t -> t.startsWith("dc"))
                : tokens.stream().anyMatch(t -> t.startsWith("cy") || t.startsWith("sym") || t.startsWith("asym"));
        if (otherEnabled) {
            return;
        }
        long n = number(s, other.countKey());
        if (n > 0) {
            String line = other == InstanceKind.DC ? "NumDcInstances > 0, when DC is not enabled"
                    : "NumCyInstances > 0, when CY is not enabled";
            throw refuse(Optional.of(s.name()), Optional.empty(), "[" + Snippet.excerpt(s.name()) + "] declares "
                    + other.countKey() + " " + n + " but this device's own ServicesEnabled " + Snippet.quote(ownServices)
                    + " has no " + serviceWord(other) + ": set it to 0 or enable " + serviceWord(other),
                    List.of(DriverMessage.kernel(line),
                            DriverMessage.kernel("Failed to create rings for " + (placing == InstanceKind.CY ? "cy" : "dc"))),
                    isUser(s));
        }
    }

    /** One instance about to be placed. */
    record Candidate(String section, String process, InstanceKind kind, int index, String name, ServiceType type,
            long core, long polling) {
        boolean kernel() {
            return process.equals(KERNEL) || process.equals(KERNEL_QAT);
        }
    }

    /** Step D4: path U for polled user instances, path K for the rest. */
    private void place(Candidate c, String failed, boolean user) throws Refusal {
        if (!c.kernel() && c.polling() == 1) {
            for (int i = maxKernelBank + 1; i < banks.size(); i++) {
                Bank b = banks.get(i);
                if (canBeShared(b, c) && b.freePosition(c.type()) >= 0) {
                    take(b, c, failed, user);
                    return;
                }
            }
        } else {
            Bank.Type wanted = c.kernel() ? Bank.Type.KERNEL : Bank.Type.USER;
            Bank free = null;
            for (Bank b : banks) {
                if (b.type == wanted && b.maskHas(c.core())) {
                    if (canBeShared(b, c) && b.freePosition(c.type()) >= 0) {
                        take(b, c, failed, user);
                        return;
                    }
                } else if (b.type == Bank.Type.FREE && free == null) {
                    free = b;
                }
            }
            if (free != null) {
                take(free, c, failed, user);
                if (c.kernel()) {
                    maxKernelBank = free.number;
                }
                return;
            }
        }
        Explain.Why why = Explain.noBank(c, banks, maxKernelBank, device, map);
        throw refuse(Optional.of(c.section()), Optional.of(c.name()), Optional.of(c.kind().prefix() + c.index()),
                why.cause(), why.text(), List.of(DriverMessage.kernelBare("Don't have enough rings for instance " + Snippet.excerpt(c.name())
                        + " in process " + Snippet.excerpt(c.process())), DriverMessage.kernel(failed)), user);
    }

    /** {@code adf_cfg_can_be_shared}, rules 1 to 5 in the driver's order. */
    private boolean canBeShared(Bank b, Candidate c) {
        if (b.type == Bank.Type.FREE) {
            return true;
        }
        if (b.polling != c.polling()) {
            return false;
        }
        if (b.interrupt() && c.process().equals(b.firstProcess)) {
            return true;
        }
        if (distribute && c.kind() != InstanceKind.DC && bundlesFree > 0) {
            return false;
        }
        return !b.interrupt();
    }

    /** Step D5: the user-polling check, then the bank takes the instance's mode and, in interrupt mode, its core. */
    private void take(Bank b, Candidate c, String failed, boolean user) throws Refusal {
        if (!c.kernel() && c.polling() != 1 && c.polling() != 2) {
            throw refuse(Optional.of(c.section()), Optional.of(c.name()), Optional.of(c.kind().prefix() + c.index()),
                    DeviceVerdict.Cause.USER_POLLING, Snippet.excerpt(c.name()) + " in user section ["
                    + Snippet.excerpt(c.section()) + "] has IsPolled " + c.polling()
                    + ": user instances must be polled (1) or epolled (2)", List.of(DriverMessage.kernelBare("User instance "
                            + Snippet.excerpt(c.name()) + " needs to be configured with IsPolled 1 or 2 for poll and epoll mode,"
                            + " respectively"), DriverMessage.kernel(failed)), user);
        }
        if (b.type == Bank.Type.FREE) {
            b.type = c.kernel() ? Bank.Type.KERNEL : Bank.Type.USER;
            b.polling = c.polling();
            if (b.interrupt()) {
                b.core = c.core();
                b.coreSet = true;
            }
            b.firstProcess = c.process();
            b.firstSection = c.section();
            b.firstInstance = c.name();
            b.firstKey = c.kind().prefix() + c.index();
            bundlesFree--;
        }
        int pos = b.freePosition(c.type());
        InstancePlacement ip = new InstancePlacement(c.section(), c.process(), c.kind(), c.index(), c.name(), c.type(),
                c.core(), c.polling(), b.number, pos);
        b.taken[pos] = ip;
        b.held.add(ip);
        placements.add(ip);
    }

    private Refusal refuse(Optional<String> section, Optional<String> instance, String why, List<DriverMessage> first,
            boolean userSection) {
        return refuse(section, instance, Optional.empty(), DeviceVerdict.Cause.FILE, why, first, userSection);
    }

    private Refusal refuse(Optional<String> section, Optional<String> instance, Optional<String> key,
            DeviceVerdict.Cause cause, String why, List<DriverMessage> first, boolean userSection) {
        List<DriverMessage> m = new ArrayList<>(first);
        if (userSection) {
            m.add(DriverMessage.kernel("Failed to process user section " + Snippet.excerpt(section.orElse(""))));
        }
        m.add(DriverMessage.kernel("Failed to config device"));
        m.add(DriverMessage.adfCtl("Ioctl failed"));
        m.add(DriverMessage.adfCtl("QAT Error: Failed to load config data to device"));
        m.add(DriverMessage.adfCtl("Failed to configure qat_dev" + device.devId()));
        return new Refusal(new DeviceVerdict.Refused(device.name(), section.map(Snippet::excerpt),
                instance.map(Snippet::excerpt), key, cause, why, m));
    }

    private static boolean isUser(ConfSection s) {
        return !s.name().equals(KERNEL) && !s.name().equals(KERNEL_QAT);
    }

    private static String serviceWord(InstanceKind k) {
        return k == InstanceKind.CY ? "crypto (cy, sym or asym)" : "compression (dc)";
    }

    /** A key read as the driver's {@code adf_cfg_set_value} reads it; missing or unreadable reads 0. */
    private static long number(ConfSection s, String key) {
        return Math.max(0, s.value(key).map(KernelNumber::read).orElse(0L));
    }
}
