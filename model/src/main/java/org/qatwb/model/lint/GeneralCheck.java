package org.qatwb.model.lint;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfGrammar;
import org.qatwb.model.conf.ConfLine;
import org.qatwb.model.conf.ConfSection;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.driver.KernelValues;
import org.qatwb.model.driver.RingMap;
import org.qatwb.model.driver.ServiceType;
import org.qatwb.model.parse.Snippet;

/** The {@code [GENERAL]} section: version, services, request and buffer sizes, deprecated keys. */
final class GeneralCheck implements FileCheck {

    /** Keys the driver ignores: deprecated in 4.24, or QAT 1.6 keys that 1.7 drivers no longer read. */
    private static final Map<String, String> DEPRECATED = Map.ofEntries(
            Map.entry("KptEnabled", "deprecated in driver 4.24"),
            Map.entry("StorageEnabled", "deprecated in driver 4.24"),
            Map.entry("PkeServiceDisabled", "deprecated in driver 4.24"),
            Map.entry("cyHmacAuthMode", "a QAT 1.6 key that 1.7 drivers do not read"),
            Map.entry("WirelessEnabled", "a QAT 1.6 key that 1.7 drivers do not read"),
            Map.entry("Firmware_MofPath", "a QAT 1.6 key that 1.7 drivers do not read"),
            Map.entry("Firmware_MmpPath", "a QAT 1.6 key that 1.7 drivers do not read"),
            Map.entry("SRIOV_Enabled", "a QAT 1.6 key; 1.7 takes SR-IOV from /etc/default/qat"),
            Map.entry("ProcDebug", "a QAT 1.6 key that 1.7 drivers do not read"));

    @Override
    public void check(ConfDocument doc, LintContext ctx, Findings out) {
        Optional<ConfSection> general = doc.section(SectionKind.GENERAL_NAME);
        if (general.isEmpty()) {
            out.add(Rule.GENERAL_MISSING, 1, null, null, "no [GENERAL] section: the driver cannot configure the"
                    + " device and leaves it down; add [GENERAL] with ConfigVersion = 2 and ServicesEnabled");
            return;
        }
        ConfSection g = general.get();
        int headerLine = g.firstHeader().number();
        configVersion(g, headerLine, out);
        services(g, headerLine, ctx, out);
        for (ConfLine.Entry e : g.effective().values()) {
            String k = e.key();
            if (k.contains("NumConcurrent") && k.endsWith("Requests")) {
                requestSize(e, out);
            } else if (k.equals("DcIntermediateBufferSizeInKB")) {
                long v = ConfGrammar.decimal(e.value());
                if (v != 32 && v != 64) {
                    out.add(Rule.GENERAL_BUFFER_SIZE, e.number(), g.name(), k, k + " = " + e.value()
                            + ": the driver silently uses 64; write 32 or 64");
                }
            } else if (TRIMS_48.containsKey(k) && ctx.release() == DriverRelease.R4_8
                    && !ctx.device().map(DeviceRef::vf).orElse(true)) {
                trims48(g, e, ctx, out);
            } else if (DEPRECATED.containsKey(k)) {
                out.add(Rule.GENERAL_DEPRECATED, e.number(), g.name(), k, k + " is " + DEPRECATED.get(k)
                        + ": it has no effect; remove the line");
            }
        }
    }

    /** The GENERAL keys driver 4.8 reads on a PF to switch a service off: asym for two, compression for one. */
    private static final Map<String, String> TRIMS_48 = Map.of(
            "PkeServiceDisabled", "asym", "StorageEnabled", "asym", "RLFirmwareEnabled", "dc");

