package org.qatwb.app.gui.common;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * A one-shot wake-up on the FX thread. A JavaFX {@code Timeline} or {@code PauseTransition}
 * keeps the toolkit pulsing every frame for as long as it runs, even to fire once a second or
 * once in 30 s; a timer thread that posts one task when it is due costs nothing while it waits.
 * The charts' stalled axis and the fleet page's refresh use it.
 */
public final class FxClock {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Runnable onFx;
    private ScheduledFuture<?> next;

    /** @param onFx run on the FX thread when a wake-up is due */
    public FxClock(Runnable onFx) {
        this.onFx = onFx;
    }

    /** Replaces any pending wake-up with one in {@code millis} ms (FX thread). */
    public void wakeIn(long millis) {
        cancel();
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        self[0] = TIMER.schedule(() -> Platform.runLater(() -> {
            if (next == self[0]) {
                next = null;
                onFx.run();
            }
        }), millis, TimeUnit.MILLISECONDS);
        next = self[0];
    }

    /** Drops the pending wake-up, if any (FX thread). */
    public void cancel() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "qatwb-fx-clock");
            th.setDaemon(true);
            return th;
        });
        // a sample that comes first cancels the wake-up: do not keep the cancelled ones queued
        t.setRemoveOnCancelPolicy(true);
        return t;
    }
}
