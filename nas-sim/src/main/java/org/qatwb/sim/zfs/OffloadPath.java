package org.qatwb.sim.zfs;

/**
 * One of ZFS's two QAT paths (Dc: compression; Cy: checksums and encryption, which share one
 * round-robin counter in qat_crypt.c) and whether it has hung. ZFS hands each request to instance
 * {@code ++inst_num % num_inst} and waits for its callback with {@code wait_for_completion}, no
 * timeout (OpenZFS module/os/linux/zfs/qat_compress.c {@code qat_compress_impl}, qat_crypt.c
 * {@code qat_crypt} and {@code qat_checksum}). A polled instance never calls back, since ZFS never
 * polls: the first request handed to one blocks its ZFS thread forever, after it was counted as a
 * request with its input bytes (the counters are bumped before the instance is chosen); the other
 * threads follow as they reach it, so the path stops: no counter moves again and no failure is
 * counted. Before that, the interrupt-driven instances in front of it complete their requests.
 */
final class OffloadPath {

    /** What {@link #admit} lets through: requests that complete, and whether one more now hangs. */
    record Admitted(long completed, boolean hangs) {
        static final Admitted NONE = new Admitted(0, false);
    }

    /** Requests that complete before the round-robin reaches a polled instance; -1 before any request. */
    private long left = -1;
    private boolean hung;
    /** Seconds the path has been hung, for the kernel's hung-task warning. */
    private double hungSeconds;
    private boolean reported;

    /** Offers {@code n} requests to a path with {@code interrupt} of {@code instances} instances not polled. */
    Admitted admit(long n, int instances, int interrupt) {
        if (hung || n <= 0) {
            return Admitted.NONE;
        }
        if (interrupt >= instances) {
            return new Admitted(n, false);
        }
        if (left < 0) {
            // the interrupt-driven instances come first in the round-robin at best
            left = interrupt;
        }
        if (n <= left) {
            left -= n;
            return new Admitted(n, false);
        }
        long completed = left;
        left = 0;
        hung = true;
        return new Admitted(completed, true);
    }

    boolean hung() {
        return hung;
    }

    /**
     * Moves the hang on by {@code seconds}; true once, when the thread has been blocked for
     * longer than the kernel's {@code hung_task_timeout_secs} (120) and the kernel says so.
     */
    boolean tickAndReport(double seconds) {
        if (!hung) {
            return false;
        }
        hungSeconds += seconds;
        if (!reported && hungSeconds > 120) {
            reported = true;
            return true;
        }
        return false;
    }
}
