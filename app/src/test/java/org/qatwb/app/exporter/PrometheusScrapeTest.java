package org.qatwb.app.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.app.testing.SimTime;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/**
 * The real Prometheus server (Debian's {@code prometheus}, /usr/bin/prometheus) scraping the exporter
 * every second on loopback, asked over its HTTP API what it stored: the NAS up, and the kstat
 * counter's reset at a {@code zfs.ko} reload seen as a reset (rate() never negative). FAILS when the
 * server is not installed. Every wait is bounded; nothing is timed.
 */
class PrometheusScrapeTest {

    private static final Path PROMETHEUS = Path.of(System.getenv().getOrDefault("QATWB_PROMETHEUS", "/usr/bin/prometheus"));
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void prometheusStoresTheNasUpAndSeesTheKstatResetAsAReset() throws Exception {
        assertTrue(Files.isExecutable(PROMETHEUS), "the Prometheus server is needed and is not at " + PROMETHEUS
                + " (Debian: apt-get install prometheus)");
        try (SimulatedTargets sims = SimulatedTargets.start(List.of("c62x"), p -> SimOptions.driven(p).withDemoLoad(true));
                Exporter exporter = new Exporter(sims.targets(), new ExporterSettings(200, Duration.ofSeconds(60),
                        Duration.ofSeconds(5)), "test", line -> { }, System::currentTimeMillis).start();
                MetricsServer server = MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), exporter)) {
            SimulatedNas nas = sims.simulators().get(0);
            int apiPort = freePort();
            Path config = Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
                    "global:", "  scrape_interval: 1s", "  scrape_timeout: 1s",
                    "scrape_configs:", "  - job_name: qatwb", "    static_configs:",
                    "      - targets: ['127.0.0.1:" + server.address().getPort() + "']", ""));
            Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + apiPort)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                URI api = URI.create("http://127.0.0.1:" + apiPort + "/api/v1/query?query=");
                await(api, "qatwb_nas_up{nas=\"sim-c62x\"}", v -> v == 1, prometheus);

                String compress = "qatwb_zfs_qat_requests_total{nas=\"sim-c62x\",op=\"compress\"}";
                // ten minutes of workload first: after the reload the counter must be seen BELOW what
                // Prometheus stored, which a few seconds of new work must not make up for
                nas.advance(Duration.ofMinutes(10));
                SimTime.whileTimePasses(nas, () -> {
                    await(api, "rate(" + compress + "[5s])", v -> v > 0, prometheus);
                    return null;
                });
                nas.reloadZfsModule();
                await(api, "resets(" + compress + "[1m])", v -> v >= 1, prometheus);
                SimTime.whileTimePasses(nas, () -> {
                    await(api, "rate(" + compress + "[3s])", v -> v > 0, prometheus);
                    return null;
                });
                double lowest = query(api, "min_over_time(rate(" + compress + "[3s])[1m:1s])").orElseThrow();
                assertTrue(lowest >= 0, "rate() across the reset: " + lowest);
                // the last minute's best, not the last scrape: on a loaded machine one scrape may miss its 1 s timeout
                assertEquals(1.0, query(api, "max_over_time(up{job=\"qatwb\"}[1m])").orElseThrow(), "Prometheus scraped the exporter");
            } finally {
                prometheus.destroy();
                if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
        }
    }

    interface Condition {
        boolean holds(double value);
    }

    private void await(URI api, String query, Condition condition, Process prometheus) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        OptionalDouble last = OptionalDouble.empty();
        while (last.isEmpty() || !condition.holds(last.getAsDouble())) {
            assertTrue(prometheus.isAlive(), "prometheus ended: " + Files.readString(dir.resolve("prometheus.log")));
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + query + " = " + last + "\n"
                        + Files.readString(dir.resolve("prometheus.log")));
            }
            Thread.sleep(250);
            try {
                last = query(api, query);
            } catch (java.io.IOException e) {
                last = OptionalDouble.empty(); // not listening yet
            }
        }
    }

    /** The value of an instant query with one result; empty for none. */
    private OptionalDouble query(URI api, String query) throws Exception {
        URI u = URI.create(api + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(query + ": HTTP " + r.statusCode() + " " + r.body());
        }
        JsonNode result = JSON.readTree(r.body()).path("data").path("result");
        if (result.size() == 0) {
            return OptionalDouble.empty();
        }
        assertEquals(1, result.size(), query + ": " + result);
        return OptionalDouble.of(Double.parseDouble(result.get(0).path("value").get(1).asText()));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
