package org.qatwb.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every shell script of the repository that no module checks itself passes ShellCheck, every
 * severity, in the shell its #! line names: the {@code qatwb} launcher, {@code .ci/run}, and any
 * script added later (a *.sh file, or a file whose first line runs sh, bash, dash or ash), found
 * by walking the repository from its root (this module's parent). The agent's parts
 * (ssh-agent: AgentScriptShellcheckTest, joined as sent) and the simulator's stand-ins (nas-sim:
 * SimToolsShellcheckTest, with their library) are checked where they live. Skips, saying why,
 * where ShellCheck is not installed (.ci/run installs it).
 */
class RepoShellScriptsShellcheckTest {

    private static final Path SHELLCHECK = Path.of("/usr/bin/shellcheck");
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    /** Checked by the module that holds them, as a whole. */
    private static final Set<Path> CHECKED_ELSEWHERE = Set.of(
            Path.of("ssh-agent/src/main/resources/org/qatwb/ssh/agent"),
            Path.of("nas-sim/src/main/resources/org/qatwb/sim"));
    private static final Set<String> NOT_SOURCE = Set.of(".git", "target", "node_modules");
    private static final Pattern SHEBANG = Pattern.compile(
            "^#!\\s*(?:\\S*/)?(?:env\\s+|busybox\\s+)?(sh|bash|dash|ash|ksh)(?:\\s.*)?$");

    @Test
    void everyOtherShellScriptPassesShellcheck() throws Exception {
        assumeTrue(Files.isExecutable(SHELLCHECK), "ShellCheck is not installed (Debian: shellcheck)");
        TreeMap<Path, Optional<String>> scripts = scripts();
        assertTrue(scripts.containsKey(Path.of("qatwb")) && scripts.containsKey(Path.of(".ci/run")),
                "the launcher and the CI script are found from " + ROOT + ": " + scripts.keySet());
        StringBuilder findings = new StringBuilder();
        for (var e : scripts.entrySet()) {
            List<String> cmd = new ArrayList<>(List.of(SHELLCHECK.toString(), "--external-sources",
                    "--source-path=SCRIPTDIR", "--severity=style"));
            e.getValue().ifPresent(shell -> cmd.add("--shell=" + shell));
            cmd.add(e.getKey().toString());
            Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("shellcheck did not finish on " + e.getKey());
            }
            if (p.exitValue() != 0 || !out.isEmpty()) {
                findings.append(e.getKey()).append(": exit ").append(p.exitValue()).append('\n').append(out);
            }
        }
        assertEquals("", findings.toString());
    }

    /** The finder is the test's weak point: it must see a script by its #! line, whatever its name. */
    @Test
    void theShellOfAScriptIsReadFromItsFirstLine() {
        assertEquals(Optional.of("sh"), shell("#!/bin/sh"));
        assertEquals(Optional.of("bash"), shell("#!/usr/bin/env bash"));
        assertEquals(Optional.of("dash"), shell("#! /bin/dash -e"));
        assertEquals(Optional.of("sh"), shell("#!/usr/bin/busybox sh"));
        assertEquals(Optional.empty(), shell("#!/usr/bin/env python3"));
        assertEquals(Optional.empty(), shell("#!/usr/bin/awk -f"));
        assertEquals(Optional.empty(), shell("# Issue 13"));
    }

    /** Each script, relative to the root, with the shell of its #! line (empty: a *.sh file without one). */
    private static TreeMap<Path, Optional<String>> scripts() throws IOException {
        TreeMap<Path, Optional<String>> found = new TreeMap<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                Path rel = ROOT.relativize(dir);
                return NOT_SOURCE.contains(dir.getFileName().toString()) || CHECKED_ELSEWHERE.contains(rel)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                Optional<String> shell = shell(firstLine(file));
                if (shell.isPresent() || file.getFileName().toString().endsWith(".sh")) {
                    found.put(ROOT.relativize(file), shell);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line = r.readLine();
            return line == null ? "" : line;
        }
    }

    /** sh for busybox sh and ash too: ShellCheck knows sh, bash, dash and ksh. */
    static Optional<String> shell(String firstLine) {
        Matcher m = SHEBANG.matcher(firstLine);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).equals("ash") ? "sh" : m.group(1));
    }
}
