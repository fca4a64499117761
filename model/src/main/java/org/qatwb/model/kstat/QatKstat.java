package org.qatwb.model.kstat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * {@code /proc/spl/kstat/zfs/qat} seen as QAT counters.
 *
 * <p>Values are unsigned 64-bit longs: compare and print them with {@link Long#compareUnsigned}
 * and {@link Long#toUnsignedString}. Names that are not ZFS's (forks add their own, the
 * pre-release prototype prefixed {@code qat_}) are kept, never an error.
 *
 * @param raw     the parsed file, with its warnings
 * @param known   the recognised counters, in {@link QatCounter} order; a counter missing from the
 *                file (older ZFS, a cut capture) is missing here
 * @param unknown every row not used in {@code known}, in file order: unknown names, and also rows
 *                with a counter's name whose value is text or negative, or that repeat a counter
 *                already read (the first row wins, as in {@link NamedKstat#entry})
 */
public record QatKstat(NamedKstat raw, Map<QatCounter, Long> known, List<KstatEntry> unknown) {

    public QatKstat {
        Objects.requireNonNull(raw, "raw");
        known.values().forEach(v -> Objects.requireNonNull(v, "counter value"));
        known = Collections.unmodifiableMap(known.isEmpty()
                ? new EnumMap<>(QatCounter.class) : new EnumMap<>(known));
        unknown = List.copyOf(unknown);
    }

    /** Sorts the rows of a parsed zfs/qat kstat into known counters and the rest. */
    public static QatKstat of(NamedKstat raw) {
        Map<QatCounter, Long> known = new EnumMap<>(QatCounter.class);
        List<KstatEntry> unknown = new ArrayList<>();
        for (KstatEntry e : raw.entries()) {
            QatCounter c = QatCounter.byKstatName(e.name()).orElse(null);
            boolean usable = c != null && !known.containsKey(c) && e.numeric() && e.asBigInteger().signum() >= 0;
            if (usable) {
                known.put(c, e.asUnsignedLong());
            } else {
                unknown.add(e);
            }
        }
        return new QatKstat(raw, known, unknown);
    }

    /** The counter's value (unsigned), if the file has it. */
    public OptionalLong value(QatCounter counter) {
        Long v = known.get(counter);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /**
     * {@code comp_total_in_bytes / comp_total_out_bytes}, as DOMAIN.md defines the ratio; empty
     * when either is missing or nothing came out yet. ZFS adds to the in counter for every request
     * but to the out counter only for blocks that compressed, so incompressible data makes this
     * look better than what lands on disk.
     */
    public OptionalDouble compressionRatio() {
        OptionalLong in = value(QatCounter.COMP_TOTAL_IN_BYTES);
        OptionalLong out = value(QatCounter.COMP_TOTAL_OUT_BYTES);
        if (in.isEmpty() || out.isEmpty() || out.getAsLong() == 0) return OptionalDouble.empty();
        return OptionalDouble.of(unsignedToDouble(in.getAsLong()) / unsignedToDouble(out.getAsLong()));
    }

    /** The unsigned value of {@code v} as a double (nearest; exact below 2^53). */
    public static double unsignedToDouble(long v) {
        if (v >= 0) return v;
        // halve without losing the rounding bit, then double back
        return ((v >>> 1) | (v & 1)) * 2.0;
    }
}
