package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.BootJson;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.cli.json.LayoutJson;
import org.qatwb.app.cli.json.LayoutJsonReader;
import org.qatwb.app.cli.json.TxJson;
import org.qatwb.app.usecase.apply.ApplyRequest;
import org.qatwb.app.usecase.apply.RestartCheck;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.RestorePoint;
import org.qatwb.model.apply.TxId;
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
 * {@code qatwb apply CONNECTION LAYOUT.json [--dry-run] [--stage | --restart | --reboot] [--confirm-timeout S]}:
 * compiles a layout file against the NAS's files as they are now, and shows (--dry-run) or applies
 * the result as one transaction on the NAS ({@link Transactions}); {@code --history},
 * {@code --restore TX} and {@code --status TX} show and reuse the transactions the NAS keeps;
 * {@code --confirm TX}, {@code --abort TX} and {@code --unlock TX} end one that has not ended.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply a layout (the JSON of 'qatwb layout', edited or not) to a NAS.",
                "The layout is compiled against the NAS's files as they are now: only what differs is edited, every other byte"
                + " stays. --dry-run prints {\"diff\": ..., \"findings\": [...]} and changes nothing; a layout with error"
                + " findings is never applied. Devices the file does not name keep their configuration.",
                "Applying is one transaction on the NAS: every file is checked against what was read, backed up"
                + " (/var/lib/qatwb/tx/<id>) and written atomically; --restart then restarts QAT, verifies the devices and rolls"
                + " back by itself on failure, or unless this command confirms over a new connection. --stage (the default)"
                + " writes them for the next boot and arms a boot check on the NAS, which verifies them then and puts the old"
                + " files back if the driver refuses them; --reboot also reboots the NAS (after a confirmation; --yes without a"
                + " terminal), waits for it and reports what the check found.",
                "--history lists the transactions the NAS keeps; --restore TX puts back the files as they were before TX (or"
                + " after it), as a new transaction; --status TX says where TX is.",
                "Before anything is written the diff is printed on stderr and, on a terminal, confirmed; without a terminal only"
                + " --yes writes (scripts opt in).",
                "--confirm TX keeps a restarted TX (over a new connection); --abort TX rolls back one awaiting its confirmation"
                + " now, or puts back the files of one staged for the next boot; --unlock TX releases the lock of a TX whose"
                + " process is gone (the NAS first undoes what it left), and refuses, changing nothing, while that process runs"
                + " or TX awaits its confirmation.",
                "The files as they were before qatwb first wrote them stay in /var/lib/qatwb/pristine (--history)."},
        footer = {"",
                "Exit status: 0 applied (or, with --dry-run, applicable), 1 the layout or the NAS's answer has problems (error"
                + " findings: nothing is applied), or the apply was refused, rolled back or not confirmed, 2 usage error (or no"
                + " terminal and no --yes), 3 cannot reach or trust the NAS (a restart it could not confirm rolls back by itself;"
                + " with --reboot, the NAS did not come back in time), 4 an apply that could not be rolled back (or is still"
                + " running).",
                "--reboot: 0 the new layout runs, 1 the boot check rolled it back, 3 not back in time, 4 the rollback at boot"
                + " failed.",
                "--confirm, --abort, --unlock: 0 done, 1 refused (the reason on stderr), 3 as above, 4 a rollback that did not"
                + " complete."})
