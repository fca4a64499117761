package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qatwb.app.cli.json.ParseJson;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.etc.VfBlacklistParser;
import org.qatwb.model.parse.ParseException;
import picocli.CommandLine.Command;

/** {@code qatwb parse blacklist FILE}. */
@Command(name = "blacklist", mixinStandardHelpOptions = true,
        description = {"Parse /etc/modprobe.d/blacklist-qat-vfs.conf as modprobe reads it.",
                "A blocked VF driver keeps the host (and ZFS) from using that card's VFs."})
final class ParseBlacklistCommand extends ParseFileCommand<VfBlacklist> {

    @Override
    VfBlacklist parse(String text) throws ParseException {
        return VfBlacklistParser.parse(text);
    }

    @Override
    ObjectNode json(VfBlacklist parsed) {
        return ParseJson.blacklist(parsed);
    }
}
