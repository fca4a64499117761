package org.qatwb.app.usecase.apply;

import java.util.Objects;
import org.qatwb.model.apply.TxStep;

/** What an apply reports as it goes; the CLI prints it on stderr, the window shows it in the NAS's activity line. */
public sealed interface ApplyProgress {

    /** One step of the transaction, as soon as the NAS reported it. */
    record Step(TxStep step) implements ApplyProgress {
        public Step {
            Objects.requireNonNull(step, "step");
        }
    }

    /** One line about what happens next or why the apply stopped (confirming, not rebooting, rebooting). */
    record Note(String line) implements ApplyProgress {
        public Note {
            Objects.requireNonNull(line, "line");
        }
    }

    /** One line of the wait for a rebooting NAS: going down, down for N s, back and reading the boot check. */
    record Waiting(String line) implements ApplyProgress {
        public Waiting {
            Objects.requireNonNull(line, "line");
        }
    }
}
