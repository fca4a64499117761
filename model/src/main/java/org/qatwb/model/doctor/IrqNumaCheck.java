package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.cpu.CpuList;
import org.qatwb.model.irq.QatInterrupts;
import org.qatwb.model.irq.QatIrq;
import org.qatwb.model.irq.QatIrqName;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * {@code qat.irq-numa}: where a card's completions are handled (issue 12, section 4). ZFS's
 * requests complete in the driver's interrupt handler on the CPU the IRQ is delivered to; on the
 * other NUMA node every completion crosses the interconnect. The QAT 1.7 driver hints a VF's IRQ
 * to CPU {@code accel_id % num_online_cpus()} ({@code qat_common/adf_vf_isr.c},
 * adf_request_msi_irq), which walks every node whatever the card's; a PF bank's IRQ follows its
 * bank's CoreAffinity ({@code adf_cfg_section.c}, adf_cfg_setup_irq). AE-cluster vectors carry no
 * completions and are not judged.
 *
 * <p>Judged on the effective CPU where the kernel shows one, else on the CPUs allowed, else on
 * where most interrupts were counted since boot.
 */
final class IrqNumaCheck {

    private IrqNumaCheck() {
    }

    static CheckResult check(CheckContext c) {
        Check self = Check.QAT_IRQ_NUMA;
        NasSnapshot s = c.snapshot();
        if (s.interrupts().isEmpty()) {
            return CheckResult.skip(self, "the QAT lines of /proc/interrupts were not read");
        }
        SortedMap<Integer, CpuList> nodes = s.cpu().nodes();
        if (nodes.size() < 2) {
            return CheckResult.pass(self, "one NUMA node: every interrupt is local");
        }
        QatInterrupts irqs = s.interrupts().get();
        Map<String, QatDevice> byBsf = new HashMap<>();
        s.devices().ifPresent(d -> d.devices().forEach(dev -> byBsf.putIfAbsent(dev.bsf(), dev)));
        List<String> details = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        Map<Integer, Integer> taken = new HashMap<>();
        irqs.irqs().forEach(i -> i.effectiveCpu().ifPresent(cpu -> taken.merge(cpu, 1, Integer::sum)));
        int judged = 0;
        for (QatIrq irq : irqs.irqs()) {
            if (irq.kind() instanceof QatIrqName.AeCluster) {
                continue;
            }
            Optional<QatDevice> dev = irq.bsf().map(byBsf::get);
            if (dev.isEmpty() || dev.get().nodeId() == null || !nodes.containsKey(dev.get().nodeId())
                    || nodes.get(dev.get().nodeId()).size() == 0) {
                continue;
            }
            judged++;
            int node = dev.get().nodeId();
            CpuList local = nodes.get(node);
            Optional<String> where = remote(irq, local);
            if (where.isEmpty()) {
                continue;
            }
            int cpu = leastTaken(local, taken);
            taken.merge(cpu, 1, Integer::sum);
            details.add(irq.name() + " (IRQ " + irq.number() + ", " + dev.get().bsf() + " on node " + node + "): "
                    + where.get() + "; use a CPU of node " + node + " (" + local + "), e.g. " + cpu);
            if (irq.vf()) {
                commands.add("qatwb irq pin CONNECTION " + dev.get().bsf() + " " + cpu);
            }
        }
        if (judged == 0) {
            return CheckResult.skip(self, "no QAT completion interrupt of a device with a known NUMA node");
        }
        if (details.isEmpty()) {
            return CheckResult.pass(self, "the " + judged + " QAT completion interrupt(s) are delivered on their card's"
                    + " NUMA node");
        }
        String message = details.size() + " of " + judged + " QAT completion interrupt(s) land on another NUMA node than"
                + " their card's, first " + details.get(0);
        if (commands.isEmpty()) {
            return CheckResult.warn(self, message + ": give the bank's instances a CoreAffinity on the card's node")
                    .withDetails(details);
        }
        return CheckResult.warn(self, message, new Fix.CommandFix(commands,
                "pins each VF's interrupt to a CPU of its card's node and keeps it after a reboot (the driver's own hint"
                        + " ignores CoreAffinity); where irqbalance runs, it must leave these IRQs alone"))
                .withDetails(details);
    }

    /** Why the IRQ is judged remote, or empty when it is local (or nothing tells). */
    private static Optional<String> remote(QatIrq irq, CpuList local) {
        OptionalInt eff = irq.effectiveCpu();
        if (eff.isPresent()) {
            return local.contains(eff.getAsInt()) ? Optional.empty()
                    : Optional.of("delivered to CPU " + eff.getAsInt());
        }
        if (irq.allowed().isPresent()) {
            CpuList allowed = irq.allowed().get();
            return allowed.stream().anyMatch(local::contains) ? Optional.empty()
                    : Optional.of("allowed only on CPUs " + allowed);
        }
        long in = 0;
        long out = 0;
        for (Map.Entry<Integer, Long> e : irq.perCpu().entrySet()) {
            if (local.contains(e.getKey())) {
                in += e.getValue();
            } else {
                out += e.getValue();
            }
        }
        return out > in ? Optional.of(out + " of " + (in + out) + " interrupts counted on other CPUs") : Optional.empty();
    }

    /** The CPU of the node with the fewest QAT interrupts delivered to it, the lowest on a tie. */
    private static int leastTaken(CpuList local, Map<Integer, Integer> taken) {
        return local.stream().boxed()
                .min(Comparator.comparingInt((Integer cpu) -> taken.getOrDefault(cpu, 0)).thenComparingInt(cpu -> cpu))
                .orElseThrow();
    }
}
