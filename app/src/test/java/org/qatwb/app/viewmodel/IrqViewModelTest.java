package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qatwb.model.irq.IrqPinOutcome;
import org.qatwb.model.irq.QatIrq;
import org.qatwb.model.irq.plan.IrqPinPlan;
import org.qatwb.sim.SimulatedNas;

/** The core view's interrupts on the synchronous executor, over real SSH to the simulator: live rates, and a pin. */
class IrqViewModelTest {

    @RegisterExtension
    final TestNas sims = TestNas.demo();
    private NasViewModel nas;

    private double rate(IrqViewModel vm, int cpu) {
        return vm.ratesProperty().get().getOrDefault(cpu, 0.0);
    }

    @Test
    void ratesFollowTheLoadPerCoreAndMoveWithAPin() throws Exception {
        nas = sims.open("c62x");
        IrqViewModel vm = new IrqViewModel(nas);
        nas.connect();
        SimulatedNas sim = sims.get("c62x");
        // qat_dev3, the VF at 0000:3d:01.0, is hinted to CPU 3 by the driver
        assertTrue(NasViewModelTest.waitFor(() -> {
            sim.advance(Duration.ofSeconds(1));
            return rate(vm, 3) > 0;
        }), "QAT interrupts/s on CPU 3: " + vm.ratesProperty().get());

        IrqPinPlan plan = vm.plan("0000:3d:01.0", 9);
        assertEquals("qat_3d:01.00", plan.pin().irqName());
        assertTrue(plan.diff().contains("+ExecStart=-/bin/sh -c 'cd /proc/irq/*/qat_3d:01.00/.. && echo 9 > smp_affinity_list'"),
                plan.diff());
        AtomicReference<IrqPinOutcome> outcome = new AtomicReference<>();
        vm.pin(plan);
        assertFalse(vm.pinningProperty().get());
        outcome.set(vm.pinResultProperty().get().outcome().orElseThrow());
        assertTrue(outcome.get().failure().isEmpty(), outcome.get().steps().toString());
        QatIrq now = nas.snapshotProperty().get().interrupts().orElseThrow().byName("qat_3d:01.00").orElseThrow();
        assertEquals(9, now.effectiveCpu().getAsInt(), "the NAS was read again");
        assertEquals(1, nas.snapshotProperty().get().irqPins().pins().size());

        assertTrue(NasViewModelTest.waitFor(() -> {
            sim.advance(Duration.ofSeconds(1));
            return rate(vm, 9) > 0 && rate(vm, 3) == 0;
        }), "its completions moved from CPU 3 to CPU 9: " + vm.ratesProperty().get());
    }

    @Test
    void ratesAreNotComputedWhileUnwatchedAndCatchUpWhenWatchedAgain() throws Exception {
        nas = sims.open("c62x");
        IrqViewModel shown = new IrqViewModel(nas);
        IrqViewModel hidden = new IrqViewModel(nas);
        hidden.setWatched(false);
        nas.connect();
        SimulatedNas sim = sims.get("c62x");
        assertTrue(NasViewModelTest.waitFor(() -> {
            sim.advance(Duration.ofSeconds(1));
            return rate(shown, 3) > 0;
        }), "QAT interrupts/s on CPU 3: " + shown.ratesProperty().get());
        assertTrue(hidden.ratesProperty().get().isEmpty(), "computed while unwatched: " + hidden.ratesProperty().get());

        // samples arrive on the stream's own time: compare when none came between the two reads
        assertTrue(NasViewModelTest.waitFor(() -> {
            sim.advance(Duration.ofSeconds(1));
            hidden.setWatched(true);
            boolean same = !shown.ratesProperty().get().isEmpty()
                    && shown.ratesProperty().get().equals(hidden.ratesProperty().get());
            hidden.setWatched(false);
            return same;
        }), "watched again, the rates of the latest samples: " + hidden.ratesProperty().get()
                + " against " + shown.ratesProperty().get());
    }

    @Test
    void aPfOrAnOfflineCpuIsRefusedInOneLineBeforeAnythingIsSent() {
        nas = sims.open("c62x");
        IrqViewModel vm = new IrqViewModel(nas);
        nas.connect();
        IllegalArgumentException pf = assertThrows(IllegalArgumentException.class, () -> vm.plan("0000:3d:00.0", 9));
        assertTrue(pf.getMessage().contains("is a PF"), pf.getMessage());
        IllegalArgumentException cpu = assertThrows(IllegalArgumentException.class, () -> vm.plan("0000:3d:01.0", 99));
        assertTrue(cpu.getMessage().contains("not online"), cpu.getMessage());
    }
}
