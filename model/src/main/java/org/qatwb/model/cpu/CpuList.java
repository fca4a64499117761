package org.qatwb.model.cpu;

import java.util.BitSet;
import java.util.Objects;
import java.util.stream.IntStream;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * A Linux CPU list as sysfs prints it ({@code /sys/devices/system/cpu/online},
 * {@code node0/cpulist}): comma-separated numbers and ranges, {@code 0-27,56-83}. An empty list
 * is valid (a NUMA node with memory only).
 */
public final class CpuList {

    /** Highest CPU number accepted; Linux's NR_CPUS tops out at 8192, this leaves room. */
    public static final int MAX_CPU = 65535;

    private final BitSet cpus;

    private CpuList(BitSet cpus) {
        this.cpus = cpus;
    }

    /**
     * Reads a list; surrounding blanks and the final newline are ignored.
     *
     * @throws ParseException for anything that is not a CPU list, a range that runs backwards or
     *                        a CPU above {@link #MAX_CPU}
     */
    public static CpuList parse(String text) throws ParseException {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        BitSet set = new BitSet();
        if (t.isEmpty()) {
            return new CpuList(set);
        }
        // a list never has more parts than CPUs: counted before anything is split
        if (t.chars().filter(c -> c == ',').count() > MAX_CPU) {
            throw new ParseException(0, "more than " + (MAX_CPU + 1) + " ranges in " + Snippet.quote(text));
        }
        for (String part : t.split(",", -1)) {
            int dash = part.indexOf('-');
            int from = number(dash < 0 ? part : part.substring(0, dash), text);
            int to = dash < 0 ? from : number(part.substring(dash + 1), text);
            if (to < from) {
                throw new ParseException(0, "CPU range runs backwards in " + Snippet.quote(text));
            }
            set.set(from, to + 1);
        }
        return new CpuList(set);
    }

    private static int number(String s, String text) throws ParseException {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ParseException(0, "not a CPU list: " + Snippet.quote(text));
        }
        int n = Integer.parseInt(s);
        if (n > MAX_CPU) {
            throw new ParseException(0, "CPU " + n + " is above " + MAX_CPU + " in " + Snippet.quote(text));
        }
        return n;
    }

    /** How many CPUs the list holds. */
    public int size() {
        return cpus.cardinality();
    }

    public boolean contains(int cpu) {
        return cpu >= 0 && cpus.get(cpu);
    }

    /** The CPUs in ascending order. */
    public IntStream stream() {
        return cpus.stream();
    }

    /** The list in sysfs's own compact form ({@code 0-27,56-83}). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        int from = cpus.nextSetBit(0);
        while (from >= 0) {
            int to = cpus.nextClearBit(from) - 1;
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(from);
            if (to > from) {
                out.append('-').append(to);
            }
            from = cpus.nextSetBit(to + 1);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuList c && cpus.equals(c.cpus);
    }

    @Override
    public int hashCode() {
        return cpus.hashCode();
    }
}
