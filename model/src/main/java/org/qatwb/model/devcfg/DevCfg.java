package org.qatwb.model.devcfg;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One device's debugfs {@code dev_cfg}: the sections and keys the kernel holds, in its order
 * (qat_common/adf_cfg_dev_dbg.c {@code qat_dev_cfg_show}). Empty for a device that is down
 * ({@code adf_dev_shutdown} deletes the configuration, the file stays).
 *
 * @param sections section name to its keys and values, as printed
 */
public record DevCfg(Map<String, Map<String, String>> sections) {

    public DevCfg {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        sections.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        sections = Collections.unmodifiableMap(copy);
    }

    /** The value the kernel holds for {@code key} in {@code section}. */
    public Optional<String> value(String section, String key) {
        Map<String, String> s = sections.get(section);
        return s == null ? Optional.empty() : Optional.ofNullable(s.get(key));
    }

    /** Whether the device holds no configuration (down, or never configured). */
    public boolean isEmpty() {
        return sections.isEmpty();
    }

    public List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }
}
