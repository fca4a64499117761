package org.qatwb.sim.irq;

import java.util.BitSet;

/**
 * One requested QAT interrupt.
 *
 * @param number    the IRQ number, new at every request
 * @param name      the driver's name for it
 * @param device    the {@code qat_devN} index (accel_id) of its device
 * @param allowed   {@code smp_affinity_list}
 * @param effective the CPU it is delivered to: the lowest allowed one, as the x86 vector allocator
 *                  picks one CPU of the mask
 * @param counts    interrupts handled per CPU (a copy; the table keeps the live array)
 */
public record SimIrq(int number, String name, int device, BitSet allowed, int effective, long[] counts) {
}
