package org.qatwb.app.viewmodel;

import org.qatwb.app.usecase.apply.ApplyResult;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.BootCheck;
import org.qatwb.model.apply.TxState;
import org.qatwb.model.parse.Snippet;

/** The notice that ends an apply in the window, from the verdict the CLI's exit code comes from too. */
final class ApplyNotices {

    private ApplyNotices() {
    }

    static Notice of(ApplyResult r) {
        ApplyOutcome o = r.outcome();
        String tx = " (transaction " + o.tx().id() + ")";
        String why = o.failure().map(f -> f.name() + ": " + f.text()).orElse("")
                + (o.kernelLog().isEmpty() ? "" : "; kernel log: " + String.join(" | ", o.kernelLog()));
        String words = r.bootCheck().map(c -> Snippet.oneLine(c.message())).filter(m -> !m.isEmpty()).map(m -> ": " + m).orElse("");
        String down = r.downFor().map(d -> " The NAS was down for " + d.toSeconds() + " s.").orElse("");
        return switch (r.verdict()) {
            case APPLIED -> new Notice(Notice.Level.INFO, "Applied and QAT restarted",
                    "the devices came up as expected; the old files are kept as a backup on the NAS" + tx);
            case STAGED -> new Notice(Notice.Level.INFO, "Written for the next boot",
                    "the driver reads the new files at the next boot, where the boot check verifies them and puts the"
                            + " old files back if the driver refuses them" + tx);
            case BOOTED -> new Notice(Notice.Level.INFO, "The NAS rebooted into the new layout",
                    r.bootCheck().filter(c -> c.outcome() == BootCheck.Outcome.VERIFIED).isPresent()
                            ? "the boot check verified it: every device's dev_cfg shows the new configuration" + tx + "." + down
                            : "its devices are up; the boot check could not compare the driver's dev_cfg"
                            + r.bootCheck().map(c -> Snippet.oneLine(c.message())).filter(m -> !m.isEmpty())
                            .map(m -> " (" + m + ")").orElse("") + tx + "." + down);
            case NOT_APPLIED -> o.state() == TxState.REFUSED
                    ? new Notice(Notice.Level.ERROR, "Refused", "nothing was changed: " + Snippet.oneLine(why) + tx)
                    : new Notice(Notice.Level.ERROR, "Rolled back", "the files are as they were: " + Snippet.oneLine(why) + tx);
            case DEFERRED -> new Notice(Notice.Level.WARNING, "Takes effect at the next boot",
                    "the driver refused to restart devices ZFS holds; the files are kept for the next boot" + tx);
            case ROLLED_BACK_AT_BOOT -> new Notice(Notice.Level.ERROR, "Rolled back at boot",
                    "the driver refused the new layout; the boot check put the old files back and QAT runs on them"
                            + words + tx + "." + down);
            case NOT_REBOOTED -> new Notice(Notice.Level.WARNING, "Not rebooted", capital(r.detail()));
            case UNREACHABLE -> new Notice(Notice.Level.WARNING, "Not confirmed", capital(r.detail()));
            case NOT_BACK -> new Notice(Notice.Level.ERROR, "The NAS is not back in time", capital(r.detail())
                    + ". The files are staged: its boot check decides when it boots.");
            case NEEDS_ATTENTION -> new Notice(Notice.Level.ERROR, "Needs attention", r.detail().isEmpty()
                    ? (o.result() == TxState.Result.AWAITING_CONFIRM || o.result() == TxState.Result.IN_PROGRESS
                    ? "not confirmed: the NAS rolls back by itself unless confirmed" + tx
                    : "not rolled back: " + Snippet.oneLine(why) + tx + "; see qatwb apply --history")
                    : capital(r.detail()));
            case ROLLBACK_FAILED_AT_BOOT -> new Notice(Notice.Level.ERROR, "Needs attention: rollback at boot failed",
                    "the driver refused the new layout and the boot check could not put the old files back" + words + tx
                            + "; see qatwb apply --history");
        };
    }

    private static String capital(String line) {
        return line.isEmpty() ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }
}