final class ApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin connection;

    @Parameters(index = "0", arity = "0..1", paramLabel = "LAYOUT.json", description = "the layout file ('-' for stdin)")
    String file;

    @Option(names = "--restore", paramLabel = "TX", description = "put back the files of transaction TX, as a new transaction")
    String restore;

    @Option(names = "--restore-point", paramLabel = "before|after",
            description = "with --restore: the files as they were before TX (its backups, the default) or as TX wrote them")
    String restorePoint;

    @Option(names = "--history", description = "list the transactions the NAS keeps with their backups, newest first")
    boolean history;

    @Option(names = "--status", paramLabel = "TX", description = "where transaction TX is (after a lost connection, say)")
    String status;

    @Option(names = "--confirm", paramLabel = "TX", description = "keep transaction TX, restarted and awaiting its confirmation")
    String confirm;

    @Option(names = "--abort", paramLabel = "TX", description = "roll back TX now (awaiting its confirmation), or put back its staged files")
    String abort;

    @Option(names = "--unlock", paramLabel = "TX", description = "release the lock TX holds when its process is gone (recovered first)")
    String unlock;

    @Option(names = "--dry-run", description = "print the diff and the findings; change nothing")
    boolean dryRun;

    @ArgGroup(exclusive = true)
    When when;

    static final class When {
        @Option(names = "--stage", description = "write the files for the next boot (the default: no ZFS session is disturbed)")
        boolean stage;

        @Option(names = "--restart", description = "write the files and restart QAT now (ZFS offload pauses; rolls back by itself on failure)")
        boolean restart;

        @Option(names = "--reboot", description = "write the files for the next boot, then reboot the NAS (after a confirmation)"
                + " and report what its boot check found: the new layout runs, or the old files are back")
        boolean reboot;
    }

    @Option(names = "--reboot-timeout", paramLabel = "S",
            description = "with --reboot: seconds to wait for the NAS to go down, come back and check the layout (default 600)")
    Integer rebootTimeout;

    @Option(names = "--yes", description = "write (and with --reboot, reboot) without asking: the diff is still printed;"
            + " without a terminal, writing needs --yes")
    boolean yes;

    /** How long --reboot waits by default: a server's firmware alone may take minutes. */
    static final Duration DEFAULT_REBOOT_TIMEOUT = ApplyRequest.DEFAULT_REBOOT_LIMIT;

    @Option(names = "--confirm-timeout", paramLabel = "S", description = "seconds the NAS waits for confirmation before rolling back (default 120)")
    Integer confirmTimeout;

    @Override
    public Integer call() {
        checkUsage();
        Duration timeout = timeout();
        if (file == null) {
            return transactions(timeout);
        }
        Layout wanted = read();
        return onNas((client, err) -> {
            NasSnapshot snapshot = client.snapshot();
            NasCommands.warnings(snapshot, err);
            Baseline base = Baseline.of(snapshot);
            Compilation c = LayoutCompiler.compile(base, rebase(base, wanted));
            ObjectNode doc = LayoutJson.compilation(c);
            printReadable(c, err);
            if (!c.applicable()) {
                JsonOut.print(spec.commandLine().getOut(), doc);
                throw new CliException(ExitCodes.INPUT, "the layout has " + c.errors() + " error finding(s)"
                        + (dryRun ? "" : "; nothing was applied"));
            }
            if (dryRun || c.files().isEmpty()) {
                if (!dryRun) {
                    err.println("qatwb: the NAS's files are already what the layout says: nothing to change");
                    err.flush();
                }
                JsonOut.print(spec.commandLine().getOut(), doc);
                return ExitCodes.OK;
            }
            if (when() == org.qatwb.app.usecase.apply.When.RESTART) {
                // before the restart: whether it can apply the layout at all (the driver refuses held devices)
                err.println("qatwb: " + RestartCheck.of(snapshot.qatHeldByZfs(), RestartCheck.RebootAdvice.CLI).line());
                err.flush();
            }
            DiffConfirmation.confirm(c.diff(), c.files().size() + " file(s)", client.session().spec().host(), yes, err);
            ApplyRequest request = ApplyRequest.of(c.applyPlan(when().mode(), timeout), when(), rebootLimit());
            return print(doc, new Transactions(client, err).run(request, c.files().size() + " file(s)",
                    () -> confirmReboot(client)));
        });
    }

    /** --history, --restore TX, --status TX: the transactions the NAS keeps. */
    private int transactions(Duration timeout) {
        return onNas((client, err) -> {
            Transactions t = new Transactions(client, err);
            if (history) {
                JsonOut.print(spec.commandLine().getOut(), TxJson.history(t.history()));
                return ExitCodes.OK;
            }
            Transactions.Result r;
            if (restore != null) {
                DiffConfirmation.confirmRestore(client, restore, point(), yes, err);
                ApplyRequest request = new ApplyRequest(new ApplyRequest.Restore(restore, point()), when(), timeout, rebootLimit());
                r = t.run(request, "the files " + point().wire() + " transaction " + restore, () -> confirmReboot(client));
            } else if (confirm != null) {
                r = t.confirm(confirm);
            } else if (abort != null) {
                r = t.abort(abort);
            } else if (unlock != null) {
                r = t.unlock(unlock);
            } else {
                r = t.status(status);
            }
            return print(JsonOut.object(), r);
        });
    }

    /** The document with the transaction in it, once, on stdout; the exit code its outcome gives. */
    private int print(ObjectNode doc, Transactions.Result r) {
        doc.set("transaction", TxJson.outcome(r.outcome()));
        if (rebooting()) {
            doc.set("bootCheck", BootJson.lastBootCheck(r.bootCheck()));
        }
        JsonOut.print(spec.commandLine().getOut(), doc);
        return r.exitCode();
    }

    /** Work on the NAS over one session; failing to reach it is exit 3, an unusable answer exit 1. */
    @FunctionalInterface
    private interface OnNas {
        int run(AgentClient client, PrintWriter err) throws NasConnectionException, AgentFailure;
    }

    private int onNas(OnNas work) {
        try (NasSession session = connection.connect()) {
            return work.run(new AgentClient(session, connection.sudo), spec.commandLine().getErr());
        } catch (NasConnectionException e) {
            throw NasCommands.unreachable(e);
        } catch (AgentFailure e) {
            throw NasCommands.agent(e);
        }
    }

    /**
     * Exactly one of LAYOUT.json, --history, --restore, --status, --confirm, --abort, --unlock; each
     * option only where it means something.
     */
    private void checkUsage() {
        int asked = (file != null ? 1 : 0) + (history ? 1 : 0);
        for (String tx : new String[] {restore, status, confirm, abort, unlock}) {
            asked += tx != null ? 1 : 0;
        }
        if (asked != 1) {
            throw new CliException(ExitCodes.USAGE,
                    "give one of LAYOUT.json, --history, --restore TX, --status TX, --confirm TX, --abort TX, --unlock TX");
        }
        if (dryRun && file == null) {
            throw new CliException(ExitCodes.USAGE, "--dry-run goes with LAYOUT.json");
        }
        if (restorePoint != null && restore == null) {
            throw new CliException(ExitCodes.USAGE, "--restore-point goes with --restore");
        }
        if (yes && (dryRun || history || status != null || confirm != null || abort != null || unlock != null)) {
            throw new CliException(ExitCodes.USAGE, "--yes goes with LAYOUT.json or --restore (it writes nothing else)");
        }
        if ((when != null || confirmTimeout != null) && file == null && restore == null) {
            throw new CliException(ExitCodes.USAGE, "--stage, --restart, --reboot and --confirm-timeout go with LAYOUT.json or --restore");
        }
        if (rebootTimeout != null && !rebooting()) {
            throw new CliException(ExitCodes.USAGE, "--reboot-timeout goes with --reboot");
        }
        if (rebooting() && dryRun) {
            throw new CliException(ExitCodes.USAGE, "--dry-run changes nothing: it does not go with --reboot");
        }
        if (rebooting()) {
            rebootLimit(); // a bad --reboot-timeout is refused before anything is written
        }
        if (rebooting() && !yes && !TerminalPrompts.canAsk()) {
            throw new CliException(ExitCodes.USAGE, "--reboot asks before rebooting the NAS; without a terminal, give --yes");
        }
        for (String tx : new String[] {restore, status, confirm, abort, unlock}) {
            if (tx != null && !TxId.isValid(tx)) {
                throw new CliException(ExitCodes.USAGE, "not a transaction id (YYYYMMDDTHHMMSSZ-xxxxxxxx, as --history"
                        + " lists them): " + Snippet.quote(tx));
            }
        }
    }

    /** --stage (the default), --restart or --reboot. */
    private org.qatwb.app.usecase.apply.When when() {
        if (when != null && when.restart) {
            return org.qatwb.app.usecase.apply.When.RESTART;
        }
        return rebooting() ? org.qatwb.app.usecase.apply.When.REBOOT : org.qatwb.app.usecase.apply.When.STAGE;
    }

    private boolean rebooting() {
        return when != null && when.reboot;
    }

    private Duration rebootLimit() {
        if (rebootTimeout == null) {
            return DEFAULT_REBOOT_TIMEOUT;
        }
        if (rebootTimeout <= 0 || rebootTimeout > 86_400) {
            throw new CliException(ExitCodes.USAGE, "--reboot-timeout takes 1..86400 seconds, not " + rebootTimeout);
        }
        return Duration.ofSeconds(rebootTimeout);
    }

    /** --yes, or the answer on the terminal (checkUsage made sure there is one). */
    private boolean confirmReboot(AgentClient client) {
        return yes || TerminalPrompts.confirm("Reboot " + client.session().spec().destination()
                + " now? Its boot check verifies the staged files and puts the old ones back if the driver refuses them");
    }

    private RestorePoint point() {
        if (restorePoint == null || restorePoint.equals("before")) {
            return RestorePoint.BEFORE;
        }
        if (restorePoint.equals("after")) {
            return RestorePoint.AFTER;
        }
        throw new CliException(ExitCodes.USAGE, "--restore-point takes before or after, not " + Snippet.quote(restorePoint));
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
        String text = InputFiles.readText(file, System.in, LayoutJsonReader.MAX_DOCUMENT_BYTES);
        try {
            return LayoutJsonReader.read(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INPUT, Snippet.excerpt(file) + ": " + Snippet.failure(e), e);
        }
    }

    /** The NAS's layout as read now, with the file's choices. */
    private Layout rebase(Baseline base, Layout wanted) {
        try {
            return base.layout().withChoicesOf(wanted);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INPUT, Snippet.excerpt(file) + ": " + Snippet.failure(e), e);
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
