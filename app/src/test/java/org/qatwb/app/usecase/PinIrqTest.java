package org.qatwb.app.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qatwb.model.irq.plan.IrqPinPlan;
import org.qatwb.model.irq.QatIrq;
import org.qatwb.model.irq.plan.IrqUnpinPlan;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.sim.SimOptions;

/** A VF's interrupt pinned and unpinned over real SSH on the simulated C62x, checked as the NAS reads it back. */
class PinIrqTest {

    @Test
    void aPinIsDeliveredAndKeptAndItsUnpinTakesItOut() throws Exception {
        try (SimNas nas = SimNas.start(SimOptions.driven("c62x"))) {
            NasSnapshot s = nas.agent().snapshot();
            // one on another CPU than 9, so that delivery there is the pin's doing
            QatIrq vf = s.interrupts().orElseThrow().irqs().stream().filter(QatIrq::vf).filter(i -> i.bsf().isPresent())
                    .filter(i -> i.effectiveCpu().orElse(-1) != 9).findFirst().orElseThrow();
            String bsf = vf.bsf().get();
            IrqPinPlan plan = IrqPinPlan.of(s, bsf, 9);
            PinIrq pin = new PinIrq(nas.agent(), SudoHint.CLI);
            PinIrq.Result r = pin.pin(plan);
            assertTrue(r.ok(), r.message().toString());
            assertEquals("Interrupt pinned", r.message().title());
            assertTrue(r.message().line().startsWith(plan.pin().irqName() + " (" + plan.pin().vfBsf()
                    + ") is delivered to CPU 9, and pinned again at every boot"), r.message().line());
            assertTrue(r.outcome().delivered(plan.pin().irqName(), 9));

            IrqUnpinPlan unpin = IrqUnpinPlan.of(nas.agent().snapshot(), bsf);
            PinIrq.Result u = pin.unpin(unpin);
            assertTrue(u.ok(), u.message().toString());
            assertTrue(u.outcome().kept().pins().isEmpty(), u.outcome().kept().toString());
            assertTrue(u.message().line().contains("no pin is left"), u.message().line());
        }
    }
}
