package org.qatwb.app.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        footer = {"",
                "Exit status: 0 success, 1 the input has problems, 2 usage error, 3 cannot reach or trust the NAS, 4 an apply"
                + " that could not be rolled back."})
public final class QatwbCommand implements Runnable {

    private static final Logger LOG = Logger.getLogger(QatwbCommand.class.getName());

    /**
     * The subcommands by name, in the order the help lists them. Not in the {@code @Command}
     * annotation: picocli would build the model of every one of them (their annotations, by
     * reflection) at each start, most of the CLI's start time (docs/benchmarks.md, "Cost at rest");
     * a run builds only what its arguments name ({@link #needed}). The names are the ones in each
     * class's {@code @Command}; QatwbCommandTest checks that they agree.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("parse", ParseCommand.class);
        m.put("lint", LintCommand.class);
        m.put("rules", RulesCommand.class);
        m.put("sim", SimCommand.class);
        m.put("snapshot", SnapshotCommand.class);
        m.put("watch", WatchCommand.class);
        m.put("params", ParamsCommand.class);
        m.put("doctor", DoctorCommand.class);
        m.put("layout", LayoutCommand.class);
        m.put("apply", ApplyCommand.class);
        m.put("zia", ZiaCommand.class);
        m.put("irq", IrqCommand.class);
        m.put("exporter", ExporterCommand.class);
        m.put("bench", BenchCommand.class);
        return Collections.unmodifiableMap(m);
    }

    /** The options of {@code qatwb} whose handling needs no subcommand (none of its options takes a value). */
    private static final Set<String> NO_SUBCOMMAND_NEEDED = Set.of("-V", "--version", "--verbose");

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
        CommandLine cl = commandLine(new OutputStreamWriter(stdout, charset), new OutputStreamWriter(stderr, charset), args);
        int exit = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return exit;
    }

    /**
     * The configured command line with every subcommand, writing to {@code out} and {@code err},
     * both through {@link TerminalSink}.
     */
    public static CommandLine commandLine(Writer out, Writer err) {
        return commandLine(out, err, SUBCOMMANDS.keySet());
    }

    /** The configured command line for running {@code args}: with only the subcommands they need. */
    public static CommandLine commandLine(Writer out, Writer err, String... args) {
        return commandLine(out, err, needed(args));
    }

    private static CommandLine commandLine(Writer out, Writer err, Collection<String> subcommands) {
        CommandLine cl = new SinkOnly(new QatwbCommand());
        // before the writers and handlers below: picocli hands them only to the subcommands it has
        for (String name : subcommands) {
            cl.addSubcommand(name, SUBCOMMANDS.get(name));
        }
        // picocli colours its help with escape sequences on a terminal, which the sink would show as text
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler(QatwbCommand::onException);
        cl.setParameterExceptionHandler(QatwbCommand::onBadUsage);
        return cl;
    }

    /**
     * The subcommands a run of {@code args} needs. The first argument that is not an option names
     * the subcommand (the options of {@code qatwb} itself take no value): a known name after no
     * option but {@code --verbose} or {@code --version} needs only that one. Anything else needs
     * them all: the help (its usage lists them, also {@code qatwb --help lint}), no subcommand
     * (the same usage), an unknown name (for picocli's "Unknown subcommand" and its suggestion),
     * an unknown option, {@code --}, an {@code @file}. {@code --version} alone needs none.
     */
    static Collection<String> needed(String... args) {
        boolean version = false;
        for (String a : args) {
            if (!a.startsWith("-") && SUBCOMMANDS.containsKey(a)) {
                return List.of(a);
            }
            if (!NO_SUBCOMMAND_NEEDED.contains(a)) {
                return SUBCOMMANDS.keySet();
            }
            version |= !a.equals("--verbose");
        }
        return version ? List.of() : SUBCOMMANDS.keySet();
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
