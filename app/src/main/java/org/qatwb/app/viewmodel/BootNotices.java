package org.qatwb.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qatwb.model.apply.BootCheck;
import org.qatwb.model.apply.PendingLayout;

/**
 * What the window says on connect about layouts and the boot (docs/agent-protocol.md, "The boot
 * check"): what the last boot check found, and a layout still waiting for the next boot.
 */
final class BootNotices {

    private BootNotices() {
    }

    static List<Notice> of(Optional<PendingLayout> pending, Optional<BootCheck> last) {
        List<Notice> notices = new ArrayList<>();
        last.ifPresent(c -> notices.add(switch (c.outcome()) {
            case VERIFIED -> new Notice(Notice.Level.INFO, "Layout verified at boot",
                    "the driver runs the layout staged by " + String.join(", ", c.transactions()));
            case UNVERIFIED -> new Notice(Notice.Level.INFO, "Layout running since the last boot",
                    "its devices are up; the driver's dev_cfg could not be compared: " + c.message());
            case ROLLED_BACK -> new Notice(Notice.Level.ERROR, "Layout rolled back at boot",
                    "the driver refused the staged layout; the old files are back and QAT runs on them: " + c.message());
            case ROLLBACK_FAILED -> new Notice(Notice.Level.ERROR, "Needs attention: rollback at boot failed",
                    c.message() + "; see qatwb apply --history");
        }));
        pending.ifPresent(p -> notices.add(new Notice(Notice.Level.INFO, "Layout staged for the next boot",
                p.files().size() + " file(s) of " + String.join(", ", p.transactions())
                        + " take effect at the next boot, where the boot check verifies them")));
        return notices;
    }
}
