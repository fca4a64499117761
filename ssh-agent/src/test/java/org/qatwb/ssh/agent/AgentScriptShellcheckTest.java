package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * The agent's scripts pass ShellCheck as POSIX sh, every finding of every severity: what the
 * scripts mean to do (word splitting under set -f, a function called by name) is said where it
 * happens with a directive and its reason, so that a new finding stands out. Skips, saying why,
 * where ShellCheck is not installed (.ci/run installs it).
 */
class AgentScriptShellcheckTest {

    private static final Path SHELLCHECK = Path.of("/usr/bin/shellcheck");

    @TempDir
    Path dir;

    /**
     * The script as a client sends it: the core with every part joined (the parts share variables
     * and functions, so each is checked where it runs, not alone).
     */
    @Test
    void theJoinedScriptPassesShellcheck() throws Exception {
        assumeTrue(Files.isExecutable(SHELLCHECK), "ShellCheck is not installed (Debian: shellcheck)");
        Path script = dir.resolve("qatwb-agent-joined.sh");
        Files.write(script, AgentScript.bytes());
        Process p = new ProcessBuilder(SHELLCHECK.toString(), "--shell=sh", "--severity=style", script.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("shellcheck did not finish");
        }
        assertEquals(0, p.exitValue(), out);
        assertEquals("", out);
    }
}
