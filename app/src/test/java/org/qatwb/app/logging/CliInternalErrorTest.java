package org.qatwb.app.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qatwb.app.cli.ExitCodes;
import org.qatwb.app.cli.QatwbCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A command that fails unexpectedly: one line on stderr naming the log, the trace in the log only. */
class CliInternalErrorTest {

    @TempDir
    Path dir;

    @AfterEach
    void quiet() {
        AppLogging.configure(AppLogging.Mode.CLI, dir.resolve("after"), Optional.of(Level.OFF));
    }

    @Command(name = "boom")
    static final class Boom implements Runnable {
        @Override
        public void run() {
            throw new NullPointerException(); // no message: the line must still say something
        }
    }

    @Test
    void anUnexpectedExceptionIsOneLineNamingTheLogAndTheTraceIsInTheLog() throws Exception {
        Path log = AppLogging.configure(AppLogging.Mode.CLI, dir, Optional.empty());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = QatwbCommand.commandLine(out, err);
        cl.addSubcommand("boom", new Boom());
        cl.setErr(new java.io.PrintWriter(err)); // a subcommand added later gets the root's writers again
        int exit = cl.execute("boom");
        cl.getErr().flush();

        assertEquals(ExitCodes.INPUT, exit, "CLI.md fixes no code of its own for an internal error: 1, as before");
        String[] lines = err.toString().strip().split("\n");
        assertEquals(1, lines.length, err.toString());
        assertEquals("qatwb: internal error: NullPointerException (no message); details in " + log, lines[0]);
        assertFalse(err.toString().contains("null;"), err.toString());
        String logged = Files.readString(log);
        assertTrue(logged.contains("ERROR") && logged.contains("at org.qatwb.app.logging.CliInternalErrorTest$Boom.run"), logged);
    }

    @Test
    void withLoggingOffTheLineSaysHowToSeeMore() {
        AppLogging.configure(AppLogging.Mode.CLI, dir, Optional.of(Level.OFF));
        StringWriter err = new StringWriter();
        CommandLine cl = QatwbCommand.commandLine(new StringWriter(), err);
        cl.addSubcommand("boom", new Boom());
        cl.setErr(new java.io.PrintWriter(err));
        cl.execute("boom");
        cl.getErr().flush();
        assertEquals("qatwb: internal error: NullPointerException (no message) (run with --verbose for details)",
                err.toString().strip());
        assertFalse(Files.exists(dir.resolve("cli.log")));
    }
}
