package org.qatwb.app.cli;

import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.ParseJson;
import org.qatwb.model.adf.AdfStatusParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qatwb parse adf-status FILE}. */
@Command(name = "adf-status", mixinStandardHelpOptions = true,
        description = {"Parse the output of 'adf_ctl status' (or 'qat_service status').",
                "Each device gets the conf file the driver reads for it."},
        footer = {"", "Exit status: 0 parsed (warnings are in the JSON), 1 not a status output, 2 usage error."})
final class ParseAdfStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a captured status output, or - for stdin")
    String file;

    @Override
    public Integer call() {
        return ParseCommand.parseAndPrint(spec, file, AdfStatusParser::parse, ParseJson::adfStatus);
    }
}
