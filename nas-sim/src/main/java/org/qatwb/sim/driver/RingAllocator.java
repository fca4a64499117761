package org.qatwb.sim.driver;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel side of configuring one device: {@code adf_config_device} and everything it calls,
 * written from Intel's QAT 1.7 driver source (qat_common/ of 4.8 {@code patchguard/qatdriver},
 * 4.24 {@code nobidev/vyos-qat}, 4.28 {@code drew442/QAT.L.4.28.0-00004}); docs/driver/allocator.md
 * is our reading of it, with line numbers. It reads only the strings {@link AdfCtlReader} hands
 * it, never the product's conf model, so that the two can disagree.
 *
 * <p>Not modelled: a {@code CoreAffinity} core at or above the kernel's CPU mask size (the driver
 * then sets a bit outside its mask), a list longer than its 256-entry array, and hardware that
 * lacks a service (every simulated SKU has crypto and compression).
 */
public final class RingAllocator {

    private static final String GENERAL = "GENERAL";
    private static final String KERNEL = "KERNEL";
    private static final String KERNEL_QAT = "KERNEL_QAT";
    private static final String ACCEL = "Accelerator0";

    static final int EFAULT = -14;
    static final int EINVAL = -22;
    static final int ERANGE = -34;

    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /**
     * The device being configured.
     *
     * @param family    its banks and rings
     * @param accelId   {@code accel_id}, the N of {@code qat_devN} (derived names under LimitDevAccess)
     * @param logPrefix what {@code dev_err} puts before a line ({@code c6xxvf 0000:3d:01.0: })
     */
    public record Device(Family family, int accelId, String logPrefix) {
    }

    /**
     * The map and capabilities a VF receives from its PF over the PF/VF channel (4.24
     * qat_common/adf_pf2vf_ring_to_svc_map.c, adf_pf2vf_capabilities.c); for a PF, what it had
     * before this pass (its map stays when the pass fails before computing a new one).
     */
    public record Link(int ringMap, int caps) {
        /** A device before any configuration: the default map, every capability of the hardware. */
        public static final Link FRESH = new Link(Services.DEFAULT_MAP, Services.CAP_ALL);
    }

    /** A refusal: the kernel's lines have been logged, the device is not configured. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    private enum BankType { FREE, KERNEL, USER }

    /** One bank ({@code struct adf_cfg_bundle}) while the device is configured. */
    private static final class Bank {
        final int number;
        final int[] positions;
        final boolean[] used;
        BankType type = BankType.FREE;
        long polling = -1;
        /** The CPU mask: null for all CPUs, else the single core of an interrupt-mode bank. */
        Long core;
        final List<String> sections = new ArrayList<>();

        Bank(int number, int[] positions) {
            this.number = number;
            this.positions = positions;
            this.used = new boolean[positions.length];
        }

        boolean interruptMode() {
            return polling == 2 || (type == BankType.KERNEL && polling != 1);
        }

        int freePosition(int stype) {
            for (int i = 0; i < positions.length; i++) {
                if (!used[i] && positions[i] == stype) {
                    return i;
                }
            }
            return -1;
        }
    }

    private final AdfCtlConf conf;
    private final Device device;
    private final DriverRelease release;
    private final List<String> log = new ArrayList<>();
    private final List<KernelResult.Placed> placed = new ArrayList<>();
    private final List<Bank> banks = new ArrayList<>();
    private int map;
    private int caps;
    private int bundlesFree;
    private int maxKernelBank = -1;
    private boolean distribute;

    private RingAllocator(AdfCtlConf conf, Device device, DriverRelease release, Link link) {
        this.conf = conf;
        this.device = device;
        this.release = release;
        this.map = link.ringMap();
        this.caps = link.caps();
    }

    /**
     * Configures one device from what adf_ctl sent. For a VF {@code link} is what its PF
     * announces; for a PF, its state before this pass.
     */
    public static KernelResult configure(AdfCtlConf conf, Device device, DriverRelease release, Link link) {
        RingAllocator a = new RingAllocator(conf, device, release, link);
        boolean ok;
        try {
            a.run();
            ok = true;
        } catch (Refused r) {
            a.dev("Failed to config device");
            ok = false;
        }
        return new KernelResult(ok, a.log, a.map, a.caps, ok ? a.placed : List.of());
    }

