package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyPaths;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.FileChange;
import org.qatwb.model.apply.TxId;

/**
 * Hostile strings, quoted by ShellQuote into {@code sh -c 'printf %s "$1"' sh <quoted>} (the way
 * an SSH server runs a command line: one more shell parses it), come back byte for byte, and
 * nothing in them runs: a command that would create a marker file never does. The same strings as
 * an apply's paths are refused by the agent, and as a file's bytes are written exactly.
 *
 * <p>The command line goes to /bin/sh on stdin, as UTF-8 bytes (an SSH channel carries bytes);
 * passing it as an argument would let the JVM's locale mangle non-ASCII characters first.
 */
class ShellQuoteInjectionTest {

    private static Path dir;
    private static Path marker;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("qatwb-quote");
        marker = dir.resolve("PWNED");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        Files.deleteIfExists(marker);
        org.qatwb.sim.tree.TreeGenerator.deleteTree(dir);
    }

    @Property(tries = 150)
    void hostileStringsComeBackExactlyAndRunNothing(@ForAll("hostile") String s) throws Exception {
        assertEquals(s, echo(s));
        assertFalse(Files.exists(marker), "a quoted string ran a command: " + s);
    }

    @Example
    void theMarkerCommandWorksWhenNotQuoted() throws Exception {
        // proves the property above could fail: the same text unquoted does create the marker
        echoRaw("; touch " + marker);
        try {
            assertEquals(true, Files.exists(marker));
        } finally {
            Files.deleteIfExists(marker);
        }
    }

    /**
     * A hostile path in apply's arguments, quoted as the client quotes everything and parsed by an
     * outer shell as sshd does: the agent refuses it (exit 2) unless it is one of the files qatwb
     * writes, and nothing in it runs.
     */
    @Property(tries = 60)
    void hostilePathsAreRefusedByTheAgentAndRunNothing(@ForAll("hostilePaths") String path) throws Exception {
        String sum = "0".repeat(64);
        List<String> args = List.of("apply", AgentScriptTestSupport.BOUNDARY, "0", "20261122T100001Z-3fa2b1c0", "stage", "120",
                "-", path, "-", sum, "1");
        StringBuilder line = new StringBuilder("sh -s --");
        args.forEach(a -> line.append(' ').append(ShellQuote.quote(a)));
        FakeNas nas = new FakeNas(Files.createTempDirectory(dir, "paths"));
        Process p = AgentRun.builder(new Shell("sh", "sh", List.of()), nas, List.of()).command("/bin/sh", "-c", line.toString())
                .start();
        AgentRun.drain(p.getInputStream());
        AgentRun.drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            in.write(AgentScript.bytes());
        } catch (IOException e) {
            // refused before the script was read whole
        }
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        if (!ApplyPaths.isWritable(path)) {
            assertEquals(2, p.exitValue(), "not refused: " + path);
        }
        assertFalse(Files.exists(marker), "a path ran a command: " + path);
    }

    /** Hostile bytes as a file's new content arrive exactly and never run (the data section is data). */
    @Property(tries = 25)
    void hostileContentsArriveByteForByteAndRunNothing(@ForAll("hostile") String content) throws Exception {
        Path at = Files.createTempDirectory(dir, "content");
        FakeNas nas = new FakeNas(at).file("etc/os-release", "ID=debian\n");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        AgentCommand.Apply apply = new AgentCommand.Apply(false, TxId.next(Instant.now()), new ApplyPlan(
                List.of(new FileChange("/etc/c6xxvf_dev0.conf", Optional.empty(), bytes)), ApplyMode.STAGE, Set.of(),
                ApplyPlan.DEFAULT_CONFIRM_TIMEOUT));
        AgentRun run = AgentRun.run(new Shell("sh", "sh", List.of()), nas, apply, AgentScriptTestSupport.BOUNDARY);
        assertEquals(0, run.exit(), run.stderr());
        assertTrue(Files.exists(nas.path("etc/c6xxvf_dev0.conf")), () -> new String(run.stdout(), StandardCharsets.UTF_8));
        assertArrayEquals(bytes, Files.readAllBytes(nas.path("etc/c6xxvf_dev0.conf")));
        assertFalse(Files.exists(marker), "a file's content ran a command");
    }

    @Provide
    Arbitrary<String> hostilePaths() {
        Arbitrary<String> h = hostile();
        return Arbitraries.oneOf(h, h.map(x -> "/etc/c6xx_dev0.conf" + x), h.map(x -> "/etc/" + x + "_dev0.conf"),
                h.map(x -> "/etc/default/" + x));
    }

    @Provide
    Arbitrary<String> hostile() {
        String touch = "touch " + marker;
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("'", "\"", "\\", "'\\''", "$(" + touch + ")", "`" + touch + "`", "; " + touch,
                        "&& " + touch, "|| " + touch, "| " + touch, "\n" + touch + "\n", "\r", "\t", " ", "*", "?",
                        "[a-z]", "~", "$HOME", "${x:-$(" + touch + ")}", "$((1+1))", "!", "#", "-n", "--", "%s", "%",
                        "\\n", "'; " + touch + "; '", "\"; " + touch + "; \"", "> " + marker, "<(" + touch + ")",
                        "\u00e9", "\u4e2d\u6587", "\ud83d\ude00", "\u0001", "\u007f", "\u200b", "\ufeff", "{a,b}", "&"),
                Arbitraries.strings().excludeChars('\0').ofMaxLength(8).filter(ShellQuoteInjectionTest::validUnicode));
        return pieces.list().ofMaxSize(8).map(l -> String.join("", l));
    }

    private static boolean validUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String echo(String s) throws Exception {
        byte[] out = echoRaw(ShellQuote.quote(s));
        assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), out);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Runs {@code sh -c 'printf %s "$1"' sh WORD} through /bin/sh and returns what it printed. */
    private static byte[] echoRaw(String word) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-s").directory(dir.toFile()).redirectErrorStream(false).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(("sh -c 'printf %s \"$1\"' sh " + word + "\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        p.getErrorStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }
}
