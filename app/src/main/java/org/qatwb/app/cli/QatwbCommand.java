package org.qatwb.app.cli;

import java.io.PrintWriter;
import org.qatwb.model.parse.Snippet;
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
                ApplyCommand.class},
        footer = {"", "Exit status: 0 success, 1 the input has problems, 2 usage error,",
                "3 cannot reach or trust the NAS, 4 an apply that could not be rolled back."})
public final class QatwbCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "more detail, and stack traces, on stderr")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line; tests set its streams. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new QatwbCommand());
        cl.setExecutionExceptionHandler(QatwbCommand::onException);
        cl.setParameterExceptionHandler(QatwbCommand::onBadUsage);
        return cl;
    }

    private static int onException(Exception ex, CommandLine cl, ParseResult result) {
        PrintWriter err = cl.getErr();
        if (ex instanceof CliException ce) {
            err.println("qatwb: " + ce.getMessage());
            if (verbose(result)) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ce.exitCode();
        }
        err.println("qatwb: internal error: " + Snippet.excerpt(ex.toString())
                + (verbose(result) ? "" : " (run with --verbose for details)"));
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
