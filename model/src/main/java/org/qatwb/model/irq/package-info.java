/**
 * Where QAT's interrupts land (DOMAIN.md section 4, "Interrupts"; issue 12, section 4): the QAT
 * lines of {@code /proc/interrupts} and each QAT IRQ's {@code smp_affinity_list} and
 * {@code effective_affinity_list}, read from the agent's {@code interrupts} and
 * {@code irq_affinity} items, per-CPU interrupt rates between two stream ticks, and the pins kept
 * after a reboot as read back. The snapshot reads these facts; the plans that pin over a whole
 * snapshot are in {@code model.irq.plan}, above it.
 *
 * <p>The names are the driver's: a PF bank's vector is {@code qat<accel_id>-bundle<bank>} and its
 * AE vector {@code qat<accel_id>-ae-cluster} ({@code qat_common/adf_isr.c}, adf_request_irqs), a
 * VF's one MSI is {@code qat_<bus hex>:<slot decimal>.<function decimal>}, each two digits
 * ({@code qat_common/adf_vf_isr.c}, adf_request_msi_irq; the same in 4.8 and 4.24).
 */
package org.qatwb.model.irq;
