package org.qatwb.model.snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * The QAT modules that are loaded, each with the modules that hold it: the agent's {@code qat_modules}
 * item, from {@code /sys/module/M} and {@code /sys/module/M/holders/}. A zfs.ko built with QAT uses
 * qat_api's symbols, so while both are loaded {@code /sys/module/qat_api/holders/zfs} exists.
 *
 * @param holders by module name, in the agent's order: the modules holding it
 */
public record LoadedModules(Map<String, List<String>> holders) {

    /** More lines than the agent ever prints (it asks for ten modules). */
    static final int MAX_LINES = 64;

    private static final String NAME = "[A-Za-z0-9_-]{1,64}";

    public LoadedModules {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        holders.forEach((m, h) -> copy.put(m, List.copyOf(h)));
        holders = Collections.unmodifiableMap(copy);
    }

    public boolean loaded(String module) {
        return holders.containsKey(module);
    }

    /** Whether {@code holder} holds {@code module} (uses its symbols, so that the module cannot be unloaded). */
    public boolean holds(String module, String holder) {
        return Optional.ofNullable(holders.get(module)).filter(h -> h.contains(holder)).isPresent();
    }

    /** "MODULE [HOLDER...]" per line; anything else is refused whole. */
    public static LoadedModules parse(String text) throws ParseException {
        Map<String, List<String>> holders = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        if (lines.size() > MAX_LINES) {
            throw new ParseException(0, "more than " + MAX_LINES + " lines, more than the agent asks for");
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                continue;
            }
            List<String> words = new ArrayList<>(List.of(l.split(" +")));
            if (!words.stream().allMatch(w -> w.matches(NAME))) {
                throw new ParseException(i + 1, "expected 'MODULE [HOLDER...]': " + Snippet.quote(l));
            }
            holders.put(words.remove(0), words);
        }
        return new LoadedModules(holders);
    }
}
