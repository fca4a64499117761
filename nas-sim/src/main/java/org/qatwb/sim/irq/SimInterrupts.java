package org.qatwb.sim.irq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.qatwb.model.cpu.CpuList;
import org.qatwb.model.irq.QatIrqName;
import org.qatwb.model.parse.ParseException;
import org.qatwb.sim.driver.SimDevice;
import org.qatwb.sim.request.Response;
import org.qatwb.sim.tree.AtomicFiles;

/**
 * The QAT interrupts of the simulated kernel, and the files that show them: {@code proc/interrupts}
 * and, per IRQ, {@code proc/irq/N/smp_affinity_list}, {@code effective_affinity_list} and the
 * directory named after the handler ({@code proc/irq/N/qat_3d:01.00/}, as the kernel's
 * register_handler_proc makes one per action), by which a boot script finds an IRQ by name.
 *
 * <p>As the QAT 1.7 driver does it (4.8 and 4.24): a VF's one MSI is requested when the device
 * comes up, named {@code qat_%02x:%02d.%02d} after its bus, slot and function, and hinted to CPU
 * {@code accel_id % num_online_cpus()} whatever its instances' CoreAffinity says
 * ({@code qat_common/adf_vf_isr.c}, adf_request_msi_irq); {@code irq_set_affinity_hint} also sets
 * the affinity. A PF with VFs has only its {@code qat%d-ae-cluster} vector, with no hint
 * ({@code adf_isr.c}, adf_request_irqs: bank vectors only without SR-IOV); PF bank vectors are not
 * simulated. A device going down frees its IRQ, so a pin is lost at every restart of the device,
 * and numbers change across boots. Writes to {@code smp_affinity_list} come as requests (the tee
 * stand-in): a list with no online CPU is refused with EINVAL, as the kernel's write_irq_affinity
 * refuses it. Each offloaded request is one interrupt on the effective CPU of one of the IRQs of
 * the devices that are up, round robin (the firmware's interrupt coalescing is not simulated).
 * Not thread-safe: the machine calls it under its lock.
 */
public final class SimInterrupts {

    /** The first IRQ number of a boot; each boot starts a little further on, so numbers change. */
    static final int FIRST_IRQ = 128;

    private final Path root;
    private final int cpus;
    private final Map<Integer, Irq> byDevice = new LinkedHashMap<>();
    private int boots;
    private int next = FIRST_IRQ;
    private long turn;

    private static final class Irq {
        final int number;
        final String name;
        final int device;
        BitSet allowed;
        int effective;
        final long[] counts;

        Irq(int number, String name, int device, BitSet allowed, int cpus) {
            this.number = number;
            this.name = name;
            this.device = device;
            this.allowed = allowed;
            this.effective = allowed.nextSetBit(0);
            this.counts = new long[cpus];
        }
    }

    /**
     * @param root the NAS's root ({@code QATWB_ROOT})
     * @param cpus online CPUs, numbered 0..cpus-1
     */
    public SimInterrupts(Path root, int cpus) {
        this.root = root;
        this.cpus = cpus;
    }

    /** Requests the IRQs of devices that came up and frees those of devices that went down; rewrites the files. */
    public void sync(List<SimDevice> devices, Predicate<SimDevice> up) {
        List<Integer> live = new ArrayList<>();
        for (SimDevice d : devices) {
            if (!up.test(d)) {
                continue;
            }
            live.add(d.index());
            if (!byDevice.containsKey(d.index())) {
                request(d);
            }
        }
        byDevice.keySet().removeIf(i -> !live.contains(i));
        write();
    }

    private void request(SimDevice d) {
        BitSet allowed = new BitSet();
        String name;
        if (d.vf()) {
            String[] bsf = d.bsf().split("[:.]");
            name = QatIrqName.ofVf(Integer.parseInt(bsf[1], 16), Integer.parseInt(bsf[2], 16), Integer.parseInt(bsf[3], 16));
            allowed.set(d.index() % cpus);
        } else {
            name = "qat" + d.index() + "-ae-cluster";
            allowed.set(0, cpus);
        }
        byDevice.put(d.index(), new Irq(next++, name, d.index(), allowed, cpus));
    }

    /** The machine went down: every IRQ gone; the next boot numbers them afresh, a little further on. */
    public void powerOff() {
        byDevice.clear();
        boots++;
        next = FIRST_IRQ + 3 * (boots % 7);
        write();
    }

    /** {@code n} completions: each an interrupt on the effective CPU of the VFs' IRQs in turn (the PFs' when no VF is up). */
    public void complete(long n) {
        List<Irq> targets = byDevice.values().stream().filter(i -> i.name.startsWith("qat_")).toList();
        if (targets.isEmpty()) {
            targets = List.copyOf(byDevice.values());
        }
        if (targets.isEmpty() || n <= 0) {
            return;
        }
        long each = n / targets.size();
        long rest = n % targets.size();
        for (int k = 0; k < targets.size(); k++) {
            Irq irq = targets.get((int) ((turn + k) % targets.size()));
            // the kernel's per-CPU count is an unsigned int
            irq.counts[irq.effective] = (irq.counts[irq.effective] + each + (k < rest ? 1 : 0)) & 0xffffffffL;
        }
        turn += rest;
    }

