package org.qatwb.ssh.agent;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A shell the agent must run under: dash (Debian's and TrueNAS's /bin/sh), bash, and busybox's
 * ash. Tests run once per shell and are skipped, saying so, where a shell is not installed.
 *
 * @param label   for test names
 * @param program the executable, looked up on PATH
 * @param args    what comes before {@code -s} ({@code sh} for busybox)
 */
record Shell(String label, String program, List<String> args) {

    static Stream<Shell> all() {
        return Stream.of(new Shell("dash", "dash", List.of()), new Shell("bash", "bash", List.of()),
                new Shell("busybox sh", "busybox", List.of("sh")));
    }

    Optional<Path> executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Skips the calling test, with a message, when the shell is not installed. */
    Path assumeInstalled() {
        Optional<Path> exe = executable();
        Assumptions.assumeTrue(exe.isPresent(), label + " is not installed here: the agent is not tested under it");
        return exe.get();
    }

    /** {@code <shell> -s -- ARGS...}: the script comes on stdin. */
    List<String> command(List<String> agentArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(assumeInstalled().toString());
        cmd.addAll(args);
        cmd.add("-s");
        cmd.add("--");
        cmd.addAll(agentArgs);
        return cmd;
    }

    @Override
    public String toString() {
        return label;
    }
}
