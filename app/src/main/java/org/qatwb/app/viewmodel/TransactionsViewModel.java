package org.qatwb.app.viewmodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.qatwb.app.usecase.apply.ApplyProgress;
import org.qatwb.app.usecase.apply.ApplyRequest;
import org.qatwb.app.usecase.apply.ApplyResult;
import org.qatwb.app.usecase.apply.RestartCheck;
import org.qatwb.app.usecase.apply.When;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.FileChange;
import org.qatwb.model.apply.RestorePoint;
import org.qatwb.model.apply.TxRecord;
import org.qatwb.model.history.EventKind;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * Transactions on the NAS: applying one (a layout, a doctor's file fix, a restore) through the use
 * case the CLI runs too ({@link org.qatwb.app.usecase.apply.ApplyUseCase}), and the history of applied
 * ones. {@link #applyingProperty()} while one runs, its steps in the tab's activity line;
 * {@link #resultProperty()} the latest result with the request it answers, {@link #historyProperty()}
 * the history last read, {@link #readingHistoryProperty()} while it is read and
 * {@link #historyFailureProperty()} why the last read failed. No completion
 * callbacks: whoever asked watches these. UI thread only.
 */
public final class TransactionsViewModel {

    private final NasViewModel nas;
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Applied> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<TxRecord>> history = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper readingHistory = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper historyFailure = new ReadOnlyStringWrapper("");
    /** Applies asked for and not finished (they queue behind one another on the NAS's requests). */
    private int unfinished;
    /** History reads asked for and not finished. */
    private int unfinishedReads;

    TransactionsViewModel(NasViewModel nas) {
        this.nas = nas;
    }

    /**
     * An apply is on its way or waits for the NAS (a reboot, the boot check). It turns false after
     * the last one's {@link #resultProperty()}: an apply not answered by then failed (a notice says why).
     */
    public ReadOnlyBooleanProperty applyingProperty() {
        return applying.getReadOnlyProperty();
    }

    /**
     * An apply that ended with a result, and the request it answers (the very object given to
     * {@link #apply}, so that whoever asked knows its own among the tab's applies).
     */
    public record Applied(ApplyRequest request, ApplyResult result) {
    }

    /** The latest apply that ended with a result; null before the first. One that failed is a notice only. */
    public ReadOnlyObjectProperty<Applied> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /**
     * The NAS's applied transactions, newest first, as last read by {@link #loadHistory()}. A read
     * that finds what the last one found changes nothing here (JavaFX compares by equals): whoever
     * waits for a read watches {@link #readingHistoryProperty()} turn false.
     */
    public ReadOnlyObjectProperty<List<TxRecord>> historyProperty() {
        return history.getReadOnlyProperty();
    }

    /** A read of the history is asked and not finished; when it turns false, {@link #historyFailureProperty()} says how the last one ended. */
    public ReadOnlyBooleanProperty readingHistoryProperty() {
        return readingHistory.getReadOnlyProperty();
    }

    /** Why the latest read of the history failed, in one line (a notice says it too); empty when it succeeded. */
    public ReadOnlyStringProperty historyFailureProperty() {
        return historyFailure.getReadOnlyProperty();
    }

    /**
     * Whether "Restart QAT now" can apply a layout on this NAS now: empty when it can (or when that
     * is not known: the NAS then says at the restart), else why not, in the line the CLI prints too
     * ({@link RestartCheck}).
     */
    public Optional<String> restartCannotApply() {
        NasSnapshot s = nas.snapshotProperty().get();
        return RestartCheck.of(s == null ? Optional.empty() : s.qatHeldByZfs(), RestartCheck.RebootAdvice.WINDOW).cannotApply();
    }

    /**
     * Runs {@code request} through the use case the CLI runs too: the transaction, the confirm of a
     * verified restart over a new connection, and for a reboot (the user confirmed it in the
     * dialog) the wait for the NAS and its boot check, each step shown in the activity line. Then
     * the NAS is read again, so that every view shows it as it is now, and the outcome is notified.
     */
    public void apply(ApplyRequest request) {
        String what = switch (request.when()) {
            case STAGE -> "Writing the files for the next boot";
            case RESTART -> "Applying and restarting QAT";
            case REBOOT -> "Staging the files and rebooting the NAS";
        };
        boolean reboot = request.when() == When.REBOOT;
        started(reboot);
        boolean asked = nas.change(request.source() instanceof ApplyRequest.Restore r ? what + " (back to transaction " + r.txId() + ")" : what,
                n -> {
                    // the restart's marker when it runs, not when it was asked (it may wait behind another request)
                    if (request.when() == When.RESTART) {
                        nas.ui().execute(() -> nas.charts().mark(EventKind.RESTART, "QAT restart"));
                    }
                    return n.apply(request, p -> nas.ui().execute(() -> progress(p)));
                }, (ApplyResult r) -> {
                    if (r.rebooted()) {
                        nas.charts().mark(EventKind.RESTART, "NAS rebooted");
                    }
                    result.set(new Applied(request, r));
                    ended(reboot);   // after the result: who waits for its own hears it before applying turns false
                    nas.notify(ApplyNotices.of(r));
                }, failure -> {
                    ended(reboot);
                    nas.notify(new Notice(Notice.Level.ERROR, "Not applied", failure));
                });
        if (!asked) {
            ended(reboot);
        }
    }

    /**
     * Writes one file on the NAS as a staged transaction (checked against the bytes the snapshot
     * read, backed up, written atomically), then reads the NAS again: how the doctor's file fixes
     * are applied.
     */
    public void writeFile(String path, byte[] before, byte[] after) {
        ApplyRequest.Files file = new ApplyRequest.Files(List.of(new FileChange(path,
                before.length == 0 ? Optional.empty() : Optional.of(before), after)), Set.of());
        apply(new ApplyRequest(file, When.STAGE, ApplyPlan.DEFAULT_CONFIRM_TIMEOUT, ApplyRequest.DEFAULT_REBOOT_LIMIT));
    }

    /**
     * Puts back the files of transaction {@code txId} as they were {@code point} it, as a new
     * transaction through the same use case (checks, backups, restart and rollback timer, or reboot).
     */
    public void restore(String txId, RestorePoint point, When when) {
        apply(new ApplyRequest(new ApplyRequest.Restore(txId, point), when, ApplyPlan.DEFAULT_CONFIRM_TIMEOUT,
                ApplyRequest.DEFAULT_REBOOT_LIMIT));
    }

    /** Reads the NAS's applied transactions into {@link #historyProperty()}, newest first. */
    public void loadHistory() {
        historyReads(1);
        boolean asked = nas.change("Reading the transaction history", n -> n.history(), (List<TxRecord> h) -> {
            List<TxRecord> newest = new ArrayList<>(h);
            newest.sort(Comparator.comparing(TxRecord::time).reversed());
            history.set(List.copyOf(newest));
            historyRead("");
        }, this::historyRead);
        if (!asked) {
            historyRead("not connected to the NAS");
        }
    }

    /** A read of the history ended: {@code failure} empty, or why it failed. */
    private void historyRead(String failure) {
        if (!failure.isEmpty()) {
            nas.notify(new Notice(Notice.Level.ERROR, "History not read", failure));
        }
        historyFailure.set(failure);
        historyReads(-1);
    }

    private void historyReads(int delta) {
        unfinishedReads += delta;
        readingHistory.set(unfinishedReads > 0);
    }

    /** A step or a line of the wait, in the activity line while the apply runs. */
    private void progress(ApplyProgress p) {
        if (!applying.get()) {
            return;   // a step delivered after its apply ended: the line belongs to whatever runs now
        }
        if (p instanceof ApplyProgress.Step s) {
            nas.progress((s.step().ok() ? "" : "Failed: ") + Snippet.oneLine(s.step().line()));
        } else if (p instanceof ApplyProgress.Note note) {
            nas.progress(capitalised(note.line()));
        } else if (p instanceof ApplyProgress.Waiting w) {
            nas.progress("Rebooting the NAS: " + w.line());
        }
    }

    private void started(boolean reboot) {
        unfinished++;
        applying.set(true);
        if (reboot) {
            nas.rebooting(1);
        }
    }

    private void ended(boolean reboot) {
        unfinished--;
        applying.set(unfinished > 0);
        if (reboot) {
            nas.rebooting(-1);
        }
    }

    private static String capitalised(String line) {
        return line.isEmpty() ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }
}
