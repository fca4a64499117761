package org.qatwb.model.irq;

import java.util.Arrays;
import java.util.Objects;

/**
 * One QAT line of {@code /proc/interrupts}: the IRQ, its driver name, and how many times it was
 * handled on each CPU of the header, in the header's order.
 *
 * <p>The kernel keeps these per CPU as {@code unsigned int} ({@code kstat_irqs_cpu}): they wrap at
 * 2^32, which a rate reads as a reset (a gap), never as a negative or huge rate.
 *
 * @param number the IRQ number (not stable across boots: the name is)
 * @param name   the name as printed, e.g. {@code qat_3d:01.00}
 * @param kind   the name read as the driver wrote it
 * @param counts per CPU of {@link InterruptTable#cpus()}, same order and length
 */
public record IrqCounts(int number, String name, QatIrqName kind, long[] counts) {

    public IrqCounts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        counts = counts.clone();
    }

    /** Interrupts handled on all CPUs together. */
    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IrqCounts c && c.number == number && c.name.equals(name) && c.kind.equals(kind)
                && Arrays.equals(c.counts, counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, name, Arrays.hashCode(counts));
    }

    @Override
    public String toString() {
        return "IrqCounts[" + number + " " + name + " " + Arrays.toString(counts) + "]";
    }
}
