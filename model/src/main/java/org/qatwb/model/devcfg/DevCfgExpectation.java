package org.qatwb.model.devcfg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfLine;
import org.qatwb.model.conf.ConfSection;

/**
 * What a device's {@code dev_cfg} must show once the driver runs a conf file: one {@link Line}
 * per key the kernel stores as adf_ctl gave it. Only those are compared; the rest of dev_cfg is
 * the kernel's own making (qat_common/adf_cfg_section.c):
 * <ul>
 * <li>[GENERAL]: {@code adf_cfg_cleanup_general_section} removes {@code ConfigVersion} and the
 *     three ring sizes and adds {@code FirstUserBundle};</li>
 * <li>[KERNEL] and [KERNEL_QAT]: kept as given; the kernel adds each instance's bank and ring
 *     numbers ({@code adf_cfg_add_cy_inst_info}, {@code adf_cfg_add_dc_inst_info}), never compared;</li>
 * <li>user sections: {@code adf_cfg_cleanup_user_section} empties them (only
 *     {@code LimitDevAccess} stays) and the instances move to derived {@code NAME_INT_N} sections
 *     whose numbering depends on the processes: not compared.</li>
 * </ul>
 * A line carries only what the agent's {@code case} patterns accept (names of letters, digits and
 * underscores; a value of printable ASCII without a backslash); a key outside them is left out.
 *
 * @param lines the keys to find, device by device
 */
public record DevCfgExpectation(List<Line> lines) {

    public static final DevCfgExpectation NONE = new DevCfgExpectation(List.of());

    private static final Set<String> COMPARED = Set.of("GENERAL", "KERNEL", "KERNEL_QAT");
    private static final Set<String> GENERAL_KERNEL_MADE = Set.of("ConfigVersion", "CyNumConcurrentAsymRequests",
            "CyNumConcurrentSymRequests", "DcNumConcurrentRequests", "FirstUserBundle");
    private static final Pattern DERIVED = Pattern.compile(
            "(Cy|Dc)[0-9]+(BankNumber|RingAsymTx|RingSymTx|RingAsymRx|RingSymRx|RingTx|RingRx|RingAsymSize|RingSymSize|RingSize)");
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,63}");
    static final Pattern VALUE = Pattern.compile("[\\x21-\\x5b\\x5d-\\x7e]{1,63}");
    static final Pattern BSF = Pattern.compile("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]");

    /**
     * One key the driver must show.
     *
     * @param bsf     the device, {@code DDDD:BB:DD.F} lowercase
     * @param section its section
     * @param key     the key
     * @param value   the value as the kernel prints it ({@link KernelValue})
     */
    public record Line(String bsf, String section, String key, String value) {
        public Line {
            if (!BSF.matcher(bsf).matches() || !NAME.matcher(section).matches() || !NAME.matcher(key).matches()
                    || !VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("not an expectation line: " + bsf + " " + section + " " + key);
            }
        }

        /** {@code BSF SECTION KEY VALUE}, the agent's {@code expect} line. */
        public String wire() {
            return bsf + " " + section + " " + key + " " + value;
        }
    }

    public DevCfgExpectation {
        lines = List.copyOf(lines);
    }

    /**
     * The lines of the device at {@code bsf} configured by {@code doc} (read as its release's adf_ctl
     * reads it); none for an address that is not {@code DDDD:BB:DD.F} (the agent could not find it).
     */
    public static List<Line> of(String bsf, ConfDocument doc) {
        List<Line> out = new ArrayList<>();
        if (!BSF.matcher(bsf).matches()) {
            return out;
        }
        for (ConfSection s : doc.sections()) {
            if (!COMPARED.contains(s.name())) {
                continue;
            }
            for (Map.Entry<String, ConfLine.Entry> e : s.effective().entrySet()) {
                String key = e.getKey();
                if (s.name().equals("GENERAL") && GENERAL_KERNEL_MADE.contains(key) || DERIVED.matcher(key).matches()
                        || !NAME.matcher(key).matches()) {
                    continue;
                }
                Optional<String> v = KernelValue.of(e.getValue().value());
                if (v.isPresent() && VALUE.matcher(v.get()).matches()) {
                    out.add(new Line(bsf, s.name(), key, v.get()));
                }
            }
        }
        return out;
    }

    /** The agent's {@code expect} file: one {@link Line#wire()} per line. */
    public String wire() {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l.wire()).append('\n'));
        return out.toString();
    }

    /** The devices this expectation speaks of. */
    public Set<String> devices() {
        Set<String> out = new java.util.TreeSet<>();
        lines.forEach(l -> out.add(l.bsf()));
        return out;
    }

    /**
     * What the driver shows that differs: per line, the device's dev_cfg (by BSF) must hold the
     * value. A device missing from {@code loaded} (not up, no debugfs) fails each of its lines.
     */
    public List<DevCfgMismatch> compare(Map<String, DevCfg> loaded) {
        List<DevCfgMismatch> out = new ArrayList<>();
        for (Line l : lines) {
            DevCfg d = loaded.get(l.bsf());
            Optional<String> actual = d == null ? Optional.empty() : d.value(l.section(), l.key());
            if (actual.isEmpty() || !actual.get().equals(l.value())) {
                out.add(new DevCfgMismatch(l, actual, d == null || d.isEmpty()));
            }
        }
        return out;
    }
}
