package org.qatwb.model.lint;

import java.util.Optional;
import org.qatwb.model.conf.ConfGrammar;
import org.qatwb.model.conf.ConfLine;
import org.qatwb.model.conf.ConfSection;
import org.qatwb.model.conf.InstanceKind;

/** Reading instance declarations out of a section, the way the driver counts them. */
final class Instances {

    private Instances() {
    }

    /** A number as the driver types it (decimal or 0x hex), or -1 when it is neither or overflows. */
    static long number(String value) {
        ConfGrammar.ValueType t = ConfGrammar.typeOf(value);
        if (t == ConfGrammar.ValueType.DECIMAL) {
            return ConfGrammar.decimal(value);
        }
        if (t == ConfGrammar.ValueType.HEX) {
            try {
                return Long.parseLong(value.substring(2), 16);
            } catch (NumberFormatException overflow) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The highest core a CoreAffinity value names, or -1 when the driver would not read it. Kernel
     * instances take one core; user-space instances may also take a list of cores and ranges
     * ({@code 0-31}, as Intel's QAT_Engine sample writes).
     */
    static long highestCore(String value, boolean kernel) {
        if (kernel) {
            return number(value);
        }
        long max = -1;
        for (String part : value.split(",", -1)) {
            int dash = part.indexOf('-');
            long lo = number(dash < 0 ? part : part.substring(0, dash));
            long hi = dash < 0 ? lo : number(part.substring(dash + 1));
            if (lo < 0 || hi < lo) {
                return -1;
            }
            max = Math.max(max, hi);
        }
        return max;
    }

    /** The declared count of a kind in a section: 0 when absent, -1 when not a number. */
    static int count(ConfSection s, InstanceKind kind) {
        Optional<String> v = s.value(kind.countKey());
        if (v.isEmpty()) {
            return 0;
        }
        long n = number(v.get());
        return n < 0 || n > 100_000 ? -1 : (int) n;
    }

    /**
     * The declared count of a kind as a size, however large (saturated at a million, far above any
     * device's capacity): 0 when absent, -1 when not a number. For the rules that add counts up;
     * {@link #count} is for the rules that walk the instances one by one.
     */
    static int declared(ConfSection s, InstanceKind kind) {
        long n = s.value(kind.countKey()).map(Instances::number).orElse(0L);
        return n < 0 ? -1 : (int) Math.min(n, 1_000_000);
    }

    /** How many processes each get the section's instances: NumProcesses in user sections, else 1. */
    static int processes(ConfSection s) {
        if (SectionKind.of(s.name()).kernel()) {
            return 1;
        }
        long n = s.value("NumProcesses").map(Instances::number).orElse(1L);
        return n < 1 || n > 100_000 ? 1 : (int) n;
    }

    /** The line to point at for a finding about a kind's instances: its count line, else the header. */
    static int countLine(ConfSection s, InstanceKind kind) {
        return s.entry(kind.countKey()).map(ConfLine.Entry::number).orElse(s.firstHeader().number());
    }
}
