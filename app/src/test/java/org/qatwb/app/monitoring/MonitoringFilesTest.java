package org.qatwb.app.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.app.testing.Promtool;

/**
 * The monitoring files shipped in {@code monitoring/} (the Grafana dashboard, the Prometheus alert
 * rules, their promtool unit tests and the example configuration) are what Prometheus and Grafana
 * accept, and read only metrics the exporter really serves: a renamed metric fails here, naming
 * the file, the rule or panel, and the name. promtool absent fails (Debian: prometheus).
 */
class MonitoringFilesTest {

    private static final Path ROOT = RepoRoot.find();
    private static final Path PROMETHEUS = ROOT.resolve("monitoring/prometheus");
    private static final Path RULES = PROMETHEUS.resolve("qatwb-alerts.yml");
    private static final Path RULE_TESTS = PROMETHEUS.resolve("qatwb-alerts.test.yml");
    private static final Path CONFIG = PROMETHEUS.resolve("prometheus.example.yml");
    private static final Path DASHBOARD = ROOT.resolve("monitoring/grafana/qatwb-overview.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Grafana's query for the nas variable, whose selector is the metric it reads. */
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*([a-zA-Z_]\\w*)\\s*\\)\\s*$",
            Pattern.DOTALL);
    private static final Pattern GRAFANA_INTERVAL = Pattern.compile("\\$\\{?__(?:rate_interval|interval|range)\\}?");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*\\}|\\$\\w+");

    // ---- Prometheus ----------------------------------------------------------------------------

    @Test
    void theRulesPassPromtoolsCheck() throws Exception {
        Promtool.Run run = Promtool.run(PROMETHEUS, "check", "rules", RULES.getFileName().toString());
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("SUCCESS"), run.output());
    }

    @Test
    void theRulesPassTheirPromtoolUnitTests() throws Exception {
        Promtool.Run run = Promtool.run(PROMETHEUS, "test", "rules", RULE_TESTS.getFileName().toString());
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("SUCCESS"), run.output());
    }

    /** promtool's tests pass vacuously for an alert they never name: each must fire once and stay silent once. */
    @Test
    void everyAlertIsTestedFiringAndSilent() throws IOException {
        JsonNode tests = YAML.readTree(RULE_TESTS.toFile());
        assertTrue(textsOf(tests.path("rule_files")).contains(RULES.getFileName().toString()), "the tests load the rules");
        Set<String> fires = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (JsonNode group : tests.path("tests")) {
            for (JsonNode t : group.path("alert_rule_test")) {
                String name = t.path("alertname").asText();
                (t.path("exp_alerts").isEmpty() ? silent : fires).add(name);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Rule r : rules()) {
            if (r.alert()) {
                if (!fires.contains(r.name())) {
                    missing.add(r.name() + " never fires in " + RULE_TESTS.getFileName());
                }
                if (!silent.contains(r.name())) {
                    missing.add(r.name() + " is never shown silent in " + RULE_TESTS.getFileName());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** What an administrator reads when it fires: its severity, a summary and a description naming the NAS. */
    @Test
    void everyAlertSaysHowBadWhatAndWhere() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Rule r : rules()) {
            if (!r.alert()) {
                continue;
            }
            JsonNode n = r.node();
            if (!Set.of("critical", "warning", "info").contains(n.path("labels").path("severity").asText())) {
                problems.add(r.name() + ": severity critical, warning or info");
            }
            String summary = n.path("annotations").path("summary").asText();
            String description = n.path("annotations").path("description").asText();
            if (summary.isBlank() || description.isBlank()) {
                problems.add(r.name() + ": summary and description");
            }
            boolean perNas = !r.expr().startsWith("absent(");
            if (perNas && !(summary + description).contains("{{ $labels.nas }}")) {
                problems.add(r.name() + ": names the NAS ({{ $labels.nas }})");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theExampleConfigurationIsValidAndLoadsTheRules(@TempDir Path dir) throws Exception {
        // a copy: promtool resolves rule_files beside the configuration, and must find them there
        Files.copy(CONFIG, dir.resolve(CONFIG.getFileName()));
        Files.copy(RULES, dir.resolve(RULES.getFileName()));
        Promtool.Run run = Promtool.run(dir, "check", "config", CONFIG.getFileName().toString());
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("1 rule files found"), run.output());
        JsonNode config = YAML.readTree(CONFIG.toFile());
        assertEquals(List.of(RULES.getFileName().toString()), textsOf(config.path("rule_files")));
        Set<String> targets = new HashSet<>();
        for (JsonNode job : config.path("scrape_configs")) {
            for (JsonNode sc : job.path("static_configs")) {
                targets.addAll(textsOf(sc.path("targets")));
            }
        }
        assertTrue(targets.contains("127.0.0.1:9741"), "scrapes qatwb exporter's default address: " + targets);
    }

    // ---- Grafana -------------------------------------------------------------------------------

    @Test
    void theDashboardIsAnImportableGrafanaModel() throws IOException {
        JsonNode d = JSON.readTree(DASHBOARD.toFile());
        assertTrue(d.path("schemaVersion").asInt() >= 36, "schemaVersion");
        assertFalse(d.path("uid").asText().isBlank(), "a fixed uid, so that a re-import replaces it");
        JsonNode input = d.path("__inputs").path(0);
        assertEquals("datasource", input.path("type").asText(), "__inputs asks for a datasource");
        assertEquals("prometheus", input.path("pluginId").asText());

        Map<String, JsonNode> vars = new LinkedHashMap<>();
        d.path("templating").path("list").forEach(v -> vars.put(v.path("name").asText(), v));
        JsonNode ds = vars.get("datasource");
        assertTrue(ds != null && ds.path("type").asText().equals("datasource") && ds.path("query").asText().equals("prometheus"),
                "a Prometheus datasource variable: " + vars.keySet());
        JsonNode nas = vars.get("nas");
        assertTrue(nas != null, "a nas variable: " + vars.keySet());
        assertEquals("label_values(qatwb_nas_up, nas)", variableQuery(nas));
        assertTrue(nas.path("multi").asBoolean() && nas.path("includeAll").asBoolean(), "nas: multi and All");

        List<String> problems = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode p : panels(d)) {
            String where = "panel " + p.path("id") + " '" + p.path("title").asText() + "'";
            if (!p.path("id").isInt() || !ids.add(p.path("id").asInt())) {
                problems.add(where + ": no id or one taken before");
            }
            if (p.path("type").asText().equals("row")) {
                continue;
            }
            if (!p.path("datasource").path("uid").asText().equals("${datasource}")) {
                problems.add(where + ": reads the datasource variable");
            }
            if (p.path("targets").isEmpty()) {
                problems.add(where + ": no query");
            }
            for (JsonNode t : p.path("targets")) {
                if (t.path("expr").asText().isBlank()) {
                    problems.add(where + " target " + t.path("refId").asText() + ": no expr");
                }
                if (!t.path("expr").asText().contains("$nas")) {
                    problems.add(where + " target " + t.path("refId").asText() + ": ignores the nas variable");
                }
            }
            if (!p.path("type").asText().equals("table") && p.path("fieldConfig").path("defaults").path("unit").asText().isBlank()) {
                problems.add(where + ": no unit");
            }
        }
        problems.addAll(overlaps(panels(d)));
        assertEquals(List.of(), problems);
        assertTrue(ids.size() >= 10, "the dashboard's panels: " + ids.size());
    }

    /** Grafana does not check PromQL on import: promtool does, on the queries as a rule file holds them. */
    @Test
    void theDashboardsQueriesAreValidPromQl(@TempDir Path dir) throws Exception {
        ObjectNode file = YAML.createObjectNode();
        ArrayNode rules = file.putArray("groups").addObject().put("name", "dashboard").putArray("rules");
        for (Query q : dashboardQueries()) {
            rules.addObject().put("record", "qatwb_dashboard:" + q.id()).put("expr", grafanaExpanded(q.expr()));
        }
        Path out = dir.resolve("dashboard-queries.yml");
        YAML.writeValue(out.toFile(), file);
        Promtool.Run run = Promtool.run(dir, "check", "rules", out.getFileName().toString());
        assertEquals(0, run.exit(), run.output());
    }

    // ---- the metrics the exporter serves ------------------------------------------------------------

    @Test
    void everyMetricTheRulesAndTheDashboardReadIsServed() throws Exception {
        String text = ServedMetrics.render();
        assertTrue(text.contains("row=\"" + ServedMetrics.FORK_ROW + "\"") && text.contains("\nqatwb_firmware_ras_events_total{"),
                "the fork's kstat row and the newer driver's RAS events are served:\n" + text);
        Set<String> served = ServedMetrics.sampleNames(text);
        assertTrue(served.contains("qatwb_nas_up") && served.contains("qatwb_zfs_qat_requests_total"),
                "the render served the basics: " + served);
        Set<String> known = new TreeSet<>(served);
        rules().stream().filter(r -> !r.alert()).forEach(r -> known.add(r.name())); // recording rules' own series

        List<String> unserved = new ArrayList<>();
        Set<String> read = new TreeSet<>();
        for (Rule r : rules()) {
            read.addAll(PromQlNames.of(r.expr()));
            unserved.addAll(unserved(RULES.getFileName().toString(), (r.alert() ? "alert " : "record ") + r.name(),
                    r.expr(), known));
        }
        for (Query q : dashboardQueries()) {
            read.addAll(PromQlNames.of(q.expr()));
            unserved.addAll(unserved(DASHBOARD.getFileName().toString(), q.where(), q.expr(), known));
        }
        assertEquals(List.of(), unserved, "served: " + served);
        // what the files promise to watch: the catalog's core of issue 15, not a handful of names
        assertTrue(read.containsAll(Set.of("qatwb_zfs_qat_requests_total", "qatwb_zfs_qat_failures_total",
                "qatwb_device_up", "qatwb_zfs_qat_disable", "qatwb_zfs_qat_kept_after_reboot",
                "qatwb_kernel_requests_pending_messages", "qatwb_nas_up", "qatwb_doctor_check_status",
                "qatwb_firmware_requests_total", "qatwb_zfs_qat_input_bytes_total", "qatwb_zfs_qat_output_bytes_total")),
                "read: " + read);
    }

    /**
     * promtool's unit tests prove the rules only on series shaped as the exporter serves them: each
     * input series carries exactly the label names the real render gives its metric (a label the
     * exporter renames would leave a join silently empty, and the tests green).
     */
    @Test
    void theUnitTestsSeriesAreShapedAsTheExporterServesThem() throws Exception {
        Map<String, Set<List<String>>> served = ServedMetrics.labelNames(List.of(ServedMetrics.render().split("\n")));
        List<String> series = new ArrayList<>();
        for (JsonNode group : YAML.readTree(RULE_TESTS.toFile()).path("tests")) {
            group.path("input_series").forEach(s -> series.add(s.path("series").asText()));
        }
        assertFalse(series.isEmpty(), "input series in " + RULE_TESTS);
        List<String> problems = new ArrayList<>();
        ServedMetrics.labelNames(series).forEach((name, labelSets) -> {
            Set<List<String>> real = served.get(name);
            if (real == null) {
                problems.add(name + " is not served");
            } else if (!real.containsAll(labelSets)) {
                problems.add(name + " has labels " + labelSets + ", served with " + real);
            }
        });
        assertEquals(List.of(), problems, RULE_TESTS.getFileName().toString());
    }

    @Test
    void labelNamesAreReadFromSampleLinesAndSeriesNotation() {
        assertEquals(Map.of("a", Set.of(List.of("nas", "op")), "b", Set.of(List.of())),
                ServedMetrics.labelNames(List.of("# TYPE a counter", "a{op=\"x,y=\\\"z\",nas=\"n\"} 1", "b 2")));
        assertEquals(Map.of("c", Set.of(List.of("nas"))), ServedMetrics.labelNames(List.of("c{nas=\"busy\"}")));
    }

    /** The check itself can fail, and says where. */
    @Test
    void aNameTheExporterDoesNotServeIsReportedWithItsFileAndPlace() {
        Set<String> served = Set.of("qatwb_nas_up");
        assertEquals(List.of("qatwb-alerts.yml, alert X: qatwb_nas_upp is not served"),
                unserved("qatwb-alerts.yml", "alert X", "qatwb_nas_upp{nas=\"a\"} == 0 and on (nas) qatwb_nas_up", served));
        assertEquals(List.of(), unserved("f", "p", "sum by (qatwb_nas_upp) (qatwb_nas_up{x=\"qatwb_nas_upp\"})", served));
    }

    @Test
    void sampleLinesAreNamedWithoutTheirLabelsAndComments() {
        assertEquals(Set.of("a_total", "b"), ServedMetrics.sampleNames(
                "# HELP a_total A.\n# TYPE a_total counter\na_total{nas=\"x y\"} 1\n\nb 2\n# EOF\n"));
    }

    static List<String> unserved(String file, String where, String expr, Set<String> served) {
        List<String> out = new ArrayList<>();
        for (String name : PromQlNames.of(expr)) {
            if (!served.contains(name)) {
                out.add(file + ", " + where + ": " + name + " is not served");
            }
        }
        return out;
    }

    // ---- reading the files ---------------------------------------------------------------------------

    private record Rule(String name, boolean alert, String expr, JsonNode node) {
    }

    private record Query(String id, String where, String expr) {
    }

    private static List<Rule> rules() throws IOException {
        List<Rule> out = new ArrayList<>();
        for (JsonNode group : YAML.readTree(RULES.toFile()).path("groups")) {
            for (JsonNode r : group.path("rules")) {
                boolean alert = r.has("alert");
                out.add(new Rule(r.path(alert ? "alert" : "record").asText(), alert, r.path("expr").asText(), r));
            }
        }
        assertFalse(out.isEmpty(), "no rules in " + RULES);
        return out;
    }

    /** Every panel's every query, and the selectors of the variables' label_values queries. */
    private static List<Query> dashboardQueries() throws IOException {
        JsonNode d = JSON.readTree(DASHBOARD.toFile());
        List<Query> out = new ArrayList<>();
        for (JsonNode p : panels(d)) {
            for (JsonNode t : p.path("targets")) {
                out.add(new Query("panel_" + p.path("id").asInt() + "_" + t.path("refId").asText(),
                        "panel " + p.path("id").asInt() + " '" + p.path("title").asText() + "' target "
                                + t.path("refId").asText(), t.path("expr").asText()));
            }
        }
        for (JsonNode v : d.path("templating").path("list")) {
            if (v.path("type").asText().equals("query")) {
                Matcher m = LABEL_VALUES.matcher(variableQuery(v));
                assertTrue(m.matches(), "variable " + v.path("name").asText() + ": label_values(selector, label)");
                out.add(new Query("variable_" + v.path("name").asText(), "variable " + v.path("name").asText(), m.group(1)));
            }
        }
        return out;
    }

    /** A query variable's query: a string in older models, an object with {@code query} in newer ones. */
    private static String variableQuery(JsonNode v) {
        JsonNode q = v.path("query");
        return q.isObject() ? q.path("query").asText() : q.asText();
    }

    /** Panels at the top and inside rows (a collapsed row holds its panels). */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            out.add(p);
            p.path("panels").forEach(out::add);
        }
        return out;
    }

    /** Panels that cover one another on Grafana's 24-column grid, or leave it. */
    private static List<String> overlaps(List<JsonNode> panels) {
        List<String> out = new ArrayList<>();
        for (int a = 0; a < panels.size(); a++) {
            JsonNode g = panels.get(a).path("gridPos");
            if (g.path("x").asInt() < 0 || g.path("x").asInt() + g.path("w").asInt() > 24 || g.path("h").asInt() < 1) {
                out.add("panel " + panels.get(a).path("id") + " leaves the grid");
            }
            for (int b = a + 1; b < panels.size(); b++) {
                JsonNode h = panels.get(b).path("gridPos");
                boolean apart = g.path("x").asInt() + g.path("w").asInt() <= h.path("x").asInt()
                        || h.path("x").asInt() + h.path("w").asInt() <= g.path("x").asInt()
                        || g.path("y").asInt() + g.path("h").asInt() <= h.path("y").asInt()
                        || h.path("y").asInt() + h.path("h").asInt() <= g.path("y").asInt();
                if (!apart) {
                    out.add("panels " + panels.get(a).path("id") + " and " + panels.get(b).path("id") + " overlap");
                }
            }
        }
        return out;
    }

    /** A query as Grafana sends it: intervals become durations, other variables a plain value. */
    private static String grafanaExpanded(String expr) {
        return GRAFANA_VARIABLE.matcher(GRAFANA_INTERVAL.matcher(expr).replaceAll("5m")).replaceAll("x");
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
