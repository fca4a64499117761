package org.qatwb.app.gui.common;

import atlantafx.base.theme.Styles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.qatwb.app.logging.AppLogging;
import org.qatwb.app.logging.Failures;

/**
 * What the window shows when something fails that nothing caught: one dialog with what happened
 * in one line, where the log is, and "Copy details" (the traces, for a bug report). A burst of
 * failures (a handler that throws at every frame) adds to the dialog that is open and counts,
 * never fifty dialogs: failures are queued from any thread and drained by one pending
 * {@code Platform.runLater}.
 */
public final class FailureDialog {

    private static final Logger LOG = Logger.getLogger(FailureDialog.class.getName());
    /** Traces kept for "Copy details" per dialog; later failures are only counted. */
    static final int MAX_TRACES = 10;

    private final Window owner;
    private final Queue<Throwable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private Dialog<ButtonType> shown;
    private Label summary;
    private int count;
    private int traces;
    private final StringBuilder details = new StringBuilder();

    private FailureDialog(Window owner) {
        this.owner = owner;
    }

    /** Makes every uncaught failure, logged by {@link Failures}, show in one dialog over {@code owner}. */
    public static FailureDialog install(Window owner) {
        FailureDialog d = new FailureDialog(owner);
        Failures.install(d::report);
        return d;
    }

    /** From any thread. */
    void report(Throwable e) {
        if (queued.incrementAndGet() <= MAX_TRACES * 10) {
            pending.add(e);
        }
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                Platform.runLater(this::drain);
            } catch (IllegalStateException toolkitGone) {
                drainScheduled.set(false); // the window has closed: the log has it
            }
        }
    }

    private void drain() {
        drainScheduled.set(false);
        queued.set(0);
        try {
            for (Throwable e = pending.poll(); e != null; e = pending.poll()) {
                add(e);
            }
        } catch (RuntimeException broken) {
            // never back into the uncaught handler from here: that would loop
            LOG.log(Level.SEVERE, "the failure dialog failed", broken);
        }
    }

    private void add(Throwable e) {
        count++;
        if (traces < MAX_TRACES) {
            traces++;
            StringWriter w = new StringWriter();
            e.printStackTrace(new PrintWriter(w));
            details.append(w).append('\n');
        }
        if (shown == null) {
            shown = dialog(e);
            shown.show();
        } else {
            shown.setHeaderText(count + " unexpected failures inside the workbench");
            summary.setText("First: " + summary.getUserData() + " (and " + (count - 1) + " more)");
        }
    }

    private Dialog<ButtonType> dialog(Throwable first) {
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null && owner.getScene() != null) {
            d.initOwner(owner);
        }
        d.setTitle("QAT Workbench: internal error");
        d.setHeaderText("Something went wrong inside the workbench");
        String kind = Failures.kind(first);
        summary = new Label(kind);
        summary.setUserData(kind);
        summary.setId("failure-summary");
        summary.setWrapText(true);
        summary.setMaxWidth(560);
        Label where = new Label(AppLogging.file()
                .map(f -> "The trace is in " + f + ". ")
                .orElse("Logging is off, so \"Copy details\" is the only record. ")
                + "The workbench keeps running; the action you were doing may not have finished: read the NAS"
                + " again (F5) before you trust what the window shows.");
        where.setId("failure-log");
        where.setWrapText(true);
        where.setMaxWidth(560);
        where.getStyleClass().add(Styles.TEXT_MUTED);
        d.getDialogPane().setContent(new VBox(10, summary, where));
        d.getDialogPane().setId("failure-dialog");
        ButtonType copy = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);
        d.getDialogPane().getButtonTypes().addAll(copy, ButtonType.CLOSE);
        Button copyButton = (Button) d.getDialogPane().lookupButton(copy);
        copyButton.setId("failure-copy");
        // copying must not close the dialog
        copyButton.addEventFilter(ActionEvent.ACTION, ev -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(details());
            Clipboard.getSystemClipboard().setContent(c);
            ev.consume();
        });
        d.setOnHidden(ev -> {
            shown = null;
            count = 0;
            traces = 0;
            details.setLength(0);
        });
        return d;
    }

    /** What "Copy details" copies: the version, the Java and OS, the log's place, the traces. */
    String details() {
        return "qatwb 0.1.0-SNAPSHOT on Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n"
                + AppLogging.file().map(f -> "log: " + f + "\n").orElse("")
                + count + " failure" + (count == 1 ? "" : "s") + "\n\n" + details;
    }
}
