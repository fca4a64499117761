package org.qatwb.model.layout;

import java.util.Objects;
import java.util.OptionalInt;
import org.qatwb.model.conf.ConfGrammar;

/**
 * One Cy or Dc instance: its three keys as the driver reads their values ({@code Cy0Name},
 * {@code Cy0IsPolled}, {@code Cy0CoreAffinity}). Values are kept as text, so that whatever a file
 * holds (a user section's core list {@code 0-31}, a missing key) is represented and written back
 * unchanged; null stands for a key the file does not have.
 *
 * @param name         the instance name, quotes stripped and spaces deleted as the driver does
 * @param isPolled     0 interrupt, 1 poll, 2 epoll
 * @param coreAffinity the core the instance's interrupt is steered to (a list or range in user sections)
 */
public record Instance(String name, String isPolled, String coreAffinity) {

    /** IsPolled = 0: the mode ZFS needs (it never polls). */
    public static final int INTERRUPT = 0;
    /** IsPolled = 1: polled, the user-space default. */
    public static final int POLLED = 1;

    /** An instance with every key absent: what a file declares beyond the keys it writes. */
    public static final Instance MISSING = new Instance(null, null, null);

    public static Instance of(String name, int isPolled, int core) {
        Objects.requireNonNull(name, "name");
        if (isPolled < 0 || isPolled > 2) {
            throw new IllegalArgumentException("IsPolled " + isPolled + ": 0 (interrupt), 1 (poll) or 2 (epoll)");
        }
        if (core < 0) {
            throw new IllegalArgumentException("CoreAffinity " + core + " is not a core");
        }
        return new Instance(name, Integer.toString(isPolled), Integer.toString(core));
    }

    /** IsPolled as the driver reads it; empty when absent or not a number. */
    public OptionalInt polled() {
        return number(isPolled);
    }

    /** The single core of a kernel instance's CoreAffinity; empty when absent or not one number. */
    public OptionalInt core() {
        return number(coreAffinity);
    }

    public Instance withCore(int core) {
        if (core < 0) {
            throw new IllegalArgumentException("CoreAffinity " + core + " is not a core");
        }
        return new Instance(name, isPolled, Integer.toString(core));
    }

    public Instance withPolled(int polled) {
        return new Instance(name, Integer.toString(polled), coreAffinity);
    }

    private static OptionalInt number(String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        long n = ConfGrammar.number(value);
        return n < 0 || n > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) n);
    }
}
