package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.cli.json.SnapshotJson;
import org.qatwb.app.usecase.KeepAfterReboot;
import org.qatwb.app.usecase.SudoHint;
import org.qatwb.app.usecase.SwitchOffload;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.persist.KeepList;
import org.qatwb.model.persist.PersistOutcome;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qatwb params CONNECTION [--compress on|off] ...}: ZFS's use of QAT, per kind of work. */
@Command(name = "params", mixinStandardHelpOptions = true,
        description = {"Show or set ZFS's QAT parameters, per kind of work.",
                "On: ZFS offloads that work to QAT (writes 0 to zfs_qat_*_disable). Prints the resulting values; null where ZFS"
                + " has no such parameter.",
                "With --keep-after-reboot the parameters that are on are also kept on at every boot (zfs.ko, loaded before"
                + " qat.service, forces them to 1): a systemd unit ordered after qat.service, or on TrueNAS an init script. The"
                + " change is printed as a diff on stderr before it is made, and confirmed on a terminal (without one, only --yes"
                + " makes it). A unit or script edited by hand is replaced only with --replace-edited, or when the user answers"
                + " yes on a terminal."},
        footer = {"",
                "Exit status: 0 done, 1 the kernel or the NAS refused (EPERM: QAT initialisation failed), or keeping after"
                + " reboot was not confirmed or would replace a hand edit, 2 usage error (or keeping after reboot without a"
                + " terminal and without --yes), 3 cannot reach or trust the NAS.",
                "Checksum and encryption offload can trigger OpenZFS issue #14463 (requests pending, use-after-free under"
                + " load); compression is not affected."})
