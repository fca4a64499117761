package org.qatwb.sim;

import java.time.Duration;

/**
 * The simulated NAS's boots: how many have finished, and the faults armed for the next reboot
 * ({@code no-return}: it stays down; {@code slow-boot}: it stays down longer). Thread-safe: a reboot
 * runs on its own thread while tests and the CLI wait for it.
 */
final class PowerCycle {

    private long boots;
    private boolean noReturn;
    private Duration slowBoot;
    private boolean closed;

    synchronized void booted() {
        boots++;
        notifyAll();
    }

    synchronized long boots() {
        return boots;
    }

    synchronized boolean awaitBoots(long n, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (boots < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized void noReturn() {
        noReturn = true;
    }

    synchronized void slowBoot(Duration d) {
        slowBoot = d;
    }

    /** Whether the reboot now under way is one the NAS does not come back from; the fault is used up. */
    synchronized boolean takeNoReturn() {
        boolean r = noReturn;
        noReturn = false;
        return r;
    }

    /** How long the reboot now under way stays down: a slow-boot fault's time (used up), else {@code normal}. */
    synchronized Duration downTime(Duration normal) {
        Duration d = slowBoot == null ? normal : slowBoot;
        slowBoot = null;
        return d;
    }

    /** Sleeps through a down time, or less when the simulator closes meanwhile. */
    synchronized void stayDown(Duration d) throws InterruptedException {
        long deadline = System.nanoTime() + d.toNanos();
        while (!closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized void clear() {
        noReturn = false;
        slowBoot = null;
    }
}
