package org.qatwb.app.usecase.apply;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a QAT restart can apply a layout on the NAS now, worded once for both front ends (the
 * CLI's apply and doctor print it, the window's apply and history dialogs disable "Restart QAT
 * now" with it). The driver refuses to stop a device that ZFS's started instances hold
 * (adf_ctl_drv.c adf_ctl_is_device_in_use; docs/driver/dev-cfg-and-busy.md), so then only the next
 * boot can; the snapshot reads "held" from the QAT modules' reference counts, unknown where there
 * is none to read.
 *
 * @param kind what the NAS allows
 * @param line one line saying so, without the CLI's {@code qatwb: }
 */
public record RestartCheck(Kind kind, String line) {

    /** What the NAS allows. */
    public enum Kind {
        /** Nothing holds QAT: a restart can apply the layout. */
        CAN,
        /** ZFS holds QAT: the driver would refuse the restart, the layout takes effect at the next boot. */
        CANNOT,
        /** No reference count to read: a restart may be refused. */
        UNKNOWN
    }

    /** How each front end says "reboot instead": its own control's name. */
    public enum RebootAdvice {
        CLI("apply --reboot"),
        WINDOW("stage it, or apply and reboot");

        private final String words;

        RebootAdvice(String words) {
            this.words = words;
        }
    }

    public RestartCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(line, "line");
    }

    /** @param heldByZfs the snapshot's {@code qatHeldByZfs}: empty when unknown */
    public static RestartCheck of(Optional<Boolean> heldByZfs, RebootAdvice advice) {
        if (heldByZfs.isEmpty()) {
            return new RestartCheck(Kind.UNKNOWN, "whether ZFS holds QAT is unknown (no module reference count to read):"
                    + " a restart may be refused; then the layout takes effect at the next boot");
        }
        return heldByZfs.get()
                ? new RestartCheck(Kind.CANNOT, "ZFS holds the QAT devices: a restart cannot apply this layout now; it"
                        + " will take effect at the next boot (" + advice.words + ")")
                : new RestartCheck(Kind.CAN, "ZFS holds no QAT device: a restart can apply this layout now");
    }

    /** The line when a restart cannot apply a layout now; empty when it can or when that is not known (the NAS then says at the restart). */
    public Optional<String> cannotApply() {
        return kind == Kind.CANNOT ? Optional.of(line) : Optional.empty();
    }
}
