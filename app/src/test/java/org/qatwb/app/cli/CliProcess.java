package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qatwb.app.Main;

/** {@code qatwb} in a process of its own (signals reach it as a terminal's would), with its own home under {@code dir}. */
record CliProcess(Process process, Path errFile) {

    static CliProcess start(Path dir, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder b = new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = b.environment();
        env.put("HOME", dir.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("XDG_STATE_HOME", dir.resolve("state").toString());
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        return new CliProcess(b.start(), err);
    }

    String err() throws IOException {
        return Files.exists(errFile) ? Files.readString(errFile, StandardCharsets.UTF_8) : "";
    }

    /** Waits (up to 90 s) until stderr holds {@code text}; fails when the process ends first. */
    void awaitErr(String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (err().contains(text)) {
                return;
            }
            assertTrue(process.isAlive(), "the CLI ended: " + err());
            Thread.sleep(20);
        }
        throw new AssertionError("no '" + text + "' on stderr: " + err());
    }
}
