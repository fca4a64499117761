package org.qatwb.model.irq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.qatwb.model.adf.AdfStatus;
import org.qatwb.model.adf.QatDevice;

/**
 * The QAT interrupts of a NAS: {@code /proc/interrupts}' QAT lines joined with each IRQ's
 * affinity and the device it belongs to.
 *
 * @param irqs        in {@code /proc/interrupts}' order
 * @param warnings    one line per line of either item that could not be read
 * @param irqbalance  whether irqbalance is active ({@code systemctl is-active irqbalance}); empty when
 *                    not known. Where it runs it moves every IRQ it was not told to leave alone, pins included
 */
public record QatInterrupts(List<QatIrq> irqs, List<String> warnings, Optional<Boolean> irqbalance) {

    public QatInterrupts {
        irqs = List.copyOf(irqs);
        warnings = List.copyOf(warnings);
        java.util.Objects.requireNonNull(irqbalance, "irqbalance");
    }

    /** The same, with irqbalance's state as read. */
    public QatInterrupts withIrqbalance(Optional<Boolean> active) {
        return new QatInterrupts(irqs, warnings, active);
    }

    /**
     * Joins the two items and the devices.
     *
     * @param table      {@code /proc/interrupts}
     * @param affinities by IRQ number; an IRQ without a line has neither list
     * @param devices    {@code adf_ctl status}, to name each IRQ's device
     */
    public static QatInterrupts of(InterruptTable table, Map<Integer, IrqAffinity> affinities,
                                   Optional<AdfStatus> devices, List<String> warnings) {
        int[] cpus = table.cpus();
        List<QatIrq> irqs = new ArrayList<>();
        for (IrqCounts c : table.irqs()) {
            TreeMap<Integer, Long> perCpu = new TreeMap<>();
            long[] counts = c.counts();
            for (int i = 0; i < cpus.length; i++) {
                perCpu.put(cpus[i], counts[i]);
            }
            IrqAffinity a = affinities.getOrDefault(c.number(), IrqAffinity.unknown(c.number()));
            irqs.add(new QatIrq(c.number(), c.name(), c.kind(), devices.flatMap(d -> bsf(c.kind(), d)), a.allowed(),
                    a.effective(), perCpu));
        }
        List<String> all = new ArrayList<>(table.warnings());
        all.addAll(warnings);
        return new QatInterrupts(irqs, all, Optional.empty());
    }

    /** The device's address: a PF by its {@code qat_dev<accel_id>} name, a VF by its bus, slot and function. */
    static Optional<String> bsf(QatIrqName kind, AdfStatus status) {
        if (kind instanceof QatIrqName.Bundle b) {
            return pf(b.accelId(), status);
        }
        if (kind instanceof QatIrqName.AeCluster a) {
            return pf(a.accelId(), status);
        }
        QatIrqName.Vf v = (QatIrqName.Vf) kind;
        return status.devices().stream().filter(d -> d.vf() && d.bsf().endsWith(":" + v.busSlotFunction()))
                .map(QatDevice::bsf).findFirst();
    }

    private static Optional<String> pf(int accelId, AdfStatus status) {
        return status.devices().stream().filter(d -> !d.vf() && d.name().equals("qat_dev" + accelId))
                .map(QatDevice::bsf).findFirst();
    }

    /** The IRQs of the device at {@code bsf}. */
    public List<QatIrq> ofDevice(String bsf) {
        return irqs.stream().filter(i -> i.bsf().filter(bsf::equals).isPresent()).toList();
    }

    /** The IRQ named {@code name}. */
    public Optional<QatIrq> byName(String name) {
        return irqs.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
