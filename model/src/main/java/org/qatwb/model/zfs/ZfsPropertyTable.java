package org.qatwb.model.zfs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * The scripted output of {@code zfs get -H -p -o name,property,value,source ...} and
 * {@code zpool get -H -p -o name,property,value ...}: one {@code name<TAB>property<TAB>value[<TAB>source]}
 * line per property, in the tool's order.
 *
 * <p>Values keep their text ({@code -p} makes sizes exact byte counts); sources are not kept.
 * Names may hold blanks ({@code tank/my data}) but never tabs, so lines are split at tabs only.
 *
 * @param rows     name to property to value, both in first-seen order
 * @param warnings one-line notes on lines that were skipped, each {@code line N: ...}
 */
public record ZfsPropertyTable(Map<String, Map<String, String>> rows, List<String> warnings) {

    public ZfsPropertyTable {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        rows.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        rows = Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    /**
     * Names (datasets or pools) read at most: the agent's 4 MiB of {@code zfs get} with six properties
     * hold about 14,000 datasets; each costs the client a map.
     */
    public static final int MAX_ROWS = 32768;

    /**
     * @throws ParseException when no line has the tab-separated shape (not such an output at all,
     *                        e.g. "The ZFS modules are not loaded.")
     */
    public static ZfsPropertyTable parse(String text) throws ParseException {
        Objects.requireNonNull(text, "text");
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int bad = 0;
        int firstBad = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.equals("no datasets available") || line.equals("no pools available")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if ((f.length == 3 || f.length == 4) && !f[0].isEmpty() && !f[1].isEmpty()) {
                if (rows.size() == MAX_ROWS && !rows.containsKey(f[0])) {
                    throw new ParseException(i + 1, "more than " + MAX_ROWS + " datasets or pools, more than 4 MiB of"
                            + " 'zfs get' holds: not read");
                }
                Map<String, String> props = rows.computeIfAbsent(f[0], k -> new LinkedHashMap<>());
                if (props.putIfAbsent(f[1], f[2]) != null) {
                    warnings.add("line " + (i + 1) + ": " + Snippet.excerpt(f[0]) + " " + Snippet.excerpt(f[1])
                            + " is listed again; the first value is kept");
                }
            } else {
                bad++;
                firstBad = firstBad == 0 ? i + 1 : firstBad;
                warnings.add("line " + (i + 1) + ": not a 'name<TAB>property<TAB>value' line: " + Snippet.quote(line));
            }
        }
        if (rows.isEmpty() && bad > 0) {
            throw new ParseException(firstBad, "not 'zfs get -H' or 'zpool get -H' output: "
                    + Snippet.quote(lines[firstBad - 1]));
        }
        return new ZfsPropertyTable(rows, warnings);
    }
}