    private void run() throws Refused {
        try {
            deviceInit();
        } catch (Refused r) {
            dev("Failed to do device init");
            throw r;
        }
        // GENERAL needs nothing placed; then the first KERNEL, the first KERNEL_QAT
        for (String k : List.of(KERNEL, KERNEL_QAT)) {
            if (conf.sections().containsKey(k)) {
                kernelSection(k);
            }
        }
        List<String> others = conf.sections().keySet().stream()
                .filter(s -> !s.equals(GENERAL) && !s.equals(KERNEL) && !s.equals(KERNEL_QAT)).toList();
        // adf_cfg_process_user_cy_section (4.24/4.28): exactly one unprocessed section with Cy instances
        if (release.newAllocatorRules()) {
            long withCy = others.stream().filter(s -> number(s, "NumberCyInstances").orElse(0L) != 0).count();
            distribute = withCy == 1;
        }
        for (String s : others) {
            if (!s.equals(ACCEL)) {
                userSection(s);
            }
        }
    }

    // --- A: adf_cfg_device_init ------------------------------------------------------------------

    private void deviceInit() throws Refused {
        boolean vf = device.family().vf();
        if (release.newAllocatorRules()) {
            // adf_cfg_check_deprecated_params: RLFirmwareEnabled is valid on Gen 3 (c4xxx)
            for (String key : List.of("KptEnabled", "StorageEnabled", "RLFirmwareEnabled", "PkeServiceDisabled")) {
                if (key.equals("RLFirmwareEnabled") && device.family().type().startsWith("c4xxx")) {
                    continue;
                }
                if (conf.value(GENERAL, key).isPresent()) {
                    dev("Parameter '" + key + "' has been deprecated");
                }
            }
        }
        int have = vf ? caps : hardwareCaps();
        if (!vf) {
            caps = have;
        }
        Optional<String> services = conf.value(GENERAL, "ServicesEnabled");
        if (services.isEmpty()) {
            throw new Refused(); // adf_cfg_get_caps_enabled returns -EFAULT without a word
        }
        int profile = vf || !release.newAllocatorRules() ? 0 : firmwareProfile();
        Optional<Services.Entry> entry = Services.lookup(services.get(), profile);
        if (entry.isEmpty()) {
            dev(release.newAllocatorRules() ? "Invalid ServicesEnabled " + services.get() + " for ServicesProfile: "
                    + profile : "Invalid services enabled: " + services.get());
            throw new Refused();
        }
        // adf_cfg_check_enabled_services: a VF checks against what its PF announced
        if ((entry.get().caps() & have) != entry.get().caps()) {
            dev("Unsupported device configuration");
            throw new Refused();
        }
        if (!vf) {
            // adf_cfg_update_pf_accel_cap_mask trims the services not enabled; then the map hook
            // (adf_cfg_get_services_enabled) looks the name up again, reading the profile again
            caps = have & entry.get().caps();
            if (release.newAllocatorRules()) {
                firmwareProfile();
            }
            map = entry.get().map();
        }
        Family f = device.family();
        bundlesFree = f.banks();
        for (int b = 0; b < f.banks(); b++) {
            banks.add(new Bank(b, positions(map, f)));
        }
    }

    /** A PF's capabilities from the hardware, and in 4.8 the GENERAL keys that trim them. */
    private int hardwareCaps() throws Refused {
        int c = Services.CAP_ALL;
        if (!release.newAllocatorRules()) {
            // 4.8 adf_cfg_update_pf_accel_cap_mask: kstrtoul(val, 0) of three keys
            long pke = flag("PkeServiceDisabled");
            long storage = flag("StorageEnabled");
            long rl = flag("RLFirmwareEnabled");
            if (pke != 0 || storage != 0) {
                c &= ~Services.CAP_ASYM;
            }
            if (rl != 0) {
                c &= ~Services.CAP_DC;
            }
        }
        return c;
    }

