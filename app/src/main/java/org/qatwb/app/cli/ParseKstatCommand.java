package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qatwb.app.cli.json.ParseJson;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.NamedKstat;
import org.qatwb.model.parse.ParseException;
import picocli.CommandLine.Command;

/** {@code qatwb parse kstat FILE}. */
@Command(name = "kstat", mixinStandardHelpOptions = true,
        description = {"Parse an SPL named kstat, such as /proc/spl/kstat/zfs/qat.",
                "Every row is kept, known or not, with its exact value."},
        footer = {"", "Exit status: 0 parsed (warnings are in the JSON), 1 not a kstat or truncated, 2 usage error."})
final class ParseKstatCommand extends ParseFileCommand<NamedKstat> {

    @Override
    NamedKstat parse(String text) throws ParseException {
        return KstatParser.parse(text);
    }

    @Override
    ObjectNode json(NamedKstat parsed) {
        return ParseJson.kstat(parsed);
    }
}
