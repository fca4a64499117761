package org.qatwb.model.irq;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.qatwb.model.cpu.CpuList;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.parse.Warnings;

/**
 * Where one IRQ may run and where it does: {@code /proc/irq/N/smp_affinity_list} (the CPUs
 * allowed, what an administrator or irqbalance writes, and what the driver's
 * {@code irq_set_affinity_hint} sets when it requests the IRQ) and
 * {@code effective_affinity_list} (the CPU the interrupt controller really targets; x86 picks one
 * of the allowed; Linux 4.13 and later, absent before).
 *
 * @param number    the IRQ
 * @param allowed   {@code smp_affinity_list}; empty when it could not be read
 * @param effective {@code effective_affinity_list}; empty when the kernel has none or it could not be read
 */
public record IrqAffinity(int number, Optional<CpuList> allowed, Optional<CpuList> effective) {

    /**
     * Reads the agent's {@code irq_affinity} item: per line {@code N ALLOWED EFFECTIVE}, {@code -}
     * for a file that is missing or unreadable. A bad line is a warning; the others stay.
     *
     * @param text     the item
     * @param warnings where the bad lines are told, {@code line N: ...}
     */
    public static Map<Integer, IrqAffinity> parse(String text, List<String> warnings) {
        Map<Integer, IrqAffinity> out = new TreeMap<>();
        Warnings<String> w = new Warnings<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (out.size() == InterruptTable.MAX_IRQS) {
                w.add("line " + (i + 1) + ": more than " + InterruptTable.MAX_IRQS + " interrupts; the rest is not read");
                break;
            }
            String[] f = line.split("[ \t]+");
            try {
                if (f.length != 3 || !f[0].matches("[0-9]{1,8}") || Integer.parseInt(f[0]) > InterruptTable.MAX_IRQ) {
                    throw new ParseException(0, "expected 'IRQ ALLOWED EFFECTIVE': " + Snippet.quote(line));
                }
                int n = Integer.parseInt(f[0]);
                out.put(n, new IrqAffinity(n, list(f[1]), list(f[2])));
            } catch (ParseException e) {
                w.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        warnings.addAll(w.lines(s -> s));
        return out;
    }

    private static Optional<CpuList> list(String s) throws ParseException {
        return s.equals("-") ? Optional.empty() : Optional.of(CpuList.parse(s));
    }

    /** What the reader keeps when it is given nothing: no list of either kind. */
    static IrqAffinity unknown(int number) {
        return new IrqAffinity(number, Optional.empty(), Optional.empty());
    }

}
