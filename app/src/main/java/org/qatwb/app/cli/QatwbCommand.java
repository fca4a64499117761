package org.qatwb.app.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qatwb.app.logging.AppLogging;
import org.qatwb.app.logging.Failures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code qatwb} command line (CLI.md). */
@Command(name = "qatwb", mixinStandardHelpOptions = true, version = "qatwb 0.1.0-SNAPSHOT",
        description = {"QAT Workbench: Intel QuickAssist offload for OpenZFS.",
                "JSON on stdout, messages on stderr."},
        subcommands = {ParseCommand.class, LintCommand.class, RulesCommand.class, SimCommand.class,
                SnapshotCommand.class, WatchCommand.class, ParamsCommand.class, DoctorCommand.class, LayoutCommand.class,
                ApplyCommand.class, ZiaCommand.class, IrqCommand.class},
        footer = {"",
                "Exit status: 0 success, 1 the input has problems, 2 usage error, 3 cannot reach or trust the NAS, 4 an apply"
                + " that could not be rolled back."})
public final class QatwbCommand implements Runnable {

    private static final Logger LOG = Logger.getLogger(QatwbCommand.class.getName());

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "more detail, and stack traces, on stderr")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * A real run, on the process's stdout and stderr. System.out and System.err are replaced by
     * escaping streams as well, so that a library or a stray println cannot bypass the sink either.
     */
    public static int run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        Charset charset = terminalCharset();
        System.setOut(TerminalSink.printStream(stdout, charset));
        System.setErr(TerminalSink.printStream(stderr, charset));
        CommandLine cl = commandLine(new OutputStreamWriter(stdout, charset), new OutputStreamWriter(stderr, charset));
        int exit = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return exit;
    }

    /** The configured command line writing to {@code out} and {@code err}, both through {@link TerminalSink}. */
    public static CommandLine commandLine(Writer out, Writer err) {
        CommandLine cl = new SinkOnly(new QatwbCommand());
        // picocli colours its help with escape sequences on a terminal, which the sink would show as text
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler(QatwbCommand::onException);
        cl.setParameterExceptionHandler(QatwbCommand::onBadUsage);
        return cl;
    }

    /** The charset the JVM writes stdout in (what picocli itself would use). */
    private static Charset terminalCharset() {
        String name = System.getProperty("sun.stdout.encoding");
        try {
            return name != null ? Charset.forName(name) : Charset.defaultCharset();
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /**
     * A command line whose out and err always pass through the sink, whoever sets them later
     * (picocli hands the root's writers down to every subcommand).
     */
    private static final class SinkOnly extends CommandLine {
        SinkOnly(Object command) {
            super(command);
        }

        @Override
        public CommandLine setOut(PrintWriter out) {
            return super.setOut(TerminalSink.printWriter(out));
        }

        @Override
        public CommandLine setErr(PrintWriter err) {
            return super.setErr(TerminalSink.printWriter(err));
        }
    }

    private static int onException(Exception ex, CommandLine cl, ParseResult result) {
        PrintWriter err = cl.getErr();
        if (ex instanceof CliException ce) {
            LOG.log(Level.WARNING, "exit " + ce.exitCode() + ": " + ce.getMessage(), ce.getCause());
            err.println("qatwb: " + ce.getMessage());
            if (verbose(result)) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ce.exitCode();
        }
        // one line, the trace in the log file (Failures); the terminal sees a trace only with --verbose
        err.println("qatwb: " + Failures.internalError(ex)
                + (verbose(result) || AppLogging.file().isPresent() ? "" : " (run with --verbose for details)"));
        if (verbose(result)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INPUT;
    }

    private static int onBadUsage(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("qatwb: " + ex.getMessage());
        err.println("see '" + cl.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** Whether --verbose was given on the command or any subcommand it ran. */
    private static boolean verbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