    private long flag(String key) throws Refused {
        Optional<String> v = conf.value(GENERAL, key);
        if (v.isEmpty()) {
            return 0;
        }
        Optional<BigInteger> n = kstrtoulAuto(v.get());
        if (n.isEmpty()) {
            throw new Refused();
        }
        return n.get().signum();
    }

    /** {@code adf_cfg_get_fw_image_type} (c4xxx: always DEFAULT_C4XXX, qat_c4xxx/adf_c4xxx_accel_units.c). */
    private int firmwareProfile() {
        if (device.family().type().equals("c4xxx")) {
            return 4;
        }
        Optional<String> v = conf.value(GENERAL, "ServicesProfile");
        if (v.isEmpty()) {
            dev("Enabling default configuration");
            return 0;
        }
        int i = Services.PROFILES.indexOf(v.get());
        if (i < 0) {
            dev("Invalid ServicesProfile: " + v.get() + ",Using DEFAULT image");
            return 0;
        }
        return i;
    }

    /** {@code adf_cfg_init_and_insert_inst}: positions slot by slot, a CRYPTO slot also taking the next. */
    private static int[] positions(int map, Family f) {
        List<Integer> out = new ArrayList<>();
        for (int slot = 0; slot < 4; slot++) {
            int t = Services.slot(map, slot);
            for (int k = 0; k < f.pairsPerSlot(); k++) {
                out.add(t);
            }
            if (t == Services.CRYPTO) {
                slot++;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    // --- B, C: sections ----------------------------------------------------------------------

    /** {@code adf_cfg_process_kernel_section}. */
    private void kernelSection(String name) throws Refused {
        byType(name, name, 0);
    }

    /** {@code adf_cfg_process_user_section}. */
    private void userSection(String name) throws Refused {
        long processes = number(name, "NumProcesses").orElse(0L);
        long limit = number(name, "LimitDevAccess").orElse(0L);
        if (processes != 1) {
            distribute = false;
        }
        try {
            for (long p = 0; Long.compareUnsigned(p, processes) < 0; p++) {
                String process = limit != 0 ? name + "_DEV" + device.accelId() + "_INT_" + p : name + "_INT_" + p;
                int before = placed.size();
                byType(name, process, p);
                if (placed.size() == before) {
                    // no instance in this process, so none in any later one (only the core pick
                    // changes with p): stop instead of walking a huge NumProcesses
                    break;
                }
            }
        } catch (Refused r) {
            dev("Failed to process user section " + name);
            throw r;
        }
    }

    /** The section's instances kind by kind, in the enum order CRYPTO, COMP, SYM, ASYM. */
    private void byType(String section, String process, long p) throws Refused {
        for (int t : new int[] {Services.CRYPTO, Services.COMP, Services.SYM, Services.ASYM}) {
            if (Services.enabled(map, t)) {
                instances(section, process, p, t);
            }
        }
    }

    // --- D: adf_cfg_create_rings_entries_for_cy_inst / _for_dc_inst ----------------------------

    private void instances(String section, String process, long p, int stype) throws Refused {
        boolean cy = stype != Services.COMP;
        String prefix = cy ? "Cy" : "Dc";
        try {
            if (release.newAllocatorRules()) {
                crossCheck(section, cy);
            }
            Optional<Long> count = number(section, cy ? "NumberCyInstances" : "NumberDcInstances");
            if (count.isEmpty()) {
                throw new Refused();
            }
            for (long i = 0; Long.compareUnsigned(i, count.get()) < 0; i++) {
                long core = core(section, prefix + i + "CoreAffinity", p);
                Optional<String> name = conf.value(section, prefix + i + "Name");
                if (name.isEmpty()) {
                    throw new Refused();
                }
                Optional<Long> polling = number(section, prefix + i + "IsPolled");
                if (polling.isEmpty()) {
                    throw new Refused();
                }
                // adf_cfg_instance.h: polling_mode is an int, so the number's low 32 bits
                place(section, process, cy, stype, name.get(), (int) (long) polling.get(), core);
            }
        } catch (Refused r) {
            dev("Failed to create rings for " + (cy ? "cy" : "dc"));
            throw r;
        }
    }

    /** The 4.24/4.28 check of the other kind against the device file's own ServicesEnabled tokens. */
    private void crossCheck(String section, boolean placingCy) throws Refused {
        String own = conf.value(GENERAL, "ServicesEnabled").orElse("");
        boolean otherEnabled = false;
        for (String token : own.split(";", -1)) {
            otherEnabled |= placingCy ? token.startsWith("dc")
                    : token.startsWith("cy") || token.startsWith("sym") || token.startsWith("asym");
        }
        if (otherEnabled) {
            return;
        }
        String key = placingCy ? "NumberDcInstances" : "NumberCyInstances";
        Optional<Long> n = number(section, key);
        if (n.isEmpty()) {
            dev(key + " is not specified, setting to 0 by default"); // dev_warn, not a refusal
        } else if (n.get() != 0) {
            dev(placingCy ? "NumDcInstances > 0, when DC is not enabled" : "NumCyInstances > 0, when CY is not enabled");
            throw new Refused();
        }
    }

    /** {@code adf_cfg_set_core_number_for_instance}: element {@code p mod length} of the expanded list. */
    private long core(String section, String key, long p) throws Refused {
        Optional<String> value = conf.value(section, key);
        if (value.isEmpty()) {
            coreFailed(EFAULT);
        }
        String[] raw = value.get().split(",", -1);
        List<long[]> ranges = new ArrayList<>();
        BigInteger length = BigInteger.ZERO;
        for (int i = 0; i < raw.length; i++) {
            // tokens before the last live in 10-byte buffers (ADF_CFG_MAX_TOKEN_LEN)
            String token = i < raw.length - 1 && raw.length > 1 && raw[i].length() > 9 ? raw[i].substring(0, 9) : raw[i];
            int dash = token.indexOf('-');
            BigInteger start = kstrtoul10(dash < 0 ? token : token.substring(0, dash));
            BigInteger end = dash < 0 ? start : kstrtoul10(token.substring(dash + 1));
            if (start.compareTo(end) > 0) {
                coreFailed(EFAULT);
            }
            ranges.add(new long[] {start.longValue(), end.longValue()});
            length = length.add(end.subtract(start).add(BigInteger.ONE));
        }
        BigInteger want = new BigInteger(Long.toUnsignedString(p)).mod(length);
        for (long[] r : ranges) {
            BigInteger n = new BigInteger(Long.toUnsignedString(r[1])).subtract(new BigInteger(Long.toUnsignedString(r[0])))
                    .add(BigInteger.ONE);
            if (want.compareTo(n) < 0) {
                return r[0] + want.longValue();
            }
            want = want.subtract(n);
        }
        throw new IllegalStateException("an index below the list's length is in the list");
    }

    private void coreFailed(int errno) throws Refused {
        dev("Get core number failed with error " + errno);
        throw new Refused();
    }

    /** {@code kstrtoul(s, 10)} for a core: the value, or the errno logged and the device refused. */
    private BigInteger kstrtoul10(String s) throws Refused {
        String t = s.startsWith("+") ? s.substring(1) : s;
        if (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            coreFailed(EINVAL);
        }
        BigInteger v = new BigInteger(t);
        if (v.compareTo(ULONG_MAX) > 0) {
            coreFailed(ERANGE);
        }
        return v;
    }

    // --- D4, D5: adf_cfg_get_ring_pairs and adf_cfg_get_ring_pairs_from_bundle ------------------

    private void place(String section, String process, boolean cy, int stype, String name, long polling, long core)
            throws Refused {
        boolean kernel = process.equals(KERNEL) || process.equals(KERNEL_QAT);
        if (!kernel && polling == 1) {
            for (int i = maxKernelBank + 1; i < banks.size(); i++) {
                Bank b = banks.get(i);
                int pos = shareable(b, process, stype, polling) ? b.freePosition(stype) : -1;
                if (pos >= 0) {
                    take(b, pos, section, process, cy, name, polling, core, kernel);
                    return;
                }
            }
        } else {
            BankType wanted = kernel ? BankType.KERNEL : BankType.USER;
            Bank firstFree = null;
            for (Bank b : banks) {
                if (b.type == wanted && (b.core == null || b.core == core)) {
                    int pos = shareable(b, process, stype, polling) ? b.freePosition(stype) : -1;
                    if (pos >= 0) {
                        take(b, pos, section, process, cy, name, polling, core, kernel);
                        return;
                    }
                } else if (firstFree == null && b.type == BankType.FREE) {
                    firstFree = b;
                }
            }
            if (firstFree != null) {
                int pos = firstFree.freePosition(stype);
                if (pos < 0) {
                    throw new Refused(); // returns without the "enough rings" line
                }
                take(firstFree, pos, section, process, cy, name, polling, core, kernel);
                if (kernel) {
                    maxKernelBank = firstFree.number;
                }
                return;
            }
        }
        log.add("Don't have enough rings for instance " + name + " in process " + process);
        throw new Refused();
    }

    /** {@code adf_cfg_can_be_shared}. */
    private boolean shareable(Bank b, String process, int stype, long polling) {
        if (b.type == BankType.FREE) {
            return true;
        }
        if (b.polling != polling) {
            return false;
        }
        if (b.interruptMode() && process.equals(b.sections.get(0))) {
            return true;
        }
        if (distribute && stype != Services.COMP && bundlesFree > 0) {
            return false;
        }
        return !b.interruptMode();
    }

    private void take(Bank b, int pos, String section, String process, boolean cy, String name, long polling,
                      long core, boolean kernel) throws Refused {
        if (polling == 1 && b.interruptMode()) {
            log.add("Trying to get ring pairs for a non-interrupt bundle from an interrupt bundle");
            throw new Refused();
        }
        if (!kernel && polling != 1 && polling != 2) {
            log.add("User instance " + name + " needs to be configured with IsPolled 1 or 2 for poll and epoll mode,"
                    + " respectively");
            throw new Refused();
        }
        b.sections.add(process);
        if (b.type == BankType.FREE) {
            b.polling = polling;
            b.type = kernel ? BankType.KERNEL : BankType.USER;
            if (b.interruptMode()) {
                b.core = core;
            }
            bundlesFree--;
        }
        b.used[pos] = true;
        placed.add(new KernelResult.Placed(section, process, cy, name, polling, b.number, core));
    }

    // --- values ------------------------------------------------------------------------------

    /** {@code adf_cfg_set_value}: {@code kstrtoul} base 10, else base 16; empty when missing or unreadable. */
    private Optional<Long> number(String section, String key) {
        Optional<String> v = conf.value(section, key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        return kstrtoul(v.get(), 10).or(() -> kstrtoul(v.get(), 16)).map(BigInteger::longValue);
    }

    /** {@code kstrtoul(s, 0)}: {@code 0x} hex, leading {@code 0} octal, else decimal. */
    private static Optional<BigInteger> kstrtoulAuto(String s) {
        String t = s.startsWith("+") ? s.substring(1) : s;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return kstrtoul(s, 16);
        }
        if (t.length() > 1 && t.startsWith("0")) {
            return parse(t.substring(1), 8);
        }
        return kstrtoul(s, 10);
    }

    /** The kernel's {@code kstrtoul}: optional {@code +}, digits of the base (16 allows {@code 0x}), an optional final newline. */
    static Optional<BigInteger> kstrtoul(String s, int base) {
        String t = s.startsWith("+") ? s.substring(1) : s;
        if (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
        }
        if (base == 16 && (t.startsWith("0x") || t.startsWith("0X"))) {
            t = t.substring(2);
        }
        return parse(t, base);
    }

    private static Optional<BigInteger> parse(String t, int radix) {
        if (t.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= 128 || Character.digit(c, radix) < 0) {
                return Optional.empty();
            }
        }
        BigInteger v = new BigInteger(t, radix);
        return v.compareTo(ULONG_MAX) > 0 ? Optional.empty() : Optional.of(v);
    }

    private void dev(String text) {
        log.add(device.logPrefix() + text);
    }

}
