package org.qatwb.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exposition read back by the tests, strictly: every line must be a metadata line of the
 * format or a sample matching {@link #SAMPLE}, and no two samples may share name and labels.
 */
final class Exposed {

    /** A label value: any character but the three escaped ones, a control character or a lone surrogate. */
    private static final String VALUE = "(?:[^\"\\\\\\n\\p{Cntrl}\\p{Cs}]|[\\x{10000}-\\x{10FFFF}]|\\\\[\\\\\"n])*";
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"" + VALUE + "\"";
    /** One sample: name, optional labels, a number; no timestamp (node_exporter's textfile collector refuses them). */
    static final Pattern SAMPLE = Pattern.compile("(qatwb_[a-z_]+)(\\{" + LABEL + "(?:," + LABEL + ")*\\})? "
            + "(-?[0-9]+(?:\\.[0-9]+)?(?:E-?[0-9]+)?|NaN|[+-]Inf)");
    static final Pattern META = Pattern.compile("# (HELP|TYPE|UNIT) (qatwb_[a-z_]+) (.*)");

    /** Samples by {@code name{labels}}, in order. */
    final Map<String, String> samples = new LinkedHashMap<>();
    /** Metadata lines by kind and family name, in order ({@code TYPE qatwb_nas_up} -> {@code gauge}). */
    final Map<String, String> meta = new LinkedHashMap<>();
    final List<String> lines;

    Exposed(String text) {
        assertTrue(text.endsWith("\n"), "ends with a line feed");
        lines = List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
        for (String line : lines) {
            Matcher m = SAMPLE.matcher(line);
            Matcher d = META.matcher(line);
            if (m.matches()) {
                String key = m.group(1) + (m.group(2) == null ? "" : m.group(2));
                if (samples.put(key, m.group(3)) != null) {
                    fail("two samples " + key);
                }
            } else if (d.matches()) {
                if (meta.put(d.group(1) + " " + d.group(2), d.group(3)) != null) {
                    fail("two " + d.group(1) + " lines for " + d.group(2));
                }
            } else if (!line.equals("# EOF")) {
                fail("not a line of the format: " + line);
            }
        }
    }

    static Exposed of(List<TargetState> targets, long now, MetricsFormat f) {
        return new Exposed(ExporterMetrics.render(targets, "1.2.3", now, f));
    }

    /** The value of one series, failing when it is not there. */
    String value(String series) {
        String v = samples.get(series);
        if (v == null) {
            fail("no series " + series + " among " + samples.keySet().stream().filter(k -> k.startsWith(
                    series.substring(0, Math.max(series.indexOf('{'), 1)))).toList());
        }
        return v;
    }

    /** The series of one sample name, in order. */
    List<String> series(String name) {
        List<String> out = new ArrayList<>();
        samples.keySet().forEach(k -> {
            if (k.equals(name) || k.startsWith(name + "{")) {
                out.add(k);
            }
        });
        return out;
    }

    /** The sample names, each once. */
    Set<String> names() {
        Set<String> out = new HashSet<>();
        samples.keySet().forEach(k -> out.add(k.indexOf('{') < 0 ? k : k.substring(0, k.indexOf('{'))));
        return out;
    }

    void assertAbsent(String name) {
        assertEquals(List.of(), series(name), name + " should be absent");
    }
}
