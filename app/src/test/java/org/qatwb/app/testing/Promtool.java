package org.qatwb.app.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own checker, for the exporter's output and the monitoring files. Absent, those tests
 * FAIL, naming the Debian package: they would ship unchecked otherwise (.ci/run installs it).
 */
public final class Promtool {

    /** What one run printed, and how it ended. */
    public record Run(int exit, String output) {
    }

    private Promtool() {
    }

    /** The executable: /usr/bin/promtool, else the first on the PATH; fails the test when there is none. */
    public static Path executable() {
        Optional<Path> found = Optional.of(Path.of("/usr/bin/promtool")).filter(Files::isExecutable);
        if (found.isEmpty()) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, "promtool");
                if (Files.isExecutable(p)) {
                    found = Optional.of(p);
                    break;
                }
            }
        }
        if (found.isEmpty()) {
            fail("promtool is not installed: install the Debian package `prometheus` (apt-get install prometheus),"
                    + " which .ci/run installs; the metrics and the monitoring files are not checked without it");
        }
        return found.get();
    }

    /** Asserts that {@code promtool check metrics} accepts {@code exposition} (lint problems included: it exits 1 for them too). */
    public static void assertAccepts(String exposition) throws IOException, InterruptedException {
        Run run = run(Path.of("."), exposition.getBytes(StandardCharsets.UTF_8), "check", "metrics");
        assertEquals(0, run.exit(), "promtool check metrics: " + run.output() + "\n--- the exposition:\n" + exposition);
    }

    /** {@code promtool ARGS...} in {@code dir}. */
    public static Run run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, new byte[0], args);
    }

    private static Run run(Path dir, byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable().toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("promtool " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), out);
    }
}
