package org.qatwb.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qatwb parse}: turns captured QAT and ZFS output into JSON. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse captured output into JSON (FILE, or - for stdin).",
        subcommands = {ParseAdfStatusCommand.class, ParseKstatCommand.class})
final class ParseCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
