package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qatwb.app.usecase.apply.When;
import org.qatwb.model.irq.plan.IrqPinPlan;
import org.qatwb.model.irq.IrqPinUnit;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.Instance;
import org.qatwb.model.layout.InstanceSection;
import org.qatwb.model.layout.Layout;

/**
 * A VF dropped on a core, on the synchronous executor over real SSH to the simulator: the one
 * gesture pins the VF's interrupt now and edits the CoreAffinity its interrupt-mode instances
 * share as a pending layout edit, and says which is which.
 */
class VfCoreViewModelTest {

    private static final String VF = "0000:3d:01.0";
    private static final String VF_CONF = "etc/c6xxvf_dev0.conf";

    @RegisterExtension
    final TestNas sims = TestNas.demo();
    private NasViewModel nas;

    private static Device vf(Layout l) {
        return l.devices().stream().filter(d -> d.vf() && d.info().bsf().filter(VF::equals).isPresent()).findFirst()
                .orElseThrow();
    }

    @Test
    void oneDropPinsTheInterruptNowAndLeavesTheCoreAffinityAsAPendingEditUntilApplied() throws Exception {
        nas = sims.connect("c62x");
        IrqViewModel irq = new IrqViewModel(nas);
        LayoutEditorViewModel editor = new LayoutEditorViewModel(nas);
        VfCoreViewModel vm = new VfCoreViewModel(irq, editor);
        Path conf = sims.get("c62x").root().resolve(VF_CONF);
        String before = Files.readString(conf, StandardCharsets.ISO_8859_1);

        vm.drop(VF, 9);
        VfCoreViewModel.Drop drop = vm.pendingProperty().get();
        assertTrue(drop.pin().isPresent(), drop.pinRefusal().toString());
        assertFalse(editor.changedProperty().get(), "a drop changes nothing before the yes");
        vm.confirm();
        assertNull(vm.pendingProperty().get());

        VfCoreViewModel.Report r = vm.reportProperty().get();
        assertTrue(r.pinned(), r.interrupt());
        assertTrue(r.interrupt().contains("qat_3d:01.00 pinned to core 9 now"), r.interrupt());
        assertTrue(r.coreAffinity().contains("set to 9 in the layout: written when the layout is applied"), r.coreAffinity());
        assertEquals(9, nas.snapshotProperty().get().interrupts().orElseThrow().byName("qat_3d:01.00").orElseThrow()
                .effectiveCpu().getAsInt(), "the IRQ is delivered to core 9 now");
        irq.pin(irq.plan(VF, 10));   // the core view's pin, not this drop's
        assertTrue(irq.pinResultProperty().get().outcome().isPresent(), irq.pinResultProperty().get().toString());
        assertSame(r, vm.reportProperty().get(), "a pin asked elsewhere does not rewrite the drop's report");
        irq.pin(irq.plan(VF, 9));
        vm.drop(VF, 9);   // the same pin again: the report is its answer, not the last one
        vm.confirm();
        assertTrue(vm.reportProperty().get().pinned(), vm.reportProperty().get().interrupt());
        assertTrue(vm.reportProperty().get().coreAffinity().contains("already"), vm.reportProperty().get().coreAffinity());

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
        nas = sims.connect("c62x");
        IrqViewModel irq = new IrqViewModel(nas);
        LayoutEditorViewModel editor = new LayoutEditorViewModel(nas);
        VfCoreViewModel vm = new VfCoreViewModel(irq, editor);

        vm.drop("0000:3d:00.0", 9);
        assertTrue(vm.pendingProperty().get().pin().isEmpty());
        vm.confirm();
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
        nas = sims.connect("c62x");
        IrqViewModel irq = new IrqViewModel(nas);
        LayoutEditorViewModel editor = new LayoutEditorViewModel(nas);
        VfCoreViewModel vm = new VfCoreViewModel(irq, editor);
        vm.drop(VF, 9);
        nas.close();
        vm.confirm();
        VfCoreViewModel.Report r = vm.reportProperty().get();
        assertFalse(r.pinned());
        assertEquals("Interrupt not pinned: not connected to the NAS", r.interrupt());
        assertTrue(editor.changedProperty().get(), "the CoreAffinity edit is pending: " + r.coreAffinity());
    }

