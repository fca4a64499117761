package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.app.cli.NasCommandsEndToEndTest.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.model.parse.TerminalText;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/**
 * Whatever a NAS or an argument holds, nothing reaches the terminal that it would take as a command:
 * the CLI's stdout and stderr, as a real run sets them up, carry every escape sequence escaped.
 */
class TerminalEscapesEndToEndTest {

    private static final String UNIT = "etc/systemd/system/" + ZfsQatUnit.NAME;

    /** A retitle (OSC 0), a screen clear, the same by a C1 CSI, a CR that overwrites, a bidi override. */
    private static final String HOSTILE = "Description=\u001b]0;owned\u0007\u001b[2J\u009b1A\rqatwb: will run: nothing"
            + "\u202egnihton";

    @Test
    void aUnitFileFullOfEscapesIsShownEscapedAndTheWillRunLinesStayIntact() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            String mine = ZfsQatUnit.text(EnumSet.of(ZfsParam.COMPRESS)).replace("Wants=qat.service\n",
                    "Wants=qat.service\n" + HOSTILE + "\n");
            Files.writeString(nas.root().resolve(UNIT), mine);

            CliRun run = cli("params", nas, "--keep-after-reboot", "--replace-edited", "--yes");

            assertEquals(0, run.exit(), run.err());
            assertNothingRaw(run.err());
            assertNothingRaw(run.out());
            assertTrue(run.err().contains("\n-Description=\\u001b]0;owned\\u0007\\u001b[2J\\u009b1A\\rqatwb: will run:"
                    + " nothing\\u202egnihton\n"), "the old line, escaped and whole: " + run.err());
            List<String> willRun = run.err().lines().filter(l -> l.contains("will run:")).toList();
            assertTrue(run.json().get("keepAfterReboot").get("steps").size() > 0, run.out());
            run.json().get("keepAfterReboot").get("steps")
                    .forEach(s -> assertTrue(willRun.contains("qatwb: will run: " + s.asText()), s + " in " + willRun));

            // stdout's JSON is equal in meaning: the diff read back holds the NAS's bytes exactly
            String diff = run.json().get("keepAfterReboot").get("diff").asText();
            assertTrue(diff.contains("\n-" + HOSTILE + "\n"), diff);
        }
    }

    @Test
    void aVerboseStackTraceIsEscapedToo(@TempDir Path dir) {
        CliRun run = CliRun.of("snapshot", "--host", "nas\u001b[2J\u009b2J.invalid", "--port", "1",
                "--known-hosts", dir.resolve("known_hosts").toString(), "--identity", dir.resolve("id").toString(),
                "--verbose");

        assertEquals(ExitCodes.UNREACHABLE, run.exit(), run.err());
        assertTrue(run.err().contains("\tat "), "a stack trace, its tabs kept: " + run.err());
        assertNothingRaw(run.err());
        assertTrue(run.err().contains("nas\\u001b[2J\\u009b2J.invalid"), run.err());
    }

    @Test
    void picocliEchoingAnArgumentIsEscaped() {
        CliRun run = CliRun.of("rules", "--no-such\u001b]0;owned\u0007\u2066option");

        assertEquals(ExitCodes.USAGE, run.exit(), run.err());
        assertNothingRaw(run.err());
        assertTrue(run.err().contains("--no-such\\u001b]0;owned\\u0007\\u2066option"), run.err());
    }

    @Test
    void aRealRunEscapesOnTheProcessStreamsAndLeavesNoWayAroundTheSink() {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = QatwbCommand.run("rules", "--x\u001b[2J\u009b2J");
            // what a library or a stray println would write after the run set things up
            System.out.println("stray \u001b]0;owned\u0007");
            System.out.flush();
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.USAGE, exit, stderr);
        assertNothingRaw(stderr);
        assertNothingRaw(stdout);
        assertTrue(stderr.contains("--x\\u001b[2J\\u009b2J"), stderr);
        assertTrue(stdout.contains("stray \\u001b]0;owned\\u0007\n"), stdout);
    }

    private static void assertNothingRaw(String text) {
        int at = TerminalText.firstEscaped(text, 0, text.length());
        assertEquals(-1, at, () -> "a raw U+" + Integer.toHexString(text.charAt(at)) + " at " + at + " in: " + text);
    }
}
