package org.qatwb.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.cli.json.LayoutJson;
import org.qatwb.app.cli.json.LayoutJsonReader;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.layout.Baseline;
import org.qatwb.model.layout.Compilation;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.layout.LayoutCompiler;
import org.qatwb.model.layout.LayoutFinding;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qatwb apply CONNECTION LAYOUT.json [--dry-run] [--stage | --restart] [--confirm-timeout S]}:
 * compiles a layout file against the NAS's files as they are now, and shows (--dry-run) or applies
 * the result.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply a layout (the JSON of 'qatwb layout', edited or not) to a NAS. The layout is compiled",
                "against the NAS's files as they are now: only what differs is edited, every other byte stays.",
                "--dry-run prints {\"diff\": ..., \"findings\": [...]} and changes nothing; a layout with error",
                "findings is never applied. Devices the file does not name keep their configuration."},
        footer = {"", "Exit status: 0 applied (or, with --dry-run, applicable), 1 the layout or the NAS's answer has",
                "problems (error findings: nothing is applied), 2 usage error, 3 cannot reach or trust the NAS,",
                "4 an apply that could not be rolled back."})
final class ApplyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin connection;

    @Parameters(index = "0", paramLabel = "LAYOUT.json", description = "the layout file ('-' for stdin)")
    String file;

    @Option(names = "--dry-run", description = "print the diff and the findings; change nothing")
    boolean dryRun;

    @ArgGroup(exclusive = true)
    When when;

    static final class When {
        @Option(names = "--stage", description = "write the files for the next boot (the default: no ZFS session is disturbed)")
        boolean stage;

        @Option(names = "--restart", description = "write the files and restart QAT now (ZFS offload pauses; rolls back by itself on failure)")
        boolean restart;
    }

    @Option(names = "--confirm-timeout", paramLabel = "S", description = "seconds the NAS waits for confirmation before rolling back (default 120)")
    Integer confirmTimeout;

    @Override
    public Integer call() {
        Duration timeout = timeout();
        Layout wanted = read();
        PrintWriter err = spec.commandLine().getErr();
        try (NasSession session = connection.connect()) {
            AgentClient client = new AgentClient(session, connection.sudo);
            NasSnapshot snapshot = client.snapshot();
            NasCommands.warnings(snapshot, err);
            Baseline base = Baseline.of(snapshot);
            Compilation c = LayoutCompiler.compile(base, rebase(base, wanted));
            JsonOut.print(spec.commandLine().getOut(), LayoutJson.compilation(c));
            printReadable(c, err);
            if (!c.applicable()) {
                throw new CliException(ExitCodes.INPUT, "the layout has " + c.errors() + " error finding(s)"
                        + (dryRun ? "" : "; nothing was applied"));
            }
            if (dryRun) {
                return ExitCodes.OK;
            }
            return apply(client, c.applyPlan(when != null && when.restart ? ApplyMode.RESTART : ApplyMode.STAGE, timeout));
        } catch (NasConnectionException e) {
            throw NasCommands.unreachable(e);
        } catch (AgentFailure e) {
            throw NasCommands.agent(e);
        }
    }

    /**
     * The seam to the NAS-side transaction (issue 5, item 4: backup, atomic writes, restart,
     * verify, the confirm-or-roll-back timer), which is built on {@link ApplyPlan}; until it is
     * there, nothing is written.
     */
    private int apply(AgentClient client, ApplyPlan plan) {
        throw new CliException(ExitCodes.USAGE, "apply: writing to the NAS is not built yet (" + plan.changes().size()
                + " file(s) would change); use --dry-run to see the diff and the findings");
    }

    private Duration timeout() {
        if (confirmTimeout == null) {
            return ApplyPlan.DEFAULT_CONFIRM_TIMEOUT;
        }
        if (confirmTimeout <= 0) {
            throw new CliException(ExitCodes.USAGE, "--confirm-timeout takes a number of seconds above 0, not " + confirmTimeout);
        }
        return Duration.ofSeconds(confirmTimeout);
    }

    /** The layout file, or one line saying where it is wrong. */
    private Layout read() {
        String text = InputFiles.readText(file, System.in);
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CliException(ExitCodes.INPUT, Snippet.excerpt(file) + ": not JSON: line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + Snippet.oneLine(e.getOriginalMessage()), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new CliException(ExitCodes.INPUT, Snippet.excerpt(file) + ": empty, expected a layout (qatwb layout)");
        }
        try {
            return LayoutJsonReader.read(tree);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INPUT, Snippet.excerpt(file) + ": " + e.getMessage(), e);
        }
    }

    /** The NAS's layout as read now, with the file's choices. */
    private Layout rebase(Baseline base, Layout wanted) {
        try {
            return base.layout().withChoicesOf(wanted);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INPUT, Snippet.excerpt(file) + ": " + e.getMessage(), e);
        }
    }

    private static void printReadable(Compilation c, PrintWriter err) {
        for (LayoutFinding f : c.findings()) {
            err.println(ReadableFindings.line(f.path(), f.finding()));
        }
        err.println(c.files().size() + " file(s) change, " + c.errors() + " error(s), "
                + (c.findings().size() - c.errors()) + " other finding(s)");
        err.flush();
    }
}
