package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.app.apply.When;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.InstanceSection;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.layout.Instance;

/**
 * A VF dropped on a core, on the synchronous executor over real SSH to the simulator: the one
 * gesture pins the VF's interrupt now and edits the CoreAffinity its interrupt-mode instances
 * share as a pending layout edit, and says which is which.
 */
class VfCoreViewModelTest {

    private static final String VF = "0000:3d:01.0";
    private static final String VF_CONF = "etc/c6xxvf_dev0.conf";

    private final BuiltInSimulator sims = TestNas.simulators();
    private NasViewModel nas;

    @AfterEach
    void tearDown() {
        if (nas != null) {
            nas.close();
        }
        sims.close();
    }

    private static Device vf(Layout l) {
        return l.devices().stream().filter(d -> d.vf() && d.info().bsf().filter(VF::equals).isPresent()).findFirst()
                .orElseThrow();
    }

    @Test
    void oneDropPinsTheInterruptNowAndLeavesTheCoreAffinityAsAPendingEditUntilApplied() throws Exception {
        nas = TestNas.viewModel(new NasTarget.Simulated("c62x"), sims);
        nas.connect();
        IrqViewModel irq = new IrqViewModel(nas);
        LayoutEditorViewModel editor = new LayoutEditorViewModel(nas);
        VfCoreViewModel vm = new VfCoreViewModel(irq, editor);
        Path conf = sims.get("c62x").root().resolve(VF_CONF);
        String before = Files.readString(conf, StandardCharsets.ISO_8859_1);

        VfCoreViewModel.Drop drop = vm.plan(VF, 9);
        assertTrue(drop.pin().isPresent(), drop.pinRefusal().toString());
        assertFalse(editor.changedProperty().get(), "planning changes nothing");
        vm.commit(drop);

        VfCoreViewModel.Report r = vm.reportProperty().get();
        assertTrue(r.pinned(), r.interrupt());
        assertTrue(r.interrupt().contains("qat_3d:01.00 pinned to core 9 now"), r.interrupt());
        assertTrue(r.coreAffinity().contains("set to 9 in the layout: written when the layout is applied"), r.coreAffinity());
        assertEquals(9, nas.snapshotProperty().get().interrupts().orElseThrow().byName("qat_3d:01.00").orElseThrow()
                .effectiveCpu().getAsInt(), "the IRQ is delivered to core 9 now");

        assertTrue(editor.changedProperty().get(), "a pending layout edit");
        int interruptMode = 0;
        for (InstanceSection s : vf(editor.layoutProperty().get()).config().sections()) {
            for (Instance i : s.cy()) {
                if (Layout.interruptMode(s, i)) {
                    interruptMode++;
                    assertEquals(9, i.core().getAsInt(), s.name() + " Cy");
                }
            }
            for (Instance i : s.dc()) {
                if (Layout.interruptMode(s, i)) {
                    interruptMode++;
                    assertEquals(9, i.core().getAsInt(), s.name() + " Dc");
                }
            }
        }
        assertTrue(interruptMode >= 2, "the VF's Cy and Dc moved together: " + interruptMode);
        assertEquals(1, editor.compilationProperty().get().changes().size(), "one file in the pending diff");
        assertEquals(before, Files.readString(conf, StandardCharsets.ISO_8859_1), "not written before the layout is applied");

        editor.apply(When.STAGE, Duration.ofSeconds(120));
        String after = Files.readString(conf, StandardCharsets.ISO_8859_1);
        assertTrue(after.matches("(?s).*Cy0CoreAffinity *= *9\\b.*") && after.matches("(?s).*Dc0CoreAffinity *= *9\\b.*"),
                after);
    }

    @Test
    void aPfDropIsNotPinnedAndSaysSoWhileAPolledOnlyVfKeepsItsCoreAffinity() {
        nas = TestNas.viewModel(new NasTarget.Simulated("c62x"), sims);
        nas.connect();
        IrqViewModel irq = new IrqViewModel(nas);
        LayoutEditorViewModel editor = new LayoutEditorViewModel(nas);
        VfCoreViewModel vm = new VfCoreViewModel(irq, editor);

        VfCoreViewModel.Drop pf = vm.plan("0000:3d:00.0", 9);
        assertTrue(pf.pin().isEmpty());
        vm.commit(pf);
        VfCoreViewModel.Report r = vm.reportProperty().get();
        assertFalse(r.pinned());
        assertTrue(r.interrupt().startsWith("Interrupt not pinned:") && r.interrupt().contains("is a PF"), r.interrupt());
        assertTrue(r.coreAffinity().startsWith("CoreAffinity unchanged: the layout has no VF at 0000:3d:00.0"),
                r.coreAffinity());
        assertFalse(editor.changedProperty().get());
        assertTrue(nas.snapshotProperty().get().irqPins().pins().isEmpty(), "nothing was pinned");
    }

    @Test
    void aPinTheNasCannotBeAskedForSaysSoWhileTheLayoutEditStands() {
        nas = TestNas.viewModel(new NasTarget.Simulated("c62x"), sims);
        nas.connect();
        IrqViewModel irq = new IrqViewModel(nas);
        LayoutEditorViewModel editor = new LayoutEditorViewModel(nas);
        VfCoreViewModel vm = new VfCoreViewModel(irq, editor);
        VfCoreViewModel.Drop drop = vm.plan(VF, 9);
        nas.close();
        vm.commit(drop);
        VfCoreViewModel.Report r = vm.reportProperty().get();
        assertFalse(r.pinned());
        assertEquals("Interrupt not pinned: not connected to the NAS", r.interrupt());
        assertTrue(editor.changedProperty().get(), "the CoreAffinity edit is pending: " + r.coreAffinity());
    }
}
