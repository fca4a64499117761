package org.qatwb.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The OpenMetrics output against the points of the OpenMetrics 1.0 specification it relies on
 * (github.com/prometheus/OpenMetrics, specification/OpenMetrics.md; also prometheus/docs,
 * docs/specs/om/open_metrics_spec.md), each checked here rather than trusted:
 * <ul>
 *   <li>"exposition = metricset HASH SP eof [ LF ]": {@code # EOF} is the last line, and nothing follows;</li>
 *   <li>"MetricFamilies MUST NOT be interleaved", and "There MUST NOT be more than one of each type of metadata
 *       line for a MetricFamily. The ordering SHOULD be TYPE, UNIT, HELP";</li>
 *   <li>"an underscore and the unit MUST be the suffix of the MetricFamily name";</li>
 *   <li>Counter: "The MetricPoint's Total Value Sample MetricName MUST have the suffix {@code _total}. If present
 *       the MetricPoint's Created Value Sample MetricName MUST have the suffix {@code _created}";
 *       Gauge: "MUST NOT have a suffix"; Info: "MUST have the suffix {@code _info}. The Sample value MUST always
 *       be 1";</li>
 *   <li>"Metrics MUST NOT be interleaved": a {@code _created} follows its {@code _total}; no series twice;</li>
 *   <li>"Integer numbers MUST NOT have a decimal point".</li>
 * </ul>
 */
class OpenMetricsConformanceTest {

    private static final long NOW = 1_765_000_000_000L;

    /** Checks one exposition; returns how many samples it has. */
    static int assertConforms(String text) {
        assertTrue(text.endsWith("# EOF\n"), "ends with # EOF and a line feed");
        assertFalse(text.contains("\r"), "no carriage return");
        String[] lines = text.substring(0, text.length() - "# EOF\n".length()).split("\n", -1);
        Set<String> families = new HashSet<>();
        Set<String> series = new HashSet<>();
        Map<String, String> typeOf = new HashMap<>();
        String family = null;
        String type = null;
        String stage = null; // the last metadata line's kind in this family
        String lastTotal = null;
        int samples = 0;
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            assertFalse(line.isEmpty(), "no empty line (line " + (i + 1) + ")");
            Matcher meta = Exposed.META.matcher(line);
            if (meta.matches()) {
                String kind = meta.group(1);
                String name = meta.group(2);
                if (kind.equals("TYPE")) {
                    assertTrue(families.add(name), "one TYPE per family, families not interleaved: " + name);
                    family = name;
                    type = meta.group(3);
                    assertTrue(List.of("counter", "gauge", "info").contains(type), line);
                    typeOf.put(name, type);
                    stage = "TYPE";
                    lastTotal = null;
                } else {
                    assertEquals(family, name, "metadata of the current family: " + line);
                    assertTrue(kind.equals("UNIT") ? stage.equals("TYPE") : !stage.equals("HELP"), "TYPE, UNIT, HELP: " + line);
                    if (kind.equals("UNIT")) {
                        assertTrue(name.endsWith("_" + meta.group(3)), "the unit is the name's suffix: " + line);
                    }
                    stage = kind;
                }
                continue;
            }
            Matcher m = Exposed.SAMPLE.matcher(line);
            if (!m.matches()) {
                fail("not a sample line: " + line);
            }
            samples++;
            String name = m.group(1);
            String labels = m.group(2) == null ? "" : m.group(2);
            assertTrue(series.add(name + labels), "no series twice: " + line);
            switch (type) {
                case "gauge" -> assertEquals(family, name, line);
                case "info" -> {
                    assertEquals(family + "_info", name, line);
                    assertEquals("1", m.group(3), line);
                }
                case "counter" -> {
                    if (name.equals(family + "_total")) {
                        lastTotal = labels;
                        assertTrue(m.group(3).matches("[0-9]+"), "a count is a non-negative integer: " + line);
                    } else {
                        assertEquals(family + "_created", name, line);
                        assertEquals(lastTotal, labels, "a _created right after its _total: " + line);
                        lastTotal = null;
                    }
                }
                default -> fail(type);
            }
        }
        assertEquals("", lines[lines.length - 1]);
        return samples;
    }

    @Test
    void healthyTargetsConform() {
        String text = ExporterMetrics.render(List.of(Nas.c62x().target("a", NOW), Nas.c62x().target("b", NOW),
                TargetState.starting("c")), "1.0", NOW, MetricsFormat.OPENMETRICS);
        assertTrue(assertConforms(text) > 200);
        assertTrue(text.contains("\n# TYPE qatwb_zfs_qat_requests counter\n"), "a counter's family drops _total");
        assertTrue(text.contains("\nqatwb_zfs_qat_requests_created{nas=\"a\","), "the kstat's counters have _created");
        assertTrue(text.contains("\n# TYPE qatwb_nas info\n"));
    }

    @Test
    void hostileAndEmptyTargetsConform() {
        assertConforms(ExporterMetrics.render(List.of(HostileNas.target("x", NOW)), "1.0", NOW, MetricsFormat.OPENMETRICS));
        assertConforms(ExporterMetrics.render(List.of(), "1.0", NOW, MetricsFormat.OPENMETRICS));
    }

    @Test
    void theCheckCatchesWhatItLooksFor() {
        String good = ExporterMetrics.render(List.of(Nas.c62x().target("a", NOW)), "1", NOW, MetricsFormat.OPENMETRICS);
        assertConforms(good);
        for (String bad : List.of(good.replace("# EOF\n", ""), good + "qatwb_nas_up{nas=\"z\"} 1\n",
                good.replace("# TYPE qatwb_zfs_qat_requests counter", "# TYPE qatwb_zfs_qat_requests_total counter"),
                good.replace("qatwb_nas_up{nas=\"a\"} 1\n", "qatwb_nas_up{nas=\"a\"} 1\nqatwb_nas_up{nas=\"a\"} 1\n"))) {
            try {
                assertConforms(bad);
            } catch (AssertionError expected) {
                continue;
            }
            fail("accepted a broken exposition");
        }
    }

    @Test
    void textHasNoCreatedNoEofAndCountersTypedWithTotal() {
        String text = ExporterMetrics.render(List.of(Nas.c62x().target("a", NOW)), "1", NOW, MetricsFormat.PROMETHEUS_TEXT);
        assertFalse(text.contains("_created"));
        assertFalse(text.contains("# EOF"));
        assertFalse(text.contains("# UNIT"));
        assertTrue(text.contains("\n# TYPE qatwb_zfs_qat_requests_total counter\n"));
        assertTrue(text.contains("\n# TYPE qatwb_nas_info gauge\n"));
    }
}
