package org.qatwb.sim.driver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A device's debugfs {@code dev_cfg} as the out-of-tree driver prints it: qat_common/adf_cfg_dev_dbg.c
 * {@code qat_dev_cfg_show} walks the device's section list and prints {@code [NAME]} then one
 * {@code KEY = VALUE} line per key, in the order the kernel added them ({@code list_add_tail} in
 * adf_cfg.c). What it holds is what the kernel kept after processing adf_ctl's ioctl
 * (adf_cfg_section.c): adf_ctl's sections as they came ({@link AdfCtlConf}: values normalised by
 * {@code adf_cfg_add_key_value_param}), except that
 * <ul>
 * <li>{@code adf_cfg_cleanup_general_section} removes {@code ConfigVersion} and the three ring-size
 *     keys from [GENERAL] and appends {@code FirstUserBundle};</li>
 * <li>{@code adf_cfg_create_rings_entries_for_cy_inst}/{@code _dc_inst} append each kernel instance's
 *     bank number to its section ({@code Cy%dBankNumber}, {@code Dc%dBankNumber});</li>
 * <li>{@code adf_cfg_cleanup_user_section} empties every user section but {@code LimitDevAccess},
 *     and {@code adf_cfg_process_user_section} adds one derived section per process
 *     ({@code %s_INT_%d}) with its instances.</li>
 * </ul>
 * Written from what the simulator's own driver loaded ({@link AdfCtlReader}, {@link RingAllocator}),
 * never from the product's model of it.
 */
final class DevCfgFile {

    private static final Set<String> GENERAL_REMOVED = Set.of("ConfigVersion", "CyNumConcurrentAsymRequests",
            "CyNumConcurrentSymRequests", "DcNumConcurrentRequests");
    private static final Set<String> KERNEL_SECTIONS = Set.of("GENERAL", "KERNEL", "KERNEL_QAT");

    private DevCfgFile() {
    }

    /** The text of {@code dev_cfg} for a device the kernel configured from {@code conf} with result {@code r}. */
    static String render(AdfCtlConf conf, KernelResult r) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        conf.sections().forEach((name, keys) -> {
            Map<String, String> kept = new LinkedHashMap<>();
            if (name.equals("GENERAL")) {
                keys.forEach((k, v) -> {
                    if (!GENERAL_REMOVED.contains(k)) {
                        kept.put(k, v);
                    }
                });
            } else if (KERNEL_SECTIONS.contains(name)) {
                kept.putAll(keys);
            } else if (keys.containsKey("LimitDevAccess")) {
                kept.put("LimitDevAccess", keys.get("LimitDevAccess"));
            }
            out.put(name, kept);
        });
        int maxKernelBank = -1;
        Map<String, int[]> index = new LinkedHashMap<>();
        for (KernelResult.Placed p : r.placed()) {
            boolean kernel = KERNEL_SECTIONS.contains(p.section());
            String section = kernel ? p.section() : p.process();
            Map<String, String> s = out.computeIfAbsent(section, k -> new LinkedHashMap<>());
            int[] n = index.computeIfAbsent(section, k -> new int[2]);
            String kind = p.cy() ? "Cy" : "Dc";
            int i = p.cy() ? n[0]++ : n[1]++;
            if (!kernel) {
                s.put("NumberCyInstances", Integer.toString(n[0]));
                s.put("NumberDcInstances", Integer.toString(n[1]));
                s.put(kind + i + "Name", p.name());
                s.put(kind + i + "IsPolled", Long.toString(p.polling()));
                s.put(kind + i + "CoreAffinity", Long.toString(p.core()));
            } else {
                maxKernelBank = Math.max(maxKernelBank, p.bank());
            }
            s.put(kind + i + "BankNumber", Integer.toString(p.bank()));
        }
        Map<String, String> general = out.get("GENERAL");
        if (general != null) {
            general.put("FirstUserBundle", Integer.toString(maxKernelBank + 1));
        }
        StringBuilder text = new StringBuilder();
        out.forEach((name, keys) -> {
            text.append('[').append(name).append("]\n");
            keys.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        });
        return text.toString();
    }

    /** A device that is down: {@code adf_dev_shutdown} ran {@code adf_cfg_del_all}, the file stays, empty. */
    static String empty() {
        return "";
    }
}
