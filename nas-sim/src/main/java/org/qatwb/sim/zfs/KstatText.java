package org.qatwb.sim.zfs;

import java.util.List;
import org.qatwb.model.kstat.QatCounter;

/** {@code /proc/spl/kstat/zfs/qat} exactly as SPL prints a named kstat (spl-kstat.c). */
final class KstatText {

    /** kstat_named_t is 272 bytes on x86_64: the header's datasize is 17 of them (4624, as in the samples). */
    private static final int NAMED_SIZE = 272;
    /** The kstat id; it varies between boots, 19 is what the samples show. */
    private static final int KID = 19;

    private KstatText() {
    }

    static String render(long[] counters, long crtimeNanos, long snaptimeNanos) {
        return render(counters, List.of(), new long[0], crtimeNanos, snaptimeNanos);
    }

    /** With a fork's further rows after OpenZFS's ({@link ForkExtras}), each uint64 as well. */
    static String render(long[] counters, List<String> extraNames, long[] extra, long crtimeNanos, long snaptimeNanos) {
        QatCounter[] names = QatCounter.values();
        int rows = names.length + extraNames.size();
        StringBuilder out = new StringBuilder(64 + rows * 48);
        out.append(KID).append(" 1 0x01 ").append(rows).append(' ').append(rows * NAMED_SIZE)
                .append(' ').append(crtimeNanos).append(' ').append(snaptimeNanos).append('\n');
        out.append(String.format("%-31s %-4s %s%n", "name", "type", "data").replace(System.lineSeparator(), "\n"));
        for (QatCounter c : names) {
            out.append(String.format("%-31s %-4d ", c.kstatName(), 4))
                    .append(Long.toUnsignedString(counters[c.ordinal()])).append('\n');
        }
        for (int i = 0; i < extraNames.size(); i++) {
            out.append(String.format("%-31s %-4d ", extraNames.get(i), 4))
                    .append(Long.toUnsignedString(extra[i])).append('\n');
        }
        return out.toString();
    }
}
