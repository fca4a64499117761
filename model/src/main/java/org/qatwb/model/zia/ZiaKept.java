package org.qatwb.model.zia;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.parse.Snippet;

/**
 * The administrator's Z.I.A. settings that qatwb keeps on the NAS, because the hpc/zfs fork keeps
 * none of them: the properties live in the pool's in-memory {@code spa_zia_props} only (spa.c,
 * {@code spa_prop_get_config} reads them from there; {@code spa_sync_props} never writes them to the
 * MOS), so every export/import, reboot and module reload starts from off (DOMAIN.md section 10).
 *
 * <p>The file ({@link #PATH}) holds one setting per line, {@code POOL PROPERTY VALUE}, blanks
 * between the words, and {@code #} comments. The agent writes it (atomically) and its re-apply hook
 * reads it as root at boot and after each import, so every line is checked here as the hook checks
 * it: pool and provider names by {@link ZiaChange}'s patterns, properties from {@link ZiaProperty}
 * only. A line that fails is skipped with a warning, never passed on.
 *
 * @param settings the kept settings, pools in file order, for each its provider first
 * @param warnings one line per line that was skipped, or the file's size when it was refused
 */
public record ZiaKept(List<ZiaChange> settings, List<String> warnings) {

    /** Where the agent keeps the file on the NAS (under the root of a simulated one). */
    public static final String PATH = "/var/lib/qatwb/zia/kept";
    /** Far above any real file: 64 KiB and 4096 lines (docs/decisions/0002). */
    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_LINES = 4096;
    private static final int MAX_WARNINGS = 20;

    public ZiaKept {
        settings = List.copyOf(settings);
        warnings = List.copyOf(warnings);
    }

    public static ZiaKept empty() {
        return new ZiaKept(List.of(), List.of());
    }

    /** Reads the file's text; what it cannot take is a warning, never an exception. */
    public static ZiaKept parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_BYTES) {
            return new ZiaKept(List.of(), List.of(PATH + ": " + text.length() + " characters, more than the "
                    + MAX_BYTES + " qatwb writes: not read"));
        }
        String[] lines = text.split("\n", -1);
        if (lines.length > MAX_LINES + 1) {
            return new ZiaKept(List.of(), List.of(PATH + ": " + lines.length + " lines, more than the " + MAX_LINES
                    + " qatwb writes: not read"));
        }
        Map<String, Map<ZiaProperty, String>> pools = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Optional<String> problem = add(pools, line);
            if (problem.isPresent()) {
                if (warnings.size() < MAX_WARNINGS) {
                    warnings.add(PATH + " line " + (i + 1) + ": " + problem.get() + ": skipped");
                } else {
                    skipped++;
                }
            }
        }
        if (skipped > 0) {
            warnings.add(PATH + ": " + skipped + " more lines skipped");
        }
        List<ZiaChange> settings = new ArrayList<>();
        pools.forEach((pool, values) -> settings.addAll(ordered(pool, values)));
        return new ZiaKept(settings, warnings);
    }

    private static Optional<String> add(Map<String, Map<ZiaProperty, String>> pools, String line) {
        String[] words = line.split("[ \t]+");
        if (words.length != 3) {
            return Optional.of(Snippet.quote(line) + " is not POOL PROPERTY VALUE");
        }
        Optional<ZiaProperty> property = ZiaProperty.ofWire(words[1]);
        if (property.isEmpty()) {
            return Optional.of(Snippet.quote(words[1]) + " is not a Z.I.A. property qatwb sets");
        }
        Optional<String> problem = ZiaChange.problem(words[0], property.get(), words[2]);
        if (problem.isPresent()) {
            return problem;
        }
        pools.computeIfAbsent(words[0], p -> new LinkedHashMap<>()).put(property.get(), words[2]);
        return Optional.empty();
    }

    /** The settings of one pool, the provider first and then the offloads in {@code zpool get}'s order. */
    private static List<ZiaChange> ordered(String pool, Map<ZiaProperty, String> values) {
        List<ZiaChange> out = new ArrayList<>();
        for (ZiaProperty p : ZiaProperty.values()) {
            String v = values.get(p);
            if (v != null) {
                out.add(new ZiaChange(pool, p, v));
            }
        }
        return out;
    }

    /** The kept settings of {@code pool}, by property; empty when nothing is kept for it. */
    public Map<ZiaProperty, String> of(String pool) {
        Map<ZiaProperty, String> out = new LinkedHashMap<>();
        settings.stream().filter(c -> c.pool().equals(pool)).forEach(c -> out.put(c.property(), c.value()));
        return out;
    }

    /** The pools with kept settings, in file order. */
    public List<String> pools() {
        return settings.stream().map(ZiaChange::pool).distinct().toList();
    }

    /**
     * These settings with {@code pool}'s replaced by {@code values}; a pool whose values are all off
     * (nothing to re-apply) is dropped.
     */
    public ZiaKept with(String pool, Map<ZiaProperty, String> values) {
        Map<String, Map<ZiaProperty, String>> pools = new LinkedHashMap<>();
        for (ZiaChange c : settings) {
            pools.computeIfAbsent(c.pool(), p -> new LinkedHashMap<>()).put(c.property(), c.value());
        }
        pools.remove(pool);
        if (values.values().stream().anyMatch(v -> !v.equals("off"))) {
            pools.put(pool, new LinkedHashMap<>(values));
        }
        List<ZiaChange> out = new ArrayList<>();
        pools.forEach((p, v) -> out.addAll(ordered(p, v)));
        return new ZiaKept(out, List.of());
    }

    /** The settings of {@code pool} as the agent's {@code zia-keep} takes them: {@code PROPERTY=VALUE} words. */
    public List<String> words(String pool) {
        return settings.stream().filter(c -> c.pool().equals(pool))
                .map(c -> c.property().wire() + "=" + c.value()).toList();
    }
}
