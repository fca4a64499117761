package org.qatwb.sim.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A conf file as {@code adf_ctl} hands it to the kernel: the sections in the order of its
 * {@code std::map} (sorted by name, not the file's order: adf_ctl 4.24 ini_config.h/dev_config.cpp
 * {@code configure_dev} walks {@code config.getSections()}), each key with the string the kernel
 * stores ({@code adf_cfg_add_key_value_param} in qat_common/adf_cfg.c: a decimal value printed
 * {@code %ld}, a hex one {@code 0x%lx}, a string as it came).
 *
 * @param sections the kernel's view; empty when adf_ctl stopped before the ioctl
 * @param stdout   adf_ctl's warnings, printed on stdout ({@code Warning: Wrong key-value format ...})
 * @param error    what adf_ctl throws before the kernel sees anything, printed {@code QAT Error: <error>}
 * @param crashed  adf_ctl dereferenced a null section (a key before any header): the process dies
 */
public record AdfCtlConf(Map<String, Map<String, String>> sections, List<String> stdout, Optional<String> error,
                         boolean crashed) {

    public AdfCtlConf {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        sections.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        sections = java.util.Collections.unmodifiableMap(copy);
        stdout = List.copyOf(stdout);
    }

    /** The kernel's {@code adf_cfg_get_param_value}: the value, if the section and key exist. */
    public Optional<String> value(String section, String key) {
        Map<String, String> s = sections.get(section);
        return s == null ? Optional.empty() : Optional.ofNullable(s.get(key));
    }
}
