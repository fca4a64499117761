package org.qatwb.model.lint;

import org.qatwb.model.conf.ConfGrammar;
import org.qatwb.model.conf.ConfLine;
import org.qatwb.model.conf.ConfSection;
import org.qatwb.model.conf.InstanceKind;

/** Reading instance declarations out of a section, the way the driver counts them. */
final class Instances {

    private Instances() {
    }

    /**
     * The highest core a CoreAffinity value names, or -1 when the driver would not read it. Kernel
     * instances take one core; user-space instances may also take a list of cores and ranges
     * ({@code 0-31}, as Intel's QAT_Engine sample writes).
     */
    static long highestCore(String value, boolean kernel) {
        if (kernel) {
            return ConfGrammar.number(value);
        }
        long max = -1;
        for (String part : value.split(",", -1)) {
            int dash = part.indexOf('-');
            long lo = ConfGrammar.number(dash < 0 ? part : part.substring(0, dash));
            long hi = dash < 0 ? lo : ConfGrammar.number(part.substring(dash + 1));
            if (lo < 0 || hi < lo) {
                return -1;
            }
            max = Math.max(max, hi);
        }
        return max;
    }

    /** The declared count of a kind, for rules that add counts up: 0 when absent or not a number. */
    static int count(ConfSection s, InstanceKind kind) {
        return Math.max(0, s.instanceCount(kind));
    }

    /** How many processes each get the section's instances: NumProcesses in user sections, else 1. */
    static int processes(ConfSection s) {
        if (SectionKind.of(s.name()).kernel()) {
            return 1;
        }
        long n = s.value("NumProcesses").map(ConfGrammar::number).orElse(1L);
        return n < 1 || n > 100_000 ? 1 : (int) n;
    }

    /** The line to point at for a finding about a kind's instances: its count line, else the header. */
    static int countLine(ConfSection s, InstanceKind kind) {
        return s.entry(kind.countKey()).map(ConfLine.Entry::number).orElse(s.firstHeader().number());
    }
}
