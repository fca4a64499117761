package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.sim.profile.Profiles;

/** The dashboard's kernel guard on the synchronous executor, over real SSH to the simulator. */
class KernelGuardViewModelTest {

    @RegisterExtension
    final TestNas sims = TestNas.demo();

    @Test
    void newKernelWarnsNamingTheKernelThatBootsNext() {
        KernelGuardViewModel vm = new KernelGuardViewModel(sims.connect(new NasTarget.Simulated("new-kernel")));
        String w = vm.warningProperty().get();
        assertTrue(w.startsWith("The next boot would lose QAT: kernel " + Profiles.NEW_KERNEL_RELEASE + " (boots next)"), w);
    }

    @Test
    void theHealthyC62xShowsNoWarning() {
        KernelGuardViewModel vm = new KernelGuardViewModel(sims.connect(new NasTarget.Simulated("c62x")));
        assertEquals("", vm.warningProperty().get());
    }
}
