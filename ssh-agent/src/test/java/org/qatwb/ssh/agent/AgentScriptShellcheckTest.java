package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"qatwb-agent.sh", "qatwb-agent-tx.sh"})
    void theScriptPassesShellcheck(String name) throws Exception {
        assumeTrue(Files.isExecutable(SHELLCHECK), "ShellCheck is not installed (Debian: shellcheck)");
        Path script = dir.resolve(name);
        try (InputStream in = AgentScriptShellcheckTest.class.getResourceAsStream(name)) {
            Files.write(script, in.readAllBytes());
        }
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
