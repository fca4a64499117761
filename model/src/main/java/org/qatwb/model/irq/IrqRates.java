package org.qatwb.model.irq;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * QAT interrupts per second on each CPU between two timed readings of {@code /proc/interrupts}:
 * the layout editor's "where do QAT's completions run" (issue 12, section 4).
 *
 * <p>IRQs are matched by NAME (numbers change when the driver is reloaded). A count that went
 * down (the driver reloaded, the device went and came back, or the kernel's 32-bit per-CPU counter
 * wrapped) makes that IRQ a gap: it adds nothing, rather than a negative or huge rate. No time
 * passing gives no rates at all, as {@code CounterRates} does.
 *
 * @param seconds the time between the two readings
 * @param perCpu  QAT interrupts per second by CPU, every CPU of the later header (0.0 where none)
 * @param perIrq  interrupts per second by IRQ name, for the IRQs counted in both readings
 * @param gaps    IRQs left out because a count went down
 */
public record IrqRates(double seconds, SortedMap<Integer, Double> perCpu, Map<String, Double> perIrq, int gaps) {

    public IrqRates {
        perCpu = Collections.unmodifiableSortedMap(new TreeMap<>(perCpu));
        perIrq = Map.copyOf(perIrq);
    }

    /** The rates between two readings taken {@code laterNanos - earlierNanos} apart; empty without time passing. */
    public static Optional<IrqRates> between(long earlierNanos, InterruptTable earlier, long laterNanos,
                                             InterruptTable later) {
        if (laterNanos <= earlierNanos) {
            return Optional.empty();
        }
        double seconds = (laterNanos - earlierNanos) / 1e9;
        Map<String, IrqCounts> before = new HashMap<>();
        earlier.irqs().forEach(i -> before.putIfAbsent(i.name(), i));
        int[] oldCpus = earlier.cpus();
        int[] cpus = later.cpus();
        TreeMap<Integer, Double> perCpu = new TreeMap<>();
        for (int cpu : cpus) {
            perCpu.put(cpu, 0.0);
        }
        Map<String, Double> perIrq = new HashMap<>();
        int gaps = 0;
        for (IrqCounts now : later.irqs()) {
            IrqCounts then = before.get(now.name());
            if (then == null || perIrq.containsKey(now.name())) {
                continue;
            }
            long[] a = then.counts();
            long[] b = now.counts();
            long[] delta = new long[cpus.length];
            boolean reset = false;
            for (int i = 0; i < cpus.length; i++) {
                int j = Arrays.binarySearch(oldCpus, cpus[i]);
                long old = j < 0 ? 0 : a[j];
                delta[i] = b[i] - old;
                reset |= delta[i] < 0;
            }
            if (reset) {
                gaps++;
                continue;
            }
            long total = 0;
            for (int i = 0; i < cpus.length; i++) {
                perCpu.merge(cpus[i], delta[i] / seconds, Double::sum);
                total += delta[i];
            }
            perIrq.put(now.name(), total / seconds);
        }
        return Optional.of(new IrqRates(seconds, perCpu, perIrq, gaps));
    }
}
