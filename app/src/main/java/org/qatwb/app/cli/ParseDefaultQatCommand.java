package org.qatwb.app.cli;

import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.ParseJson;
import org.qatwb.model.etc.QatDefaultsParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qatwb parse default-qat FILE}. */
@Command(name = "default-qat", mixinStandardHelpOptions = true,
        description = {"Parse /etc/default/qat as Intel's qat_service sources it.",
                "sriovEnabled and kapiEnabled say what the service will do at its next start."})
final class ParseDefaultQatCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the file, or - for stdin")
    String file;

    @Override
    public Integer call() {
        return ParseCommand.parseAndPrint(spec, file, QatDefaultsParser::parse, ParseJson::qatDefaults);
    }
}
