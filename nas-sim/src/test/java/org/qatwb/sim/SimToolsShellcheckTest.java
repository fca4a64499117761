package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's stand-ins (bin/*) and their library (lib/sim.sh) pass ShellCheck as POSIX sh,
 * every severity, with the library followed where a stand-in sources it (-x and the stand-ins'
 * source directives: a stand-in that uses a function or variable the library does not define is
 * a finding). Read from the source tree, as they are written. Skips, saying why, where ShellCheck
 * is not installed (.ci/run installs it).
 */
class SimToolsShellcheckTest {

    private static final Path SHELLCHECK = Path.of("/usr/bin/shellcheck");
    private static final Path SIM = Path.of(System.getProperty("basedir", "."))
            .resolve("src/main/resources/org/qatwb/sim");

    @TempDir
    Path dir;

    @Test
    void everyStandInAndTheLibraryPassShellcheck() throws Exception {
        assumeTrue(Files.isExecutable(SHELLCHECK), "ShellCheck is not installed (Debian: shellcheck)");
        List<String> files = new ArrayList<>();
        try (Stream<Path> bin = Files.list(SIM.resolve("bin"))) {
            bin.filter(Files::isRegularFile).sorted().forEach(p -> files.add(p.toString()));
        }
        // the tools the simulator installs, at least: a listing that found none would check nothing
        assertTrue(files.size() >= 12, "stand-ins found: " + files);
        files.add(SIM.resolve("lib/sim.sh").toString());
        Result r = shellcheck(files);
        assertEquals("", r.out());
        assertEquals(0, r.exit());
    }

    /** The check can fail: the same invocation reports an unquoted expansion and an unknown source. */
    @Test
    void theSameCheckReportsAFinding() throws Exception {
        assumeTrue(Files.isExecutable(SHELLCHECK), "ShellCheck is not installed (Debian: shellcheck)");
        Path bad = dir.resolve("bad");
        Files.writeString(bad, "#!/bin/sh\n. \"$QATWB_ROOT/.sim/lib/none.sh\"\necho $1\n");
        Result r = shellcheck(List.of(bad.toString()));
        assertNotEquals(0, r.exit());
        assertTrue(r.out().contains("SC2086") && r.out().contains("SC1091"), r.out());
    }

    private record Result(int exit, String out) { }

    private static Result shellcheck(List<String> files) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(SHELLCHECK.toString(), "--shell=sh", "--external-sources",
                "--source-path=SCRIPTDIR", "--severity=style"));
        cmd.addAll(files);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("shellcheck did not finish");
        }
        return new Result(p.exitValue(), out);
    }
}
