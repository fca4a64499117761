package org.qatwb.app.cli;

import org.qatwb.model.parse.Snippet;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.agent.AgentFailure;

/** How the commands that talk to a NAS turn failures into exit codes (CLI.md). */
final class NasCommands {

    private NasCommands() {
    }

    /** Cannot reach or trust the NAS: exit 3. */
    static CliException unreachable(NasConnectionException e) {
        return new CliException(ExitCodes.UNREACHABLE, Snippet.oneLine(e.getMessage()), e);
    }

    /** The NAS answered, but not usably: the input has problems, exit 1. */
    static CliException agent(AgentFailure e) {
        return new CliException(ExitCodes.INPUT, Snippet.oneLine(e.getMessage()), e);
    }
}
