package org.qatwb.model.irq;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.qatwb.model.cpu.CpuList;

/**
 * One QAT interrupt as the snapshot read it.
 *
 * @param number    the IRQ number (changes across boots; the name does not)
 * @param name      the driver's name ({@link QatIrqName})
 * @param kind      the name read
 * @param bsf       the device's PCI address ({@code DDDD:BB:DD.F}) from {@code adf_ctl status}: a PF's by
 *                  its {@code qat_dev<accel_id>} name, a VF's by bus, slot and function; empty when no
 *                  listed device matches
 * @param allowed   {@code smp_affinity_list}
 * @param effective {@code effective_affinity_list}
 * @param perCpu    interrupts handled so far, per CPU of the header
 */
public record QatIrq(int number, String name, QatIrqName kind, Optional<String> bsf, Optional<CpuList> allowed,
                     Optional<CpuList> effective, SortedMap<Integer, Long> perCpu) {

    public QatIrq {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bsf, "bsf");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(effective, "effective");
        perCpu = Collections.unmodifiableSortedMap(new TreeMap<>(perCpu));
    }

    /** The one CPU the interrupt is delivered to, when {@code effective_affinity_list} names exactly one. */
    public OptionalInt effectiveCpu() {
        return effective.filter(e -> e.size() == 1).map(e -> OptionalInt.of(e.stream().findFirst().getAsInt()))
                .orElse(OptionalInt.empty());
    }

    /** Whether it belongs to a VF (whose hint is core {@code accel_id mod online CPUs}, whatever CoreAffinity says). */
    public boolean vf() {
        return kind instanceof QatIrqName.Vf;
    }

    /** Interrupts handled on all CPUs together. */
    public long total() {
        return perCpu.values().stream().mapToLong(Long::longValue).sum();
    }
}
