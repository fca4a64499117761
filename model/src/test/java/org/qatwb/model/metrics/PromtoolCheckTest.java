package org.qatwb.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Prometheus's own linter accepts what the exporter serves: {@code promtool check metrics} reads
 * 0.0.4 text on stdin and exits non-zero on a syntax error or a lint problem (a counter without
 * {@code _total}, a missing HELP, a non-base unit...). Without promtool this fails rather than
 * skips: CI installs it, and a skipped check would pass unseen.
 */
class PromtoolCheckTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final long NOW = 1_765_000_000_000L;

    /** promtool's verdict: exit code and what it printed. */
    private record Verdict(int exit, String output) {
    }

    static Verdict check(String exposition) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(PROMTOOL), "promtool is not installed at " + PROMTOOL
                + ": install the Debian package 'prometheus' (apt-get install prometheus), as .ci/run does");
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        return new Verdict(p.exitValue(), out);
    }

    private static void assertAccepted(List<TargetState> targets) throws IOException, InterruptedException {
        String text = ExporterMetrics.render(targets, "0.1.0-SNAPSHOT", NOW, MetricsFormat.PROMETHEUS_TEXT);
        Verdict v = check(text);
        assertEquals(new Verdict(0, ""), v, "promtool check metrics on:\n" + text);
    }

    @Test
    void aHealthyC62xHostServedTwice() throws Exception {
        assertAccepted(List.of(Nas.c62x().target("nas-a", NOW), Nas.c62x().target("nas-b", NOW)));
    }

    @Test
    void aTargetThatIsDownWithNothingRead() throws Exception {
        assertAccepted(List.of(TargetState.starting("sim-c62x")));
    }

    @Test
    void aHostWithHostileRowNamesAndStrings() throws Exception {
        assertAccepted(List.of(HostileNas.target("evil", NOW), Nas.c62x().target("fine", NOW)));
    }

    @Test
    void promtoolRefusesABrokenExposition() throws Exception {
        // guards against a check that passes vacuously: promtool does read what it is given
        String broken = ExporterMetrics.render(List.of(TargetState.starting("a")), "1", NOW,
                MetricsFormat.PROMETHEUS_TEXT).replace("qatwb_nas_up{nas=\"a\"}", "qatwb_nas_up{nas=\"a}");
        assertTrue(check(broken).exit() != 0);
        assertTrue(check("# HELP x_seconds_total y\n# TYPE x_seconds_total gauge\nx_seconds_total 1\n").exit() != 0,
                "a lint problem (a gauge named _total) fails too");
    }
}
