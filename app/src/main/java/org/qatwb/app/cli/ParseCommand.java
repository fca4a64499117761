package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.model.parse.ParseException;
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

    /** A parser from {@code model}. */
    interface TextParser<T> {
        T parse(String text) throws ParseException;
    }

    /** Reads FILE (or stdin), parses it, prints the JSON; bad input is exit 1 with one line naming the file. */
    static <T> int parseAndPrint(CommandSpec spec, String file, TextParser<T> parser, Function<T, ObjectNode> json) {
        String text = InputFiles.readText(file, System.in);
        T parsed;
        try {
            parsed = parser.parse(text);
        } catch (ParseException e) {
            throw new CliException(ExitCodes.INPUT, file + ": " + e.getMessage(), e);
        }
        JsonOut.print(spec.commandLine().getOut(), json.apply(parsed));
        return ExitCodes.OK;
    }
}
