package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qatwb.app.usecase.apply.When;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.InstanceRef;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.layout.Preset;
import org.qatwb.sim.SimOptions;

/** The layout editor's view model on the synchronous executor, applying to the simulated C62x NAS. */
class LayoutEditorViewModelTest {

    /**
     * Booted as root on ZFS boots (zfs.ko first): ZFS holds no QAT device, so a restart can apply a
     * layout (where it holds them the driver refuses, and the restart is deferred to the next boot).
     */
    @RegisterExtension
    final TestNas sims = TestNas.of(p -> SimOptions.driven(p).withDemoLoad(true).withKeptParams(false));
    private NasViewModel nas;

    private LayoutEditorViewModel open(String profile) {
        nas = sims.connect(profile);
        return new LayoutEditorViewModel(nas);
    }

    @Test
    void anUnchangedLayoutCompilesToNothingAndAnEditShowsItsDiffWithUndoAndRedo() {
        LayoutEditorViewModel vm = open("c62x");
        assertFalse(vm.changedProperty().get());
        assertTrue(vm.compilationProperty().get().changes().isEmpty(), "the layout as read gives back the files as read");

        InstanceRef first = firstKernelInstance(vm);
        int core = vm.layoutProperty().get().instance(first).orElseThrow().core().getAsInt();
        vm.setAffinity(first, core + 1);
        assertTrue(vm.changedProperty().get());
        assertTrue(vm.compilationProperty().get().diff().contains("+" + first.kind().name().charAt(0)), vm.compilationProperty().get().diff());
        assertEquals(1, vm.compilationProperty().get().changes().size(), "one file, one line");
        assertTrue(vm.canUndoProperty().get());

        vm.undo();
        assertFalse(vm.changedProperty().get());
        assertTrue(vm.canRedoProperty().get());
        vm.redo();
        assertTrue(vm.changedProperty().get());
        vm.revert();
        assertFalse(vm.changedProperty().get());
    }

    @Test
    void movingOneInterruptModeInstanceOfAVfMovesItsSiblingsAndSaysWhyInOneLine() {
        LayoutEditorViewModel vm = open("c62x");
        DeviceKey vf = DeviceKey.parse("c6xxvf_dev4");
        InstanceRef cy = new InstanceRef(vf, "KERNEL_QAT", InstanceKind.CY, 0);
        InstanceRef dc = new InstanceRef(vf, "KERNEL_QAT", InstanceKind.DC, 0);
        int core = vm.layoutProperty().get().instance(cy).orElseThrow().core().getAsInt();
        assertEquals(core, vm.layoutProperty().get().instance(dc).orElseThrow().core().getAsInt(), "one core per VF");
        int other = core == 40 ? 41 : 40;

        vm.setAffinity(dc, other);
        assertEquals(other, vm.layoutProperty().get().instance(cy).orElseThrow().core().getAsInt());
        assertEquals(other, vm.layoutProperty().get().instance(dc).orElseThrow().core().getAsInt());
        var c = vm.compilationProperty().get();
        assertTrue(c.applicable(), c.findings().toString());
        assertEquals(List.of(), c.findings(), "the driver model places the VF: both on one core");
        String note = vm.editNoteProperty().get();
        assertTrue(note != null && note.startsWith("c6xxvf_dev4: 2 interrupt-mode instances moved to core " + other
                + " together") && !note.contains("\n"), String.valueOf(note));

        vm.undo();
        vm.applyPreset(Preset.ZFS_ALL);
        assertEquals(null, vm.editNoteProperty().get(), "another edit clears the note");
    }

    @Test
    void theServicesOfferedAreTheCatalogsAndTheCapacityIsTheDriverModels() {
        LayoutEditorViewModel vm = open("c62x");
        vm.select(List.of(DeviceKey.parse("c6xxvf_dev4")));
        List<String> choices = vm.servicesChoices();
        assertEquals(List.of("dc", "cy", "cy;dc", "sym", "asym", "sym;dc", "asym;dc"), choices.subList(0, 7));
        assertTrue(DeviceCatalog.QAT1_SERVICES.containsAll(choices), choices.toString());
        assertFalse(choices.contains("sym;asym;dc"), "a name the driver refuses is never offered");
        assertEquals("one bank holds 2 Cy + 2 Dc (ring map cy;dc, the PF's); its interrupt-mode instances share one"
                + " core and one section", vm.capacity(DeviceKey.parse("c6xxvf_dev4")));
        assertTrue(vm.capacity(DeviceKey.parse("c6xx_dev0")).startsWith("16 banks, each holds 2 Cy + 2 Dc"),
                vm.capacity(DeviceKey.parse("c6xx_dev0")));
    }

