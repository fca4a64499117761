package org.qatwb.model.conf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A section as the driver loads it: every header with its name merged into one, and for each key
 * the FIRST stored entry (later duplicates are ignored by the driver).
 *
 * @param name    section name
 * @param headers the header lines, in file order (more than one: the driver merges them)
 * @param entries every key line that lands in this section, stored or not, in file order
 */
public record ConfSection(String name, List<ConfLine.SectionHeader> headers, List<ConfLine.Entry> entries) {

    public ConfSection {
        headers = List.copyOf(headers);
        entries = List.copyOf(entries);
    }

    /** The entries the driver keeps, by key: the first stored occurrence of each key. */
    public Map<String, ConfLine.Entry> effective() {
        Map<String, ConfLine.Entry> map = new LinkedHashMap<>();
        for (ConfLine.Entry e : entries) {
            if (e.stored()) {
                map.putIfAbsent(e.key(), e);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** The entry the driver uses for {@code key}. */
    public Optional<ConfLine.Entry> entry(String key) {
        for (ConfLine.Entry e : entries) {
            if (e.stored() && e.key().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The value the driver uses for {@code key}. */
    public Optional<String> value(String key) {
        return entry(key).map(ConfLine.Entry::value);
    }

    /** Counts above this are read as this: far above any device's capacity, and safe to walk. */
    public static final int MAX_INSTANCE_COUNT = 1_000_000;

    /**
     * The declared number of instances of a kind: 0 when the count key is absent, -1 when the
     * driver would not read it as a number, at most {@link #MAX_INSTANCE_COUNT}.
     */
    public int instanceCount(InstanceKind kind) {
        Optional<String> v = value(kind.countKey());
        if (v.isEmpty()) {
            return 0;
        }
        long n = ConfGrammar.number(v.get());
        return n < 0 ? -1 : (int) Math.min(n, MAX_INSTANCE_COUNT);
    }

    /** The first header line of this section. */
    public ConfLine.SectionHeader firstHeader() {
        return headers.get(0);
    }
}