    /**
     * Driver 4.8 reads these keys on a PF with {@code kstrtoul(val, 0)} and drops a capability for a
     * non-zero value before it checks the services ({@code adf_cfg_update_pf_accel_cap_mask} and
     * {@code adf_cfg_check_enabled_services}, 4.8 qat_common/adf_cfg_device.c): a service that
     * needs it refuses the device ("Unsupported device configuration"), an unreadable value refuses
     * it silently. 4.24 only warns that they are deprecated. Found by the differential test.
     */
    private static void trims48(ConfSection g, ConfLine.Entry e, LintContext ctx, Findings out) {
        String k = e.key();
        OptionalLong v = KernelValues.flag(e.value());
        if (v.isEmpty()) {
            out.add(Rule.VALUE_NOT_NUMBER, e.number(), g.name(), k, k + " = " + e.value() + " is not a number to driver"
                    + " 4.8, which reads it (kstrtoul) and refuses the device; write 0 or remove the line");
            return;
        }
        String service = TRIMS_48.get(k);
        Optional<RingMap> map = g.value("ServicesEnabled").flatMap(RingMap::of);
        boolean needs = map.isPresent() && (service.equals("dc") ? map.get().has(ServiceType.COMP)
                : map.get().has(ServiceType.CRYPTO) || map.get().has(ServiceType.ASYM));
        if (v.getAsLong() != 0 && needs) {
            out.add(Rule.GENERAL_SERVICES, e.number(), g.name(), k, k + " = " + e.value() + ": driver 4.8 switches "
                    + (service.equals("dc") ? "compression" : "asymmetric crypto") + " off for it, but ServicesEnabled = "
                    + map.get().services() + " needs it: the driver logs 'Unsupported device configuration' and the"
                    + " device stays down; write " + k + " = 0 or remove the line");
        } else {
            out.add(Rule.GENERAL_DEPRECATED, e.number(), g.name(), k, k + " = " + e.value() + ": driver 4.8 still"
                    + " reads it (non-zero switches " + (service.equals("dc") ? "compression" : "asymmetric crypto")
                    + " off), 4.24 and later ignore it as deprecated; remove the line");
        }
    }

    private static void configVersion(ConfSection g, int headerLine, Findings out) {
        Optional<ConfLine.Entry> v = g.entry("ConfigVersion");
        if (v.isEmpty()) {
            out.add(Rule.GENERAL_CONFIG_VERSION, headerLine, g.name(), "ConfigVersion", "ConfigVersion is missing:"
                    + " adf_ctl refuses the file ('Only version 2 config file supported'); add ConfigVersion = 2");
        } else if (!adfCtlNumberIsTwo(v.get().value())) {
            out.add(Rule.GENERAL_CONFIG_VERSION, v.get().number(), g.name(), "ConfigVersion", "ConfigVersion = "
                    + v.get().value() + ": adf_ctl refuses the file ('Only version 2 config file supported');"
                    + " write ConfigVersion = 2");
        }
    }