    @Test
    void theCompressionPresetStagedOnTheNasWritesExactlyTheCompiledFiles() throws Exception {
        LayoutEditorViewModel vm = open("c62x");
        vm.applyPreset(Preset.ZFS_COMPRESSION);
        var compiled = vm.compilationProperty().get();
        assertTrue(compiled.applicable(), compiled.findings().toString());
        assertTrue(vm.kernelInstances(InstanceKind.DC) <= LayoutEditorViewModel.ZFS_CAP);
        Map<String, byte[]> expected = new HashMap<>();
        compiled.changes().forEach(c -> expected.put(c.path(), c.after()));
        assertFalse(expected.isEmpty());

        vm.apply(When.STAGE, Duration.ofSeconds(120));

        Path root = sims.get("c62x").root();
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            assertEquals(new String(e.getValue(), java.nio.charset.StandardCharsets.ISO_8859_1),
                    Files.readString(root.resolve(e.getKey().substring(1)), java.nio.charset.StandardCharsets.ISO_8859_1), e.getKey());
        }
        Notice n = nas.notices().get(nas.notices().size() - 1);
        assertEquals("Written for the next boot", n.title(), n.message());
        assertFalse(vm.changedProperty().get(), "the NAS's new files are the new base");
        assertTrue(vm.compilationProperty().get().changes().isEmpty());
    }

    @Test
    void aRestartApplyIsVerifiedConfirmedAndADriverRefusalRollsBackByItself() throws Exception {
        LayoutEditorViewModel vm = open("c62x");
        Path root = sims.get("c62x").root();
        vm.applyPreset(Preset.ZFS_COMPRESSION);
        Map<String, byte[]> compiled = new HashMap<>();
        vm.compilationProperty().get().changes().forEach(c -> compiled.put(c.path(), c.after()));

        vm.apply(When.RESTART, Duration.ofSeconds(120));

        Notice done = nas.notices().get(nas.notices().size() - 1);
        assertEquals("Applied and QAT restarted", done.title(), done.message());
        for (Map.Entry<String, byte[]> e : compiled.entrySet()) {
            assertEquals(new String(e.getValue(), java.nio.charset.StandardCharsets.ISO_8859_1),
                    Files.readString(root.resolve(e.getKey().substring(1)), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        assertTrue(nas.devices().stream().allMatch(d -> d.up() && d.children().stream().allMatch(org.qatwb.app.workbench.DeviceRow::up)));
        assertTrue(nas.charts().history().events().stream().anyMatch(e -> e.kind() == org.qatwb.model.history.EventKind.RESTART));

        Map<String, String> before = new HashMap<>();
        for (String f : compiled.keySet()) {
            before.put(f, Files.readString(root.resolve(f.substring(1)), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        vm.applyPreset(Preset.ZFS_ALL);
        sims.get("c62x").faults().failNextRestart("adf_ctl: Failed to start qat_dev0");
        vm.apply(When.RESTART, Duration.ofSeconds(120));

        Notice rolledBack = nas.notices().get(nas.notices().size() - 1);
        assertEquals("Rolled back", rolledBack.title(), rolledBack.message());
        for (Map.Entry<String, String> e : before.entrySet()) {
            assertEquals(e.getValue(), Files.readString(root.resolve(e.getKey().substring(1)), java.nio.charset.StandardCharsets.ISO_8859_1),
                    "the complete old set is back: " + e.getKey());
        }
    }

    @Test
    void theHistoryReturnsToTheFilesBeforeAnApply() throws Exception {
        LayoutEditorViewModel vm = open("c62x");
        Path root = sims.get("c62x").root();
        String pf0 = Files.readString(root.resolve("etc/c6xx_dev0.conf"), java.nio.charset.StandardCharsets.ISO_8859_1);
        vm.applyPreset(Preset.ZFS_COMPRESSION);
        vm.apply(When.STAGE, Duration.ofSeconds(120));
        assertNotEquals(pf0, Files.readString(root.resolve("etc/c6xx_dev0.conf"), java.nio.charset.StandardCharsets.ISO_8859_1));

        nas.transactions().loadHistory();
        assertFalse(nas.transactions().readingHistoryProperty().get());
        java.util.List<org.qatwb.model.apply.TxRecord> history = nas.transactions().historyProperty().get();
        assertEquals(1, history.size(), history.toString());
        nas.transactions().restore(history.get(0).id(), org.qatwb.model.apply.RestorePoint.BEFORE, When.STAGE);

        assertEquals(pf0, Files.readString(root.resolve("etc/c6xx_dev0.conf"), java.nio.charset.StandardCharsets.ISO_8859_1),
                "back to the files before the apply");
        assertFalse(vm.changedProperty().get());
        assertTrue(vm.compilationProperty().get().changes().isEmpty());
    }

    @Test
    void aDraggedInstanceIsNamedByItsFormatAndResolvedOnlyWhileTheLayoutHasIt() {
        LayoutEditorViewModel vm = open("c62x");
        InstanceRef first = firstKernelInstance(vm);
        assertEquals(java.util.Optional.of(first), vm.instanceNamed(first.format()));
        assertTrue(vm.instancesByCore().values().stream().anyMatch(names -> names.contains(first.format())),
                "the core strip names instances as a drag does");

        InstanceRef beyond = new InstanceRef(first.device(), first.section(), first.kind(), 4096);
        assertTrue(vm.instanceNamed(beyond.format()).isEmpty(), "well formed, but the layout has no such instance");
        assertTrue(vm.instanceNamed(first.format() + " ").isEmpty(), "another spelling is no instance");
        assertTrue(vm.instanceNamed("rm -rf /").isEmpty());
        assertTrue(vm.instanceNamed(null).isEmpty());
        assertTrue(vm.instanceNamed("c6xxvf_dev999 [KERNEL_QAT] Cy0").isEmpty(), "no such device");
    }

    @Test
    void anApplyAskedElsewhereLeavesTheEditsInProgressAlone() throws Exception {
        LayoutEditorViewModel vm = open("c62x");
        vm.applyPreset(Preset.ZFS_COMPRESSION);
        vm.apply(When.STAGE, Duration.ofSeconds(120));
        assertFalse(vm.changedProperty().get(), "its own apply written: the NAS's new files are the base");
        assertTrue(vm.compilationProperty().get().changes().isEmpty());

        InstanceRef first = firstKernelInstance(vm);
        vm.setAffinity(first, vm.layoutProperty().get().instance(first).orElseThrow().core().orElse(0) == 1 ? 2 : 1);
        assertTrue(vm.changedProperty().get());
        Layout edited = vm.layoutProperty().get();
        nas.transactions().loadHistory();
        nas.transactions().restore(nas.transactions().historyProperty().get().get(0).id(),
                org.qatwb.model.apply.RestorePoint.BEFORE, When.STAGE);
        assertTrue(nas.transactions().resultProperty().get().result().verdict().written(),
                nas.transactions().resultProperty().get().toString());
        assertEquals(edited, vm.layoutProperty().get(), "the restore is not the editor's apply: the edit stays");
        assertTrue(vm.changedProperty().get());
    }

    @Test
    void aFindingSelectsTheInstanceAtFault() {
        LayoutEditorViewModel vm = open("c62x");
        InstanceRef first = firstKernelInstance(vm);
        vm.setAffinity(first, 999);                     // no such core: the lint says so, on that instance
        var finding = vm.compilationProperty().get().findings().stream()
                .filter(f -> f.element() instanceof org.qatwb.model.layout.ElementRef.OfInstance).findFirst().orElseThrow(() ->
                        new AssertionError(vm.compilationProperty().get().findings().toString()));
        vm.select(List.of());
        vm.select(finding.element());
        assertEquals(first, vm.selectedInstanceProperty().get());
        assertTrue(vm.selection().contains(first.device()));
        assertNotEquals(0, vm.compilationProperty().get().errors() + vm.compilationProperty().get().findings().size());
    }

    private static InstanceRef firstKernelInstance(LayoutEditorViewModel vm) {
        return vm.layoutProperty().get().devices().stream().filter(Device::vf)
                .flatMap(d -> d.config().sections().stream().filter(s -> s.name().equals("KERNEL_QAT"))
                        .flatMap(s -> Stream.of(InstanceKind.values()).filter(k -> !s.instances(k).isEmpty())
                                .map(k -> new InstanceRef(d.key(), s.name(), k, 0))))
                .findFirst().orElseThrow();
    }
}
