package org.qatwb.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus's own OpenMetrics parser reads the OpenMetrics output: {@code promtool tsdb
 * create-blocks-from openmetrics} backfills from an OpenMetrics file with the server's parser
 * (which checks the TYPE words, UNIT suffixes, label syntax, UTF-8 and {@code # EOF}). Backfilling
 * needs a timestamp on each sample, which the exporter never writes: the test adds one to every
 * sample line, and changes nothing else. Without promtool this fails, as {@link PromtoolCheckTest} does.
 */
class PrometheusOpenMetricsParserTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final long NOW = 1_765_000_000_000L;

    private record Result(int exit, String output) {
    }

    private static Result backfill(String openMetrics, Path dir) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(PROMTOOL), "promtool is not installed at " + PROMTOOL
                + ": install the Debian package 'prometheus' (apt-get install prometheus), as .ci/run does");
        StringBuilder stamped = new StringBuilder();
        for (String line : openMetrics.split("\n", -1)) {
            if (!line.isEmpty()) {
                stamped.append(line).append(line.startsWith("#") ? "" : " " + NOW / 1000).append('\n');
            }
        }
        Path in = dir.resolve("in.txt");
        Files.writeString(in, stamped, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(PROMTOOL.toString(), "tsdb", "create-blocks-from", "openmetrics", in.toString(),
                dir.resolve("blocks").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "promtool did not finish");
        return new Result(p.exitValue(), out);
    }

    @Test
    void prometheusReadsEverySeries(@TempDir Path dir) throws Exception {
        String text = ExporterMetrics.render(List.of(Nas.c62x().target("a", NOW), HostileNas.target("evil", NOW),
                TargetState.starting("c")), "0.1.0", NOW, MetricsFormat.OPENMETRICS);
        Result r = backfill(text, dir);
        assertEquals(0, r.exit(), r.output());
        // the block's table: one row, whose NUM SERIES is every sample line written
        long samples = text.lines().filter(l -> !l.startsWith("#")).count();
        String row = r.output().lines().filter(l -> l.matches("[0-9A-Z]{26} .*")).findFirst().orElseThrow();
        assertEquals(Long.toString(samples), row.trim().split("\\s+")[6], r.output());
    }

    @Test
    void theParserDoesCheck(@TempDir Path dir) throws Exception {
        String text = ExporterMetrics.render(List.of(Nas.c62x().target("a", NOW)), "0.1.0", NOW, MetricsFormat.OPENMETRICS);
        assertNotEquals(0, backfill(text.replace("# UNIT qatwb_nas_scrape_duration_seconds seconds",
                "# UNIT qatwb_nas_scrape_duration_seconds bytes"), dir).exit());
    }
}
