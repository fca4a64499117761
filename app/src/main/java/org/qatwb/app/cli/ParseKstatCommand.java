package org.qatwb.app.cli;

import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.ParseJson;
import org.qatwb.model.kstat.KstatParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qatwb parse kstat FILE}. */
@Command(name = "kstat", mixinStandardHelpOptions = true,
        description = {"Parse an SPL named kstat, such as /proc/spl/kstat/zfs/qat.",
                "Every row is kept, known or not, with its exact value."},
        footer = {"", "Exit status: 0 parsed (warnings are in the JSON), 1 not a kstat or truncated, 2 usage error."})
final class ParseKstatCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a kstat file or capture, or - for stdin")
    String file;

    @Override
    public Integer call() {
        return ParseCommand.parseAndPrint(spec, file, KstatParser::parse, ParseJson::kstat);
    }
}
