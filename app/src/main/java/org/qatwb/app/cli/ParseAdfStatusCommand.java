package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qatwb.app.cli.json.ParseJson;
import org.qatwb.model.adf.AdfStatus;
import org.qatwb.model.adf.AdfStatusParser;
import org.qatwb.model.parse.ParseException;
import picocli.CommandLine.Command;

/** {@code qatwb parse adf-status FILE}. */
@Command(name = "adf-status", mixinStandardHelpOptions = true,
        description = {"Parse the output of 'adf_ctl status' (or 'qat_service status').",
                "Each device gets the conf file the driver reads for it."},
        footer = {"", "Exit status: 0 parsed (warnings are in the JSON), 1 not a status output, 2 usage error."})
final class ParseAdfStatusCommand extends ParseFileCommand<AdfStatus> {

    @Override
    AdfStatus parse(String text) throws ParseException {
        return AdfStatusParser.parse(text);
    }

    @Override
    ObjectNode json(AdfStatus parsed) {
        return ParseJson.adfStatus(parsed);
    }
}
