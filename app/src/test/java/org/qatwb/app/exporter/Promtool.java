package org.qatwb.app.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own checker, {@code promtool check metrics}, on an exposition: the tests FAIL when it
 * is missing (Debian: {@code apt-get install prometheus}; {@code .ci/run} installs it), so that a
 * machine without it cannot pass them unchecked.
 */
public final class Promtool {

    static final Path PROMTOOL = Path.of(System.getenv().getOrDefault("QATWB_PROMTOOL", "/usr/bin/promtool"));

    private Promtool() {
    }

    /** Asserts that promtool accepts {@code exposition} (lint problems included: it exits 1 for them too). */
    public static void assertAccepts(String exposition) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(PROMTOOL), "promtool is needed to check the exposition and is not at " + PROMTOOL
                + " (Debian: apt-get install prometheus)");
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, p.exitValue(), "promtool check metrics: " + out + "\n--- the exposition:\n" + exposition);
    }
}