    @Test
    void nothingIsWrittenUntilTheUserSaysYesAndANoForgetsTheDrop() throws Exception {
        nas = sims.connect("c62x");
        IrqViewModel irq = new IrqViewModel(nas);
        LayoutEditorViewModel editor = new LayoutEditorViewModel(nas);
        VfCoreViewModel vm = new VfCoreViewModel(irq, editor);
        Path unit = sims.get("c62x").root().resolve(IrqPinUnit.PATH.substring(1));
        int cpuBefore = cpuOf("qat_3d:01.00");
        assertTrue(cpuBefore != 9, "the VF's IRQ starts elsewhere: " + cpuBefore);

        vm.drop(VF, 9);
        VfCoreViewModel.Drop drop = vm.pendingProperty().get();
        IrqPinPlan plan = drop.pin().orElseThrow();
        assertEquals(IrqPinUnit.PATH, plan.where());
        assertTrue(plan.diff().contains("+++ " + IrqPinUnit.PATH), plan.diff());
        assertTrue(plan.steps().contains("systemctl enable " + IrqPinUnit.NAME), plan.steps().toString());
        assertFalse(plan.replacesHandEdit());
        nas.refresh();
        assertFalse(Files.exists(unit), "no unit before the yes");
        assertTrue(nas.snapshotProperty().get().irqPins().pins().isEmpty(), "nothing pinned before the yes");
        assertEquals(cpuBefore, cpuOf("qat_3d:01.00"), "the IRQ not moved before the yes");
        assertFalse(editor.changedProperty().get());
        assertNull(vm.reportProperty().get());

        vm.cancel();
        assertNull(vm.pendingProperty().get());
        vm.confirm();
        assertFalse(Files.exists(unit), "a yes after the no has nothing to confirm");
        assertFalse(editor.changedProperty().get());
        assertNull(vm.reportProperty().get());

        vm.drop(VF, 9);
        vm.confirm();
        assertTrue(Files.exists(unit), "written on the yes");
        assertTrue(vm.reportProperty().get().pinned(), vm.reportProperty().get().interrupt());
    }

    @Test
    void aYesToADiffThatNoLongerHoldsWritesNothingAndShowsTheNewDiff() throws Exception {
        nas = sims.connect("c62x");
        IrqViewModel irq = new IrqViewModel(nas);
        LayoutEditorViewModel editor = new LayoutEditorViewModel(nas);
        VfCoreViewModel vm = new VfCoreViewModel(irq, editor);
        vm.drop(VF, 9);
        VfCoreViewModel.Drop shown = vm.pendingProperty().get();
        // meanwhile someone else keeps a pin of another VF (as qatwb irq pin would) and the NAS is read again
        VfCoreViewModel other = new VfCoreViewModel(irq, new LayoutEditorViewModel(nas));
        other.drop("0000:3d:01.1", 3);
        other.confirm();
        assertTrue(other.reportProperty().get().pinned(), other.reportProperty().get().interrupt());

        vm.confirm();
        VfCoreViewModel.Drop now = vm.pendingProperty().get();
        assertTrue(now != null && !now.pin().orElseThrow().diff().equals(shown.pin().orElseThrow().diff()),
                "the new diff waits for a yes of its own");
        assertFalse(editor.changedProperty().get(), "nothing changed on the stale yes");
        assertEquals(1, nas.snapshotProperty().get().irqPins().pins().size(), "only the other pin is kept");
        vm.confirm();
        assertEquals(2, nas.snapshotProperty().get().irqPins().pins().size());
    }

    private int cpuOf(String irq) {
        return nas.snapshotProperty().get().interrupts().orElseThrow().byName(irq).orElseThrow().effectiveCpu().getAsInt();
    }
}
