package org.qatwb.app.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.PristineFile;
import org.qatwb.model.apply.TxFile;
import org.qatwb.model.apply.TxHistory;
import org.qatwb.model.apply.TxRecord;
import org.qatwb.model.apply.TxState;
import org.qatwb.model.apply.TxStep;

/** The JSON of a transaction (apply, --restore, --status) and of the NAS's transaction history. */
public final class TxJson {

    private TxJson() {
    }

    /** A transaction with its steps and the driver's messages: {@code "transaction"} of apply. */
    public static ObjectNode outcome(ApplyOutcome o) {
        ObjectNode t = record(o.tx());
        ArrayNode steps = t.putArray("steps");
        o.steps().forEach(s -> step(steps.addObject(), s));
        ArrayNode log = t.putArray("kernelLog");
        o.kernelLog().forEach(log::add);
        return t;
    }

    private static void step(ObjectNode into, TxStep s) {
        into.put("name", s.name()).put("status", s.status().wire()).put("rc", s.rc()).put("message", s.text().strip());
    }

    /**
     * {@code --history}: {@code {"transactions": [...], "pristine": [...]}}, the transactions newest first, and {@code pristine}: the first backup of each
     * file qatwb wrote, {@code sha256} null for a file that did not exist then.
     */
    public static ObjectNode history(TxHistory.Kept kept) {
        ObjectNode doc = JsonOut.object();
        ArrayNode all = doc.putArray("transactions");
        kept.transactions().forEach(r -> all.add(record(r)));
        ArrayNode pristine = doc.putArray("pristine");
        for (PristineFile p : kept.pristine()) {
            ObjectNode f = pristine.addObject();
            f.put("name", p.name());
            f.put("path", p.path());
            if (p.sha256().isPresent()) {
                f.put("sha256", p.sha256().get());
            } else {
                f.putNull("sha256");
            }
            f.put("transaction", p.txId());
        }
        return doc;
    }

    public static ObjectNode record(TxRecord r) {
        ObjectNode t = JsonOut.object();
        t.put("id", r.id());
        t.put("time", r.time().toString());
        t.put("mode", r.mode() == ApplyMode.RESTART ? "restart" : "stage");
        t.put("state", r.state().wire());
        t.put("result", result(r.state().result()));
        if (r.timeout().isPresent()) {
            t.put("confirmTimeout", r.timeout().get().toSeconds());
        } else {
            t.putNull("confirmTimeout");
        }
        t.put("runner", r.runner().orElse(null));
        if (r.restoreOf().isPresent()) {
            ObjectNode s = t.putObject("restoreOf");
            s.put("id", r.restoreOf().get().id());
            s.put("point", r.restoreOf().get().point().wire());
        } else {
            t.putNull("restoreOf");
        }
        ArrayNode files = t.putArray("files");
        r.files().forEach(f -> file(files.addObject(), f));
        return t;
    }

    private static void file(ObjectNode into, TxFile f) {
        into.put("path", f.path()).put("action", f.action().name().toLowerCase(Locale.ROOT))
                .put("before", f.before().orElse(null)).put("after", f.after().orElse(null));
    }

    /**
     * {@code applied}, {@code awaitingConfirm}, {@code notApplied}, {@code needsAttention},
     * {@code inProgress}, {@code pendingBoot}, {@code deferred}.
     */
    static String result(TxState.Result r) {
        return switch (r) {
            case APPLIED -> "applied";
            case AWAITING_CONFIRM -> "awaitingConfirm";
            case NOT_APPLIED -> "notApplied";
            case NEEDS_ATTENTION -> "needsAttention";
            case DEFERRED -> "deferred";
            case IN_PROGRESS -> "inProgress";
            case PENDING_BOOT -> "pendingBoot";
        };
    }
}