    /**
     * adf_ctl reads the version as the decimal number that starts at the value's first digit
     * (utils::to_number), so {@code 2.0}, {@code 02} and {@code v2} are 2, {@code 0x2} is 0.
     */
    static boolean adfCtlNumberIsTwo(String value) {
        int start = 0;
        while (start < value.length() && !isDigit(value.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < value.length() && isDigit(value.charAt(end))) {
            end++;
        }
        String digits = value.substring(start, end).replaceFirst("^0+(?=.)", "");
        return digits.equals("2");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void services(ConfSection g, int headerLine, LintContext ctx, Findings out) {
        Set<String> accepted = accepted(ctx);
        Optional<String> profile = profile(g, ctx, out);
        if (profile.isEmpty()) {
            return;
        }
        Optional<ConfLine.Entry> se = g.entry("ServicesEnabled");
        if (se.isEmpty()) {
            out.add(Rule.GENERAL_SERVICES, headerLine, g.name(), "ServicesEnabled", "ServicesEnabled is missing: the"
                    + " device gets no services and no instance can start; add e.g. ServicesEnabled = cy;dc");
            return;
        }
        String value = se.get().value();
        if (!accepted.contains(value)) {
            String hint = accepted.contains(value.toLowerCase(java.util.Locale.ROOT))
                    ? "write it in lower case" : "use one of " + String.join(", ", new TreeSet<>(accepted));
            out.add(Rule.GENERAL_SERVICES, se.get().number(), g.name(), "ServicesEnabled", "ServicesEnabled = " + value
                    + " is not a value the driver accepts: the device fails to start; " + hint);
            return;
        }
        Set<String> limit = Services.PROFILE_LIMITS.get(profile.get());
        if (limit != null && !limit.contains(value)) {
            out.add(Rule.GENERAL_SERVICES, se.get().number(), g.name(), "ServicesEnabled", "ServicesEnabled = " + value
                    + " is not allowed with ServicesProfile = " + profile.get() + ": the driver logs 'Invalid ServicesEnabled"
                    + " for ServicesProfile' and the device stays down; use one of " + String.join(", ", new TreeSet<>(limit))
                    + " or change the profile");
        }
    }

    /**
     * The profile whose services apply, or empty when the device is refused for it. Only a PF reads
     * the key (a VF's services come from its PF), c4xxx always uses DEFAULT_C4XXX, and an unknown
     * name falls back to DEFAULT (adf_cfg_fw_string_to_id).
     */
    private static Optional<String> profile(ConfSection g, LintContext ctx, Findings out) {
        Optional<ConfLine.Entry> entry = g.entry("ServicesProfile");
        Optional<DeviceRef> device = ctx.device();
        if (entry.isEmpty() || device.map(DeviceRef::vf).orElse(false)) {
            return Optional.of("DEFAULT");
        }
        String written = entry.get().value();
        if (ctx.release() == DriverRelease.R4_8) {
            // 4.8 has one list of services and no profile at all (allocator.md section 5): found by the
            // differential test, where lint refused CRYPTO + dc files that driver 4.8 brings up
            out.add(Rule.GENERAL_UNKNOWN_PROFILE, entry.get().number(), g.name(), "ServicesProfile", "ServicesProfile = "
                    + Snippet.excerpt(written) + ": driver 4.8 has no ServicesProfile and ignores the key (4.24 and later"
                    + " read it and may restrict ServicesEnabled); remove it or keep it for a later driver");
            return Optional.of("DEFAULT");
        }
        boolean c4xxx = device.flatMap(DeviceRef::model).map(m -> m.type().equals(Services.C4XXX)).orElse(false);
        if (c4xxx) {
            return Optional.of(Services.DEFAULT_C4XXX);
        }
        if (written.equals(Services.DEFAULT_C4XXX)) {
            boolean otherDevice = device.flatMap(DeviceRef::model).isPresent();
            if (otherDevice) {
                out.add(Rule.GENERAL_SERVICES, entry.get().number(), g.name(), "ServicesProfile", "ServicesProfile = "
                        + written + " has no firmware on " + device.get().type() + ": the driver takes the file, then"
                        + " fails to load the firmware when it starts the device ('" + (device.get().type().startsWith(
                                "dh895xcc") ? "invalid" : "Unsupported") + " ServicesProfile.', 'Failed to get UOF name')"
                        + " and the device stays down; it is for c4xxx only, use DEFAULT, CRYPTO, COMPRESSION or CUSTOM1");
                // the service lookup still runs, in DEFAULT_C4XXX's list (adf_cfg_get_services_enabled)
                return Optional.of(written);
            }
            return Optional.of(written);
        }
        if (!Services.PROFILES.contains(written)) {
            out.add(Rule.GENERAL_UNKNOWN_PROFILE, entry.get().number(), g.name(), "ServicesProfile", "ServicesProfile = "
                    + Snippet.excerpt(written) + " is unknown: the driver warns and uses DEFAULT; use DEFAULT, CRYPTO,"
                    + " COMPRESSION or CUSTOM1");
            return Optional.of("DEFAULT");
        }
        return Optional.of(written);
    }

    private static Set<String> accepted(LintContext ctx) {
        Optional<DeviceModel> model = ctx.device().flatMap(DeviceRef::model);
        if (model.isPresent()) {
            return model.get().services();
        }
        Set<String> all = new TreeSet<>(DeviceCatalog.QAT1_SERVICES);
        all.addAll(DeviceCatalog.GEN4_SERVICES);
        return all;
    }

    private static void requestSize(ConfLine.Entry e, Findings out) {
        long v = ConfGrammar.decimal(e.value());
        boolean ok = v >= 64 && v <= 65536 && Long.bitCount(v) == 1;
        if (!ok) {
            out.add(Rule.GENERAL_REQUEST_SIZE, e.number(), e.section(), e.key(), e.key() + " = " + e.value()
                    + ": the driver refuses the device; use a power of two from 64 to 65536 (default "
                    + (e.key().contains("Asym") ? "64" : "512") + ")");
        }
    }
}
