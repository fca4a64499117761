package org.qatwb.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile strings, quoted by ShellQuote into {@code sh -c 'printf %s "$1"' sh <quoted>} (the way
 * an SSH server runs a command line: one more shell parses it), come back byte for byte, and
 * nothing in them runs: a command that would create a marker file never does.
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
        Files.deleteIfExists(dir);
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
