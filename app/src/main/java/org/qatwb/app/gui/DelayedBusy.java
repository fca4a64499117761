package org.qatwb.app.gui;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableIntegerValue;
import javafx.util.Duration;

/**
 * Whether to show progress for a count of running operations: only once one has run longer than
 * {@link #DELAY} (issue 4: every operation over 200 ms), so quick ones do not flicker, and no
 * longer than while any runs.
 */
final class DelayedBusy {

    static final Duration DELAY = Duration.millis(200);

    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
    private final PauseTransition delay = new PauseTransition(DELAY);

    DelayedBusy(ObservableIntegerValue running) {
        delay.setOnFinished(e -> shown.set(true));
        running.addListener((o, a, n) -> update(n.intValue()));
        update(running.get());
    }

    ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    private void update(int running) {
        if (running > 0) {
            if (!shown.get() && delay.getStatus() != Animation.Status.RUNNING) {
                delay.playFromStart();
            }
        } else {
            delay.stop();
            shown.set(false);
        }
    }
}
