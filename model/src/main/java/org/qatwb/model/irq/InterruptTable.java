package org.qatwb.model.irq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.qatwb.model.cpu.CpuList;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.parse.Warnings;

/**
 * The QAT lines of {@code /proc/interrupts}, as the kernel prints it (kernel/irq/proc.c,
 * show_interrupts): a header of {@code CPUn} columns, one per online CPU, then per IRQ
 * {@code N:}, one count per column, the chip and hardware IRQ, and the handlers' names, the last
 * of which is the driver's name. Lines whose last word is not a QAT 1.7 name
 * ({@link QatIrqName}) are skipped: the agent sends only QAT lines, a hostile NAS anything.
 *
 * @param cpus     the header's CPUs, ascending
 * @param irqs     the QAT IRQs, in the file's order, at most {@link #MAX_IRQS}
 * @param warnings one line per line that could not be read ({@code line N: ...})
 */
public record InterruptTable(int[] cpus, List<IrqCounts> irqs, List<String> warnings) {

    /**
     * QAT IRQs kept at most: 51 devices of a C62x card have 51; a c4xxx PF without SR-IOV 129,
     * so four cards of any kind stay far below.
     */
    public static final int MAX_IRQS = 4096;

    /** Highest IRQ number taken (Linux's sparse IRQs stay far below). */
    static final int MAX_IRQ = (1 << 24) - 1;

    public InterruptTable {
        cpus = cpus.clone();
        irqs = List.copyOf(irqs);
        warnings = List.copyOf(warnings);
    }

    @Override
    public int[] cpus() {
        return cpus.clone();
    }

    /** The column of {@code cpu}, or -1 when the header has no such CPU. */
    public int column(int cpu) {
        int i = Arrays.binarySearch(cpus, cpu);
        return i < 0 ? -1 : i;
    }

    /** The IRQ with that name. */
    public Optional<IrqCounts> byName(String name) {
        return irqs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /**
     * Reads the text.
     *
     * @throws ParseException when the first line is not a header of {@code CPUn} columns
     */
    public static InterruptTable parse(String text) throws ParseException {
        String[] lines = text.split("\n", -1);
        int[] cpus = header(lines[0]);
        Warnings<String> warnings = new Warnings<>();
        List<IrqCounts> irqs = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] w = line.split("[ \t]+");
            Optional<QatIrqName> kind = QatIrqName.parse(w[w.length - 1]);
            if (kind.isEmpty()) {
                continue;
            }
            if (irqs.size() == MAX_IRQS) {
                warnings.add("line " + (i + 1) + ": more than " + MAX_IRQS + " QAT interrupts; the rest is not read");
                break;
            }
            try {
                irqs.add(row(w, cpus.length, kind.get(), lines[i]));
            } catch (ParseException e) {
                warnings.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new InterruptTable(cpus, irqs, warnings.lines(w -> w));
    }

    private static int[] header(String line) throws ParseException {
        String t = line.strip();
        if (t.isEmpty()) {
            throw new ParseException(1, "expected the header of /proc/interrupts (CPU0 CPU1 ...): " + Snippet.quote(line));
        }
        String[] w = t.split("[ \t]+");
        if (w.length > CpuList.MAX_CPU + 1) {
            throw new ParseException(1, "more CPU columns than Linux has CPUs");
        }
        int[] cpus = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            String s = w[i];
            if (!s.startsWith("CPU") || s.length() < 4 || s.length() > 8 || !digits(s.substring(3))
                    || Integer.parseInt(s.substring(3)) > CpuList.MAX_CPU
                    || (i > 0 && Integer.parseInt(s.substring(3)) <= cpus[i - 1])) {
                throw new ParseException(1, "expected the header of /proc/interrupts (CPU0 CPU1 ..., ascending): "
                        + Snippet.quote(line));
            }
            cpus[i] = Integer.parseInt(s.substring(3));
        }
        return cpus;
    }

    private static IrqCounts row(String[] w, int columns, QatIrqName kind, String line) throws ParseException {
        String n = w[0];
        if (!n.endsWith(":") || !digits(n.substring(0, n.length() - 1)) || n.length() > 9
                || Integer.parseInt(n.substring(0, n.length() - 1)) > MAX_IRQ) {
            throw new ParseException(0, "expected 'IRQ: counts... name': " + Snippet.quote(line));
        }
        // number, one count per CPU, at least the name after them
        if (w.length < columns + 2) {
            throw new ParseException(0, "fewer counts than CPU columns: " + Snippet.quote(line));
        }
        long[] counts = new long[columns];
        for (int c = 0; c < columns; c++) {
            String s = w[c + 1];
            // an unsigned int per CPU (kstat_irqs_cpu): at most 10 digits
            if (!digits(s) || s.length() > 10) {
                throw new ParseException(0, "not a count in column " + (c + 1) + ": " + Snippet.quote(line));
            }
            counts[c] = Long.parseLong(s);
        }
        return new IrqCounts(Integer.parseInt(n.substring(0, n.length() - 1)), w[w.length - 1], kind, counts);
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
