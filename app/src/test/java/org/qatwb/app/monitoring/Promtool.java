package org.qatwb.app.monitoring;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own checker. Absent, the monitoring tests FAIL, naming the Debian package: the
 * dashboard and rules ship untested otherwise (.ci/run installs it).
 */
final class Promtool {

    /** What one run printed, and how it ended. */
    record Run(int exit, String output) {
    }

    private Promtool() {
    }

    /** The executable: /usr/bin/promtool, else the first on the PATH; fails the test when there is none. */
    static Path executable() {
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
                    + " which .ci/run installs; the monitoring files are not checked without it");
        }
        return found.get();
    }

    /** {@code promtool ARGS...} in {@code dir}. */
    static Run run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable().toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("promtool " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), out);
    }
}
