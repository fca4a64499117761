package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A {@code qatwb parse} subcommand: reads FILE (or stdin), parses it with a {@code model} parser
 * and prints the JSON; bad input is exit 1 with one line naming the file.
 */
abstract class ParseFileCommand<T> implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the captured output or file, or - for stdin")
    String file;

    abstract T parse(String text) throws ParseException;

    abstract ObjectNode json(T parsed);

    @Override
    public Integer call() {
        String text = InputFiles.readText(file, System.in);
        T parsed;
        try {
            parsed = parse(text);
        } catch (ParseException e) {
            throw new CliException(ExitCodes.INPUT, Snippet.excerpt(file) + ": " + Snippet.failure(e), e);
        }
        JsonOut.print(spec.commandLine().getOut(), json(parsed));
        return ExitCodes.OK;
    }
}
