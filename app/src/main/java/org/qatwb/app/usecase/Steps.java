package org.qatwb.app.usecase;

import org.qatwb.model.agent.ItemStatus;

/** The one wording of a failed agent step, shared by the use cases that run several. */
final class Steps {

    private Steps() {
    }

    /** {@code "NAME STATUS (exit status RC): MESSAGE (hint)"}; the exit status only when there is one. */
    static String failed(String name, ItemStatus status, int rc, String message, SudoHint hint) {
        return name + " " + status.wire() + (rc != 0 ? " (exit status " + rc + ")" : "")
                + (message.isEmpty() ? "" : ": " + message) + (status == ItemStatus.DENIED ? hint.suffix() : "");
    }
}
