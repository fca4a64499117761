package org.qatwb.model.snapshot;

import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * {@code /proc/uptime}: "SECONDS IDLE_SECONDS", both with a fractional part (the kernel prints
 * two decimals). The first number is the clock of the {@code stream} samples.
 */
public final class ProcUptime {

    private ProcUptime() {
    }

    /**
     * The uptime in nanoseconds, read exactly from the decimal text (no floating point).
     *
     * @throws ParseException when the first word is not a non-negative decimal number
     */
    public static long parseNanos(String text) throws ParseException {
        String t = text.strip();
        int sp = t.indexOf(' ');
        String first = sp < 0 ? t : t.substring(0, sp);
        if (!first.matches("[0-9]{1,12}(\\.[0-9]{1,9})?")) {
            throw new ParseException(0, "not /proc/uptime: " + Snippet.quote(t));
        }
        int dot = first.indexOf('.');
        long seconds = Long.parseLong(dot < 0 ? first : first.substring(0, dot));
        String frac = dot < 0 ? "" : first.substring(dot + 1);
        long nanos = frac.isEmpty() ? 0 : Long.parseLong((frac + "000000000").substring(0, 9));
        return seconds * 1_000_000_000L + nanos;
    }
}
