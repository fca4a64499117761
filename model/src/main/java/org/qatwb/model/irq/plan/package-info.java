/**
 * Pinning a VF's completion interrupt, decided over a whole {@link org.qatwb.model.snapshot.NasSnapshot}:
 * {@link org.qatwb.model.irq.plan.IrqPinPlan} (the one use case of {@code qatwb irq pin} and the
 * layout editor's pin) and {@link org.qatwb.model.irq.plan.IrqUnpinPlan}.
 *
 * <p>Why a package of its own: the snapshot reads the facts of {@code model.irq} (the QAT lines of
 * {@code /proc/interrupts}, the affinities, the pins kept), so the plans that read a snapshot sit
 * above it, and no package of the model depends back on one that depends on it.
 */
package org.qatwb.model.irq.plan;
