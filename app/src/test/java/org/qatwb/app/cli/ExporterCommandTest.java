package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.app.settings.AuthMethod;
import org.qatwb.app.settings.ConnectionStore;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.app.testing.Promtool;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/** {@code qatwb exporter} as a user runs it: its usage errors, its help, --once, the saved connections, SIGTERM. */
class ExporterCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "--target a=10.0.0.1 --target a=10.0.0.2",
        "--sim --target sim-c62x=10.0.0.1",
        "--target 10.0.0.1 --target 10.0.0.1",
        "--sim --listen nope",
        "--sim --listen 127.0.0.1:70000",
        "--sim --listen no-such-host.invalid:9741",
        "--sim --once",
        "--sim --sim=q8000",
        "--sim --interval 5",
        "--sim --snapshot-interval 0",
        "--target =10.0.0.1",
    })
    void usageErrorsAreExitTwoWithOneLine(String args) {
        CliRun run = CliRun.of(("exporter " + args).split(" "));
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.oneLineError(), run.err());
    }

    @Test
    void aTextfileDirectoryThatIsNotOneIsExitTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "");
        for (Path p : List.of(dir.resolve("missing"), file)) {
            CliRun run = CliRun.of("exporter", "--sim", "--textfile", p.toString(), "--once");
            assertEquals(2, run.exit(), run.err());
            assertTrue(run.oneLineError(), run.err());
        }
    }

    @Test
    void helpSaysWhatTheSimOptionDoesAndThatAnyAddressExposesTheMetrics() {
        CliRun run = CliRun.of("exporter", "--help");
        assertEquals(0, run.exit(), run.err());
        String help = run.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("0.0.0.0"), help);
        assertTrue(help.contains("does not reach a running 'qatwb sim'"), help);
        assertTrue(help.contains("--textfile"), help);
        assertTrue(help.contains("Exit status: 0"), help);
    }

    @Test
    void onceWritesATextfilePromtoolAcceptsAndExitsZero() throws Exception {
        CliRun run = CliRun.of("exporter", "--sim", "--sim=dh8950", "--interval", "200", "--textfile", dir.toString(), "--once");
        assertEquals(0, run.exit(), run.err());
        String text = Files.readString(dir.resolve("qatwb.prom"));
        Promtool.assertAccepts(text);
        assertTrue(text.contains("qatwb_nas_up{nas=\"sim-c62x\"} 1"), text);
        assertTrue(text.contains("qatwb_nas_up{nas=\"sim-dh8950\"} 1"), text);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("qatwb.prom"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void noTargetAndNoSavedConnectionIsExitTwoSayingHowToGiveOne() throws Exception {
        Child c = Child.start(dir, "exporter");
        assertTrue(c.process.waitFor(2, TimeUnit.MINUTES), "the exporter did not end");
        assertEquals(2, c.process.exitValue(), c.err());
        assertTrue(c.err().contains("--target"), c.err());
        assertEquals(1, c.err().strip().lines().count(), c.err());
    }

    /** The saved connections of the window are the default targets; SIGTERM stops the exporter with exit 0. */
    @Test
    void exportsTheSavedConnectionsByNameAndStopsOnSigterm() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x").withDemoLoad(true))) {
            SimEndpoint e = nas.endpoint();
            new ConnectionStore(dir.resolve("config/qatwb")).save(new SavedConnection("lab-nas", e.host(), e.port(), e.user(),
                    AuthMethod.KEY, e.identity().toString(), false, e.knownHosts().toString()));
            Child c = Child.start(dir, "exporter", "--listen", "127.0.0.1:0", "--interval", "200");
            try {
                int port = c.awaitPort();
                HttpClient http = HttpClient.newHttpClient();
                URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                String body = "";
                while (!body.contains("qatwb_nas_up{nas=\"lab-nas\"} 1")) {
                    assertTrue(System.nanoTime() < deadline, "lab-nas not up within 60 s: " + body + c.err());
                    Thread.sleep(100);
                    body = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
                }
                c.process.destroy(); // SIGTERM
                assertTrue(c.process.waitFor(1, TimeUnit.MINUTES), "the exporter did not stop on SIGTERM");
                assertEquals(0, c.process.exitValue(), c.err());
            } finally {
                c.process.destroyForcibly();
            }
        }
    }

    /** {@code qatwb} in a process of its own, with its own home and config directory. */
    private record Child(Process process, Path errFile) {

        private static final Pattern SERVING = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)/metrics");

        static Child start(Path dir, String... args) throws IOException {
            CliProcess p = CliProcess.start(dir, List.of(args));
            return new Child(p.process(), p.errFile());
        }

        String err() throws IOException {
            return Files.exists(errFile) ? Files.readString(errFile, StandardCharsets.UTF_8) : "";
        }

        int awaitPort() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                Matcher m = SERVING.matcher(err());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                assertTrue(process.isAlive(), "the exporter ended: " + err());
                Thread.sleep(50);
            }
            throw new AssertionError("the exporter did not say where it serves: " + err());
        }
    }
}
