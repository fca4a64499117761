package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qatwb.app.cli.json.ParseJson;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.QatDefaultsParser;
import org.qatwb.model.parse.ParseException;
import picocli.CommandLine.Command;

/** {@code qatwb parse default-qat FILE}. */
@Command(name = "default-qat", mixinStandardHelpOptions = true,
        description = {"Parse /etc/default/qat as Intel's qat_service sources it.",
                "sriovEnabled and kapiEnabled say what the service will do at its next start."})
final class ParseDefaultQatCommand extends ParseFileCommand<QatDefaults> {

    @Override
    QatDefaults parse(String text) throws ParseException {
        return QatDefaultsParser.parse(text);
    }

    @Override
    ObjectNode json(QatDefaults parsed) {
        return ParseJson.qatDefaults(parsed);
    }
}
