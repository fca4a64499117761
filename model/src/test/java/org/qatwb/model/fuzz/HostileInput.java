package org.qatwb.model.fuzz;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Runs one input through one reader and judges it: a result or the documented refusal, every
 * message clean, allocation within {@code PER_BYTE} x input + {@code CONSTANT}.
 *
 * <p>The bound is generous on purpose: valid seeds measure well under it (docs/benchmarks.md,
 * "Hostile input"), so only allocation that grows out of proportion to the input (a count or a
 * size believed from the input) crosses it.
 */
public final class HostileInput {

    /** Bytes allocated per input byte: decoding, lines, parsed values, a warning per bad line (built, then dropped past the cap). */
    public static final long PER_BYTE = 1024;
    /** Fixed allocation allowed whatever the input: lookup tables, a report's skeleton, the first lines. */
    public static final long CONSTANT = 8L << 20;

    private HostileInput() {
    }

    public static long bound(int inputLength) {
        return PER_BYTE * inputLength + CONSTANT;
    }

    public static Outcome run(FuzzTarget target, byte[] input) {
        long before = AllocationMeter.allocated();
        List<String> messages;
        boolean refused = false;
        try {
            messages = target.read().messages(input);
        } catch (Throwable t) {
            if (!target.refuses(t)) {
                String at = where(t);
                return new Outcome.Finding(Outcome.Kind.FOREIGN_EXCEPTION, t.getClass().getName() + " at " + at,
                        t.getClass().getName() + ": " + MessageCheck.escaped(String.valueOf(t.getMessage())) + " at " + at, t);
            }
            refused = true;
            messages = Collections.singletonList(t.getMessage()); // null included: a refusal must say why
        }
        long allocated = AllocationMeter.allocated() - before;
        for (String m : messages) {
            Optional<String> problem = MessageCheck.problem(m);
            if (problem.isPresent()) {
                return new Outcome.Finding(Outcome.Kind.UNSAFE_MESSAGE, MessageCheck.category(m), problem.get(), null);
            }
        }
        if (allocated > bound(input.length)) {
            return new Outcome.Finding(Outcome.Kind.OVER_ALLOCATION, "", allocated + " bytes allocated for " + input.length
                    + " bytes of input (bound " + bound(input.length) + ")", null);
        }
        return refused ? new Outcome.Refusal(allocated) : new Outcome.Result(allocated);
    }

    /** The first frame of project code, so that a finding names the line to fix. */
    private static String where(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("org.qatwb.") && !e.getClassName().startsWith("org.qatwb.model.fuzz.")) {
                return e.toString();
            }
        }
        return t.getStackTrace().length > 0 ? t.getStackTrace()[0].toString() : "?";
    }
}
