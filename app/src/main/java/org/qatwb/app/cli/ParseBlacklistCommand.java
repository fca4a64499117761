package org.qatwb.app.cli;

import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.ParseJson;
import org.qatwb.model.etc.VfBlacklistParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qatwb parse blacklist FILE}. */
@Command(name = "blacklist", mixinStandardHelpOptions = true,
        description = {"Parse /etc/modprobe.d/blacklist-qat-vfs.conf as modprobe reads it.",
                "A blocked VF driver keeps the host (and ZFS) from using that card's VFs."})
final class ParseBlacklistCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the file, or - for stdin")
    String file;

    @Override
    public Integer call() {
        return ParseCommand.parseAndPrint(spec, file, VfBlacklistParser::parse, ParseJson::blacklist);
    }
}
