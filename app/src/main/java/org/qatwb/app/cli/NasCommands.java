package org.qatwb.app.cli;

import java.io.PrintWriter;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.SnapshotIssue;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;

/** How the commands that talk to a NAS turn failures into exit codes (CLI.md). */
final class NasCommands {

    private NasCommands() {
    }

    /** Cannot reach or trust the NAS: exit 3. */
    static CliException unreachable(NasConnectionException e) {
        return new CliException(ExitCodes.UNREACHABLE, Snippet.failure(e), e);
    }

    /** One snapshot of the NAS, in one round trip; its warnings go to stderr, one line each. */
    static NasSnapshot snapshot(ConnectionMixin connection, PrintWriter err) {
        try (NasSession session = connection.connect()) {
            NasSnapshot s = new AgentClient(session, connection.sudo).snapshot();
            warnings(s, err);
            return s;
        } catch (NasConnectionException e) {
            throw unreachable(e);
        } catch (AgentFailure e) {
            throw agent(e);
        }
    }

    static void warnings(NasSnapshot s, PrintWriter err) {
        for (SnapshotIssue i : s.issues()) {
            err.println("qatwb: " + i.line());
        }
        err.flush();
    }

    /** The NAS answered, but not usably: the input has problems, exit 1. */
    static CliException agent(AgentFailure e) {
        return new CliException(ExitCodes.INPUT, Snippet.failure(e), e);
    }
}
