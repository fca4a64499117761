package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.qatwb.model.irq.IrqCounts;
import org.qatwb.model.irq.InterruptTable;

/**
 * The simulated kernel's QAT interrupts: the driver's names and hints, counts that follow the
 * offload on the effective CPU, writable affinity, and new numbers (and lost pins) after a reboot.
 */
class SimInterruptsTest {

    private static InterruptTable interrupts(SimulatedNas nas) throws Exception {
        Shell.Result r = Shell.run(nas, "cat \"$QATWB_ROOT\"/proc/interrupts");
        assertEquals(0, r.rc(), r.err());
        return InterruptTable.parse(r.out());
    }

    private static String read(SimulatedNas nas, String path) {
        return Shell.run(nas, "cat \"$QATWB_ROOT\"/" + path).out().strip();
    }

    @Test
    void eachVfThatIsUpHasItsMsiNamedAndHintedAsTheDriverDoes() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            InterruptTable t = interrupts(nas);
            assertEquals(56, t.cpus().length);
            // 3 PFs' AE vectors and 48 VFs' MSIs; the first VF is qat_dev3 at 0000:3d:01.0
            assertEquals(51, t.irqs().size());
            IrqCounts vf = t.byName("qat_3d:01.00").orElseThrow();
            assertEquals("3", read(nas, "proc/irq/" + vf.number() + "/smp_affinity_list"), "accel_id 3 mod 56 CPUs");
            assertEquals("3", read(nas, "proc/irq/" + vf.number() + "/effective_affinity_list"));
            assertTrue(t.byName("qat0-ae-cluster").isPresent());
            assertEquals(0, Shell.run(nas, "test -d \"$QATWB_ROOT\"/proc/irq/" + vf.number() + "/qat_3d:01.00").rc(),
                    "the handler's directory, by which a boot script finds the IRQ");
        }
    }

    @Test
    void offloadedRequestsCountOnTheEffectiveCpuAndFollowAPin() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            nas.workload().set("tank/backup", 100, 0);
            nas.advance(Duration.ofSeconds(5));
            IrqCounts before = interrupts(nas).byName("qat_3d:01.00").orElseThrow();
            assertTrue(before.counts()[3] > 0, "the hinted CPU handled them");
            assertEquals(before.total(), before.counts()[3]);

            Shell.Result w = Shell.run(nas, "echo 17 | tee \"$QATWB_ROOT\"/proc/irq/" + before.number()
                    + "/smp_affinity_list");
            assertEquals(0, w.rc(), w.err());
            assertEquals("17", read(nas, "proc/irq/" + before.number() + "/effective_affinity_list"));
            nas.advance(Duration.ofSeconds(5));
            IrqCounts after = interrupts(nas).byName("qat_3d:01.00").orElseThrow();
            assertEquals(before.counts()[3], after.counts()[3], "nothing more on the old CPU");
            assertTrue(after.counts()[17] > 0, "now on CPU 17");
        }
    }

    @Test
    void aListWithoutAnOnlineCpuIsRefusedAsTheKernelRefusesIt() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            int n = interrupts(nas).byName("qat_3d:01.00").orElseThrow().number();
            for (String bad : new String[] {"99", "x", "5-2"}) {
                Shell.Result w = Shell.run(nas, "echo '" + bad + "' | tee \"$QATWB_ROOT\"/proc/irq/" + n + "/smp_affinity_list");
                assertEquals(1, w.rc(), bad);
                assertTrue(w.err().contains("Invalid argument"), w.err());
            }
            assertEquals("3", read(nas, "proc/irq/" + n + "/smp_affinity_list"));
        }
    }

    @Test
    void aRebootRenumbersTheIrqsAndForgetsAPin() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            int n = interrupts(nas).byName("qat_3d:01.00").orElseThrow().number();
            assertEquals(0, Shell.run(nas, "echo 9 | tee \"$QATWB_ROOT\"/proc/irq/" + n + "/smp_affinity_list").rc());
            nas.reboot();
            int m = interrupts(nas).byName("qat_3d:01.00").orElseThrow().number();
            assertNotEquals(n, m);
            assertEquals("3", read(nas, "proc/irq/" + m + "/smp_affinity_list"), "the driver's hint again");
        }
    }
}
