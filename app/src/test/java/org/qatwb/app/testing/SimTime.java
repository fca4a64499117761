package org.qatwb.app.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.qatwb.sim.SimulatedNas;

/**
 * Time passing on a simulated NAS whose clock only the test moves ({@code SimOptions.driven}): for a
 * body that waits for counters to move (the doctor's observation, a use case's sampling), shared by
 * the CLI's end-to-end tests and the use cases' tests so that both see the NAS the same way.
 */
public final class SimTime {

    /** Wall time per simulated second: fast enough that a few seconds of observation take a fraction of that. */
    private static final long TICK_MS = 50;

    private SimTime() {
    }

    /** Runs {@code body} while the NAS's clock moves on a second every 50 ms, as a busy NAS's would seem to. */
    public static <T> T whileTimePasses(SimulatedNas nas, Callable<T> body) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        Thread clock = new Thread(() -> {
            while (!done.get()) {
                nas.advance(Duration.ofSeconds(1));
                try {
                    Thread.sleep(TICK_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "sim-clock");
        clock.start();
        try {
            return body.call();
        } finally {
            done.set(true);
            clock.join();
        }
    }
}
