package org.qatwb.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.qatwb.model.apply.RestorePoint;
import org.qatwb.model.apply.TxFile;
import org.qatwb.model.apply.TxRecord;
import org.qatwb.model.parse.Snippet;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;

/**
 * Nothing is written to a NAS before the user saw what: the diff of every file goes to stderr
 * first; then, on a terminal, the user is asked; without one (a script, CI) only an explicit
 * {@code --yes} goes on, so that no script writes root-read files by accident.
 */
final class DiffConfirmation {

    private DiffConfirmation() {
    }

    /** Why nothing is written, and the exit status that says so. */
    record Refusal(int exitCode, String message) {
    }

    /**
     * Prints {@code diff} and goes on only when the user agrees.
     *
     * @param what the question's object, "3 file(s)"
     * @param host where they go
     * @param yes  --yes was given: do not ask
     * @throws CliException exit 1 when the user said no, exit 2 without a terminal and without --yes
     */
    static void confirm(String diff, String what, String host, boolean yes, PrintWriter err) {
        err.print(diff.endsWith("\n") || diff.isEmpty() ? diff : diff + "\n");
        err.flush();
        Optional<Refusal> no = ask("Write " + what + " to " + Snippet.oneLine(host) + "? [y/N] ", what, yes);
        if (no.isPresent()) {
            throw new CliException(no.get().exitCode(), no.get().message());
        }
    }

    /**
     * Asks {@code question} (the diff is out already): empty to go on, else why not. With
     * {@code yes} nothing is asked.
     */
    static Optional<Refusal> ask(String question, String what, boolean yes) {
        if (yes) {
            return Optional.empty();
        }
        return switch (TerminalPrompts.yesNo(question)) {
            case YES -> Optional.empty();
            case NO -> Optional.of(new Refusal(ExitCodes.INPUT, "not confirmed: nothing was written"));
            case NO_TERMINAL -> Optional.of(new Refusal(ExitCodes.USAGE, "nothing was written: " + what
                    + " would change, and without a terminal to confirm on, a script must opt in with --yes"));
        };
    }

    /**
     * {@link #confirm} for a restore of {@code txId}: what it puts back, from the NAS's history;
     * nothing is asked when the NAS keeps no such transaction (the restore then refuses by itself).
     */
    static void confirmRestore(AgentClient client, String txId, RestorePoint point, boolean yes, PrintWriter err)
            throws NasConnectionException, AgentFailure {
        Optional<String> what = restoreSummary(client.history(), txId, point);
        if (what.isPresent()) {
            confirm(what.get(), "the files as they were " + point.wire() + " " + txId, client.session().spec().host(),
                    yes, err);
        }
    }

    /**
     * What a restore of {@code txId} puts back, file by file, for {@link #confirm}: the NAS keeps the
     * backups' bytes, the client has only their sha256 (the history), so each line names the file and
     * the version it gets back. Empty when the NAS keeps no transaction {@code txId}: the restore then
     * refuses by itself, and nothing needs confirming.
     */
    static Optional<String> restoreSummary(List<TxRecord> history, String txId, RestorePoint point) {
        return history.stream().filter(r -> r.id().equals(txId)).findFirst().map(r -> {
            StringBuilder out = new StringBuilder("qatwb: --restore " + txId + " puts back the files as they were "
                    + point.wire() + " it:\n");
            for (TxFile f : r.files()) {
                Optional<String> sum = point == RestorePoint.BEFORE ? f.before() : f.after();
                out.append("  ").append(f.path()).append(": ").append(sum
                        .map(s -> "its bytes with sha256 " + s.substring(0, Math.min(12, s.length())) + "...")
                        .orElse("removed (there was none " + point.wire() + " it)")).append('\n');
            }
            return out.toString();
        });
    }
}
