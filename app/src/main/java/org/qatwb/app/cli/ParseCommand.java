package org.qatwb.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qatwb parse}: turns captured QAT and ZFS output into JSON. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse captured output into JSON (FILE, or - for stdin).",
        subcommands = {ParseAdfStatusCommand.class, ParseKstatCommand.class, ParseDefaultQatCommand.class,
                ParseBlacklistCommand.class})
final class ParseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to parse: a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("qatwb: parse needs a subcommand: what kind of capture is FILE?");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
