package org.qatwb.model.zfs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A pool with every property {@code zpool get -p all} printed, in its order.
 *
 * @param name       the pool name
 * @param properties property to value; the {@code zia_*} ones exist only on the Z.I.A. fork
 *                   (DOMAIN.md section 10)
 */
public record ZfsPool(String name, Map<String, String> properties) {

    public ZfsPool {
        Objects.requireNonNull(name, "name");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The Z.I.A. properties ({@code zia_available}, {@code zia_compress}...), empty when ZFS has none. */
    public Map<String, String> zia() {
        Map<String, String> out = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            if (k.startsWith("zia_")) {
                out.put(k, v);
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
