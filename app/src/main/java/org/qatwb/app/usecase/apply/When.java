package org.qatwb.app.usecase.apply;

import org.qatwb.model.apply.ApplyMode;

/** When a layout takes effect (DOMAIN.md section 8): at the next boot, now by a QAT restart, or at a reboot started now. */
public enum When {
    /** Written for the next boot; its boot check verifies it then. Nothing running is disturbed. */
    STAGE,
    /** Written, then QAT restarted now: verified, confirmed over a new connection, or rolled back by the NAS. */
    RESTART,
    /** Staged, then the NAS rebooted: the boot check's verdict is waited for and reported. */
    REBOOT;

    /** What the transaction on the NAS does: a reboot stages, the boot it starts applies. */
    public ApplyMode mode() {
        return this == RESTART ? ApplyMode.RESTART : ApplyMode.STAGE;
    }
}