final class ParamsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin connection;

    @Option(names = "--compress", paramLabel = "on|off", description = "QAT for gzip compression")
    String compress;

    @Option(names = "--checksum", paramLabel = "on|off", description = "QAT for SHA-256 checksums")
    String checksum;

    @Option(names = "--encrypt", paramLabel = "on|off", description = "QAT for AES-GCM encryption")
    String encrypt;

    @Option(names = "--keep-after-reboot", description = "keep the parameters that are on (as given, else as they are) on after every boot;"
                + " with all off, remove what keeps them")
    boolean keepAfterReboot;

    @Option(names = "--yes", description = "with --keep-after-reboot: make the change without asking (the diff is still printed)")
    boolean yes;

    @Option(names = "--replace-edited", description = "with --keep-after-reboot: replace a unit or init script edited by hand"
                + " (otherwise refused; on a terminal, asked)")
    boolean replaceEdited;

    @Override
    public Integer call() {
        Map<ZfsParam, Boolean> wanted = new LinkedHashMap<>();
        put(wanted, ZfsParam.COMPRESS, compress);
        put(wanted, ZfsParam.CHECKSUM, checksum);
        put(wanted, ZfsParam.ENCRYPT, encrypt);
        if ((yes || replaceEdited) && !keepAfterReboot) {
            throw new CliException(ExitCodes.USAGE, "--yes and --replace-edited go with --keep-after-reboot");
        }
        List<String> refusals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int exit = ExitCodes.OK;
        try (NasSession session = connection.connect()) {
            AgentClient client = new AgentClient(session, connection.sudo);
            SwitchOffload.Result switched = new SwitchOffload(client, SudoHint.CLI).run(wanted);
            switched.messages().forEach(m -> refusals.add(m.line()));
            NasSnapshot snapshot = switched.snapshot();
            ObjectNode doc = SnapshotJson.params(snapshot.params());
            PersistState persistence = snapshot.persistence();
            if (keepAfterReboot) {
                PersistPlan plan = KeepAfterReboot.plan(snapshot, KeepAfterReboot.keep(snapshot.params(), wanted));
                printPlan(plan);
                Optional<PersistOutcome> outcome = Optional.empty();
                Optional<DiffConfirmation.Refusal> no = plan.changes() ? consent(plan, session.spec().host()) : Optional.empty();
                if (no.isPresent()) {
                    refusals.add(no.get().message());
                    exit = Math.max(exit, no.get().exitCode());
                } else if (plan.changes()) {
                    // consent is in: a hand edit, if the plan replaces one, was chosen (--replace-edited or a yes)
                    KeepAfterReboot.Result kept = new KeepAfterReboot(client, SudoHint.CLI).carryOut(plan, true);
                    outcome = kept.outcome();
                    persistence = outcome.map(PersistOutcome::after)
                            .or(() -> kept.snapshot().map(NasSnapshot::persistence)).orElse(persistence);
                    if (kept.message().problem()) {
                        refusals.add(kept.message().line());
                    } else {
                        notes.add(kept.message().line());
                    }
                }
                doc.set("keepAfterReboot", SnapshotJson.persistChange(plan, outcome));
            }
            doc.set("persistence", SnapshotJson.persistence(persistence));
            JsonOut.print(spec.commandLine().getOut(), doc);
        } catch (NasConnectionException e) {
            throw NasCommands.unreachable(e);
        } catch (AgentFailure e) {
            throw NasCommands.agent(e);
        }
        for (String n : notes) {
            spec.commandLine().getErr().println("qatwb: " + n);
        }
        for (String r : refusals) {
            spec.commandLine().getErr().println("qatwb: " + r);
        }
        return refusals.isEmpty() ? ExitCodes.OK : Math.max(exit, ExitCodes.INPUT);
    }

    /**
     * Whether the change may be made (its diff is out already): a unit or script edited by hand is
     * replaced only with --replace-edited or a yes on the terminal to that question; anything else
     * with a yes on the terminal, or --yes.
     */
    private Optional<DiffConfirmation.Refusal> consent(PersistPlan plan, String host) {
        String what = KeepAfterReboot.what(plan);
        String where = " on " + Snippet.oneLine(host);
        if (plan.current() instanceof PersistState.Foreign f && !replaceEdited) {
            String edited = "keep after reboot: the " + what + " was edited by hand (" + Snippet.oneLine(f.reason()) + ")";
            return switch (TerminalPrompts.yesNo("Replace the " + what + where + ", edited by hand, as the diff shows? [y/N] ")) {
                case YES -> Optional.empty();
                case NO -> Optional.of(new DiffConfirmation.Refusal(ExitCodes.INPUT, edited + ": not replaced, nothing was changed"));
                case NO_TERMINAL -> Optional.of(new DiffConfirmation.Refusal(ExitCodes.INPUT, edited
                        + ": nothing was changed; to replace it, run again with --replace-edited --yes"));
            };
        }
        return DiffConfirmation.ask("Change the " + what + where + " as the diff shows? [y/N] ", "the " + what, yes)
                .map(r -> new DiffConfirmation.Refusal(r.exitCode(), "keep after reboot: " + r.message()));
    }

    /** The change on stderr, before it is made: what, where, a caution, the diff, the commands. */
    private void printPlan(PersistPlan plan) {
        PrintWriter err = spec.commandLine().getErr();
        String what = KeepAfterReboot.what(plan);
        String kept = plan.keep().isEmpty() ? "nothing" : KeepList.word(plan.keep());
        if (!plan.changes()) {
            err.println("qatwb: " + KeepAfterReboot.unchanged(plan).line());
            return;
        }
        err.println("qatwb: keep after reboot: " + kept + " (" + plan.action().name().toLowerCase(Locale.ROOT) + " the "
                + what + ")");
        plan.caution().ifPresent(c -> err.println("qatwb: caution: " + c));
        err.print(plan.diff());
        plan.steps().forEach(s -> err.println("qatwb: will run: " + s));
        err.flush();
    }

    private static void put(Map<ZfsParam, Boolean> wanted, ZfsParam p, String value) {
        if (value == null) {
            return;
        }
        switch (value) {
            case "on" -> wanted.put(p, true);
            case "off" -> wanted.put(p, false);
            default -> throw new CliException(ExitCodes.USAGE, "--" + p.shortName() + " takes on or off, not '"
                    + value + "'");
        }
    }
}