    /**
     * A write to {@code proc/irq/N/smp_affinity_list}: the CPUs allowed become those of the list, the
     * effective CPU the lowest of them; a list that is not one, or holds no online CPU, is EINVAL.
     */
    public Response writeAffinity(int number, String text) {
        Irq irq = byDevice.values().stream().filter(i -> i.number == number).findFirst().orElse(null);
        if (irq == null) {
            return Response.fail("No such file or directory", 1);
        }
        BitSet mask = new BitSet();
        try {
            CpuList.parse(text).stream().filter(c -> c < cpus).forEach(mask::set);
        } catch (ParseException e) {
            return Response.fail("Invalid argument", 1);
        }
        if (mask.isEmpty()) {
            return Response.fail("Invalid argument", 1);
        }
        irq.allowed = mask;
        irq.effective = mask.nextSetBit(0);
        write();
        return Response.ok("");
    }

    /**
     * A boot script's pin: the IRQ whose handler is named {@code name} gets {@code cpus}; false
     * when there is none (its device is not up) or the list is refused.
     */
    public boolean pinByName(String name, String cpus) {
        return byDevice.values().stream().filter(i -> i.name.equals(name)).findFirst()
                .map(i -> writeAffinity(i.number, cpus).rc() == 0).orElse(false);
    }

    /** The IRQs requested now, by number. */
    public List<SimIrq> irqs() {
        return byDevice.values().stream().sorted(Comparator.comparingInt(i -> i.number))
                .map(i -> new SimIrq(i.number, i.name, i.device, (BitSet) i.allowed.clone(), i.effective, i.counts.clone()))
                .toList();
    }

    /** Rewrites {@code proc/interrupts} only: what a step of the workload changes. */
    public void writeCounts() {
        AtomicFiles.write(root.resolve("proc/interrupts"), interruptsText());
    }

    /** Rewrites {@code proc/interrupts} and {@code proc/irq/}. */
    public void write() {
        List<Irq> sorted = byDevice.values().stream().sorted(Comparator.comparingInt(i -> i.number)).toList();
        writeCounts();
        Path dir = root.resolve("proc/irq");
        writeTree(sorted, dir);
    }

    private String interruptsText() {
        List<Irq> sorted = byDevice.values().stream().sorted(Comparator.comparingInt(i -> i.number)).toList();
        // as kernel/irq/proc.c's show_interrupts prints it: "CPU%-8d" per online CPU, "%*d: " and "%10u " per line
        StringBuilder t = new StringBuilder("     ");
        for (int c = 0; c < cpus; c++) {
            t.append("CPU");
            padded(t, Long.toString(c), -8);
        }
        t.append('\n');
        line(t, "0", "IO-APIC    2-edge      timer", 35);
        for (Irq i : sorted) {
            padded(t, Integer.toString(i.number), 3);
            t.append(':');
            for (int c = 0; c < cpus; c++) {
                t.append(' ');
                padded(t, Long.toString(i.counts[c]), 10);
            }
            t.append("  IR-PCI-MSI ").append(31981568 + i.number).append("-edge      ").append(i.name).append('\n');
        }
        line(t, "NMI", "Non-maskable interrupts", 0);
        return t.toString();
    }

    private void writeTree(List<Irq> sorted, Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    if (sorted.stream().noneMatch(i -> p.getFileName().toString().equals(Integer.toString(i.number)))) {
                        deleteTree(p);
                    }
                }
            }
            for (Irq i : sorted) {
                Path n = dir.resolve(Integer.toString(i.number));
                Files.createDirectories(n.resolve(i.name));
                AtomicFiles.write(n.resolve("smp_affinity_list"), list(i.allowed) + "\n");
                AtomicFiles.write(n.resolve("effective_affinity_list"), i.effective + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another driver's line, its count on CPU 0: the agent must leave it out. */
    private void line(StringBuilder t, String label, String rest, int onCpu0) {
        padded(t, label + ":", 4);
        for (int c = 0; c < cpus; c++) {
            t.append(' ');
            padded(t, Integer.toString(c == 0 ? onCpu0 : 0), 10);
        }
        t.append("   ").append(rest).append('\n');
    }

    /**
     * {@code s} padded with blanks to {@code width} (left-justified when negative), as {@code %Nd}
     * and {@code %-Nd} print it: the clock rewrites 56 CPUs' counts ten times a second, and
     * {@code String.format} per number made most of this JVM's garbage (docs/benchmarks.md, "Cost at rest").
     */
    private static void padded(StringBuilder t, String s, int width) {
        int blanks = Math.abs(width) - s.length();
        if (width < 0) {
            t.append(s);
        }
        for (int k = 0; k < blanks; k++) {
            t.append(' ');
        }
        if (width > 0) {
            t.append(s);
        }
    }

    private static String list(BitSet b) {
        StringBuilder out = new StringBuilder();
        int from = b.nextSetBit(0);
        while (from >= 0) {
            int to = b.nextClearBit(from) - 1;
            out.append(out.length() > 0 ? "," : "").append(from).append(to > from ? "-" + to : "");
            from = b.nextSetBit(to + 1);
        }
        return out.toString();
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                for (Path c : s.toList()) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
