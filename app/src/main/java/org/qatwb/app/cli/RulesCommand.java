package org.qatwb.app.cli;

import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.cli.json.LintJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qatwb rules}: the rule catalog, with severities and sources. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every lint rule: id, severity, what it checks, and where the knowledge comes from.")
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonOut.print(spec.commandLine().getOut(), LintJson.catalog());
        return ExitCodes.OK;
    }
}
