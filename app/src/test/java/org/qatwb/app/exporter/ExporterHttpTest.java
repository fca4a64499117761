package org.qatwb.app.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qatwb.app.testing.Exposition;
import org.qatwb.app.testing.Promtool;
import org.qatwb.app.testing.SimTime;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.config.ConnectionOptions;
import org.qatwb.ssh.config.ConnectionSpec;

/**
 * The exporter end to end: simulated NAS over real SSH with the real agent, the supervisors, the
 * JDK's HTTP server, scraped with java.net.http on loopback. The simulators' clocks move only when
 * the test says ({@code SimOptions.driven}); every wait is bounded and nothing is timed.
 */
class ExporterHttpTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0,text/plain;version=0.0.4;q=0.5";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private SimulatedTargets sims;
    private Exporter exporter;
    private MetricsServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        if (exporter != null) {
            exporter.close();
        }
        if (sims != null) {
            sims.close();
        }
    }

    private SimulatedNas sim(int i) {
        return sims.simulators().get(i);
    }

    private void serve(List<ExporterTarget> more, String... profiles) throws Exception {
        sims = SimulatedTargets.start(List.of(profiles), p -> SimOptions.driven(p).withDemoLoad(true));
        List<ExporterTarget> targets = new ArrayList<>(sims.targets());
        targets.addAll(more);
        exporter = new Exporter(targets, new ExporterSettings(200, Duration.ofSeconds(60), Duration.ofSeconds(5)),
                "test", events::add, System::currentTimeMillis).start();
        server = MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), exporter);
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }

    private String scrape() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get("/metrics");
        assertEquals(200, r.statusCode());
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private Exposition metrics() throws IOException, InterruptedException {
        return Exposition.parse(scrape());
    }

    private double metric(String name, String... labels) throws IOException, InterruptedException {
        return metrics().value(name, labels).orElse(Double.NaN);
    }

    /** Polls until {@code condition} holds, for at most {@link #PATIENCE}. */
    private void await(String what, Check condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what + "\nevents: " + events + "\nlast scrape:\n" + scrape());
            }
            Thread.sleep(50);
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    @Test
    void twoSimulatedNasHaveTheirOwnLabelsPassPromtoolAndTheirCountersMove() throws Exception {
        serve(List.of(), "c62x", "dh8950");
        await("both NAS up", () -> metric("qatwb_nas_up", "nas", "sim-c62x") == 1
                && metric("qatwb_nas_up", "nas", "sim-dh8950") == 1);
        Promtool.assertAccepts(scrape());

        double before = metrics().sum("qatwb_zfs_qat_requests_total", "nas", "sim-c62x");
        SimTime.whileTimePasses(sim(0), () -> {
            await("the c62x's QAT requests move with its workload",
                    () -> metrics().sum("qatwb_zfs_qat_requests_total", "nas", "sim-c62x") > before);
            return null;
        });
        Exposition after = metrics();
        assertEquals(1, after.value("qatwb_nas_connects_total", "nas", "sim-c62x").orElseThrow());
        assertEquals(1, after.value("qatwb_nas_connects_total", "nas", "sim-dh8950").orElseThrow());
    }

    @Test
    void openMetricsStartsANewSeriesWhenZfsIsReloaded() throws Exception {
        serve(List.of(), "c62x");
        SimulatedNas nas = sim(0);
        await("up", () -> metric("qatwb_nas_up", "nas", "sim-c62x") == 1);
        // a tick from after the advance: the NAS has been up 30 s longer than zfs.ko's kstat is old
        double start = metrics().sum("qatwb_zfs_qat_requests_total", "nas", "sim-c62x");
        nas.advance(Duration.ofSeconds(30));
        await("requests counted", () -> metrics().sum("qatwb_zfs_qat_requests_total", "nas", "sim-c62x") > start);

        HttpResponse<byte[]> om = get("/metrics", "Accept", OPENMETRICS);
        String body = new String(om.body(), StandardCharsets.UTF_8);
        assertTrue(om.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"), om.headers().toString());
        assertTrue(body.endsWith("# EOF\n"), body);
        Exposition first = Exposition.parse(body);
        String[] series = {"nas", "sim-c62x", "service", "compression", "op", "compress"};
        double created = first.value("qatwb_zfs_qat_requests_created", series).orElseThrow();
        double value = first.value("qatwb_zfs_qat_requests_total", series).orElseThrow();
        assertTrue(value > 0, body);

        nas.advance(Duration.ofSeconds(60));
        nas.reloadZfsModule();
        // the reset shows as a value below the last one (Prometheus's rate() takes it as a reset: PrometheusScrapeTest)
        await("the counters start again after zfs.ko was reloaded", () -> {
            String text = new String(get("/metrics", "Accept", OPENMETRICS).body(), StandardCharsets.UTF_8);
            return Exposition.parse(text).value("qatwb_zfs_qat_requests_total", series).orElse(value) < value;
        });
        Exposition later = Exposition.parse(new String(get("/metrics", "Accept", OPENMETRICS).body(), StandardCharsets.UTF_8));
        assertTrue(later.value("qatwb_zfs_qat_requests_total", series).orElseThrow() < value);
        // a new series: it starts when zfs.ko was loaded again (by how much later depends on the driven
        // clock, whose uptime and the wall clock the NAS's boot is estimated on drift apart)
        assertTrue(later.value("qatwb_zfs_qat_requests_created", series).orElseThrow() > created,
                "a new series start: " + later.find("qatwb_zfs_qat_requests_created") + " after " + created);
    }

    @Test
    void anUnreachableNasIsDownBesideAnUpOneAndARestartedNasComesBack() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        // a hostile name: it must be text on the status page, never markup
        String name = "<lab&1>";
        SimulatedTargets probe = SimulatedTargets.start(List.of("c62x"), p -> SimOptions.driven(p).withDemoLoad(true));
        SimEndpoint e = probe.simulators().get(0).endpoint();
        ExporterTarget unreachable = new ExporterTarget(name, ConnectionSpec.resolve(new ConnectionOptions("127.0.0.1",
                closedPort, e.user(), e.identity(), e.knownHosts(), false, false)), false);
        probe.close();
        serve(List.of(unreachable), "c62x");

        await("the simulated NAS up, the closed port down and said so", () -> metric("qatwb_nas_up", "nas", "sim-c62x") == 1
                && metric("qatwb_nas_up", "nas", name) == 0
                && events.stream().anyMatch(l -> l.startsWith(name + ": not read")));
        String page = new String(get("/").body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("&lt;lab&amp;1&gt;"), page);
        assertFalse(page.contains(name), page);

        double connects = metric("qatwb_nas_connects_total", "nas", "sim-c62x");
        sim(0).restart();
        await("reconnected after a restart", () -> metric("qatwb_nas_connects_total", "nas", "sim-c62x") > connects
                && metric("qatwb_nas_up", "nas", "sim-c62x") == 1);

        double again = metric("qatwb_nas_connects_total", "nas", "sim-c62x");
        sim(0).reboot();
        await("reconnected after a reboot", () -> metric("qatwb_nas_connects_total", "nas", "sim-c62x") > again
                && metric("qatwb_nas_up", "nas", "sim-c62x") == 1);
        assertEquals(0, metric("qatwb_nas_up", "nas", name));
    }

    @Test
    void httpAnswersHeadGzip404And405() throws Exception {
        serve(List.of(), "c62x");
        await("up", () -> metric("qatwb_nas_up", "nas", "sim-c62x") == 1);

        HttpResponse<byte[]> zipped = get("/metrics", "Accept-Encoding", "gzip");
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        String unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(unzipped.contains("qatwb_nas_up{"), unzipped);
        assertTrue(zipped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));

        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(uri("/metrics"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);

        assertEquals(404, get("/metrics/extra").statusCode());
        HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        assertTrue(new String(get("/").body(), StandardCharsets.UTF_8).contains("sim-c62x"));
    }

    @Test
    void anUnknownHostKeyIsRefusedSayingHowToTrustItAndAcceptNewTrustsIt() throws Exception {
        SimulatedTargets probe = SimulatedTargets.start(List.of("c62x"), p -> SimOptions.driven(p).withDemoLoad(true));
        sims = probe;
        SimEndpoint e = probe.simulators().get(0).endpoint();
        Path empty = Files.createTempFile("qatwb-known-hosts", "");
        Path other = Files.createTempFile("qatwb-known-hosts", "");
        try {
            ExporterTarget refused = new ExporterTarget("strict", ConnectionSpec.resolve(new ConnectionOptions(e.host(),
                    e.port(), e.user(), e.identity(), empty, false, false)), false);
            ExporterTarget trusting = new ExporterTarget("trusting", ConnectionSpec.resolve(new ConnectionOptions(e.host(),
                    e.port(), e.user(), e.identity(), other, true, false)), false);
            exporter = new Exporter(List.of(refused, trusting), new ExporterSettings(200, Duration.ofSeconds(60),
                    Duration.ofSeconds(5)), "test", events::add, System::currentTimeMillis).start();
            server = MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), exporter);
            await("the unknown key refused, saying how to trust it; --accept-new trusting it",
                    () -> metric("qatwb_nas_up", "nas", "trusting") == 1
                            && events.stream().anyMatch(l -> l.startsWith("strict: not read") && l.contains("--accept-new")));
            assertEquals(0, metric("qatwb_nas_up", "nas", "strict"));
            assertTrue(Files.readString(other).contains(e.port() + ""), "--accept-new saved the key");
            assertEquals("", Files.readString(empty), "nothing saved without --accept-new");
        } finally {
            Files.deleteIfExists(empty);
            Files.deleteIfExists(other);
        }
    }
}
