package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.DeviceConfig;
import org.qatwb.model.layout.DeviceInfo;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.HostSettings;
import org.qatwb.model.layout.InstanceRef;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.layout.LayoutFinding;
import org.qatwb.model.layout.Preset;
import org.qatwb.sim.SimOptions;

/**
 * The layout editor's keyed models on the synchronous executor against the simulated NAS: one tile
 * per device and one cell per core, the same instances across edits, undo and a new snapshot, each
 * told only what changed for it; and the empty state of a NAS with nothing to lay out.
 */
class DeviceTileModelTest {

    @RegisterExtension
    final TestNas sims = TestNas.of(p -> SimOptions.driven(p).withKeptParams(false));
    private NasViewModel nas;

    private LayoutEditorViewModel open(String profile) {
        nas = sims.connect(profile);
        return new LayoutEditorViewModel(nas);
    }

    /** How often each tile's device, selection and findings fired. */
    private static final class Fired {
        final Map<DeviceKey, Integer> device = new HashMap<>();
        final Map<DeviceKey, Integer> selected = new HashMap<>();
        final Map<DeviceKey, Integer> findings = new HashMap<>();
        final Map<Integer, Integer> cells = new HashMap<>();
        int tileLists;
        int cellLists;

        Fired(LayoutEditorViewModel vm) {
            for (DeviceTileModel t : vm.tiles()) {
                t.deviceProperty().addListener(o -> device.merge(t.key(), 1, Integer::sum));
                t.selectedProperty().addListener(o -> selected.merge(t.key(), 1, Integer::sum));
                t.findingsProperty().addListener(o -> findings.merge(t.key(), 1, Integer::sum));
            }
            for (CoreCellModel c : vm.coreCells()) {
                c.instancesProperty().addListener(o -> cells.merge(c.core(), 1, Integer::sum));
            }
            vm.tiles().addListener((ListChangeListener<DeviceTileModel>) c -> tileLists++);
            vm.coreCells().addListener((ListChangeListener<CoreCellModel>) c -> cellLists++);
        }
    }

    @Test
    void anEditOfOneDeviceUpdatesItsTileAndTheTwoCoresAndKeepsEveryOtherModel() {
        LayoutEditorViewModel vm = open("c62x");
        Layout before = vm.layoutProperty().get();
        assertEquals(before.devices().size(), vm.tiles().size(), "one tile per device");
        assertEquals(51, vm.tiles().size(), "3 PFs and 48 VFs");
        assertEquals(before.devices().stream().map(Device::key).toList(), vm.tiles().stream().map(DeviceTileModel::key).toList());
        List<DeviceTileModel> tiles = List.copyOf(vm.tiles());
        List<CoreCellModel> cells = List.copyOf(vm.coreCells());
        assertEquals(56, cells.size(), "one cell per core of the C62x NAS");
        Fired fired = new Fired(vm);

        InstanceRef ref = firstKernelInstance(vm);
        int from = before.instance(ref).orElseThrow().core().getAsInt();
        int to = sameNodeOther(before, from);
        vm.setAffinity(ref, to);

        assertEquals(Map.of(ref.device(), 1), fired.device, "only the edited device's tile was told");
        assertEquals(before.devices().size(), vm.tiles().size());
        for (int i = 0; i < tiles.size(); i++) {
            assertSame(tiles.get(i), vm.tiles().get(i), "the same tile model: " + tiles.get(i).key());
        }
        assertEquals(0, fired.tileLists, "no tile came or went");
        assertEquals(vm.layoutProperty().get().require(ref.device()), vm.tile(ref.device()).orElseThrow().deviceProperty().get());
        assertEquals(Set.of(from, to), fired.cells.keySet(), "the core it left and the core it went to");
        assertEquals(0, fired.cellLists);
        assertTrue(vm.coreCell(to).orElseThrow().instancesProperty().get().contains(ref.toString()));
        assertFalse(vm.coreCell(from).orElseThrow().instancesProperty().get().contains(ref.toString()));
        for (int i = 0; i < cells.size(); i++) {
            assertSame(cells.get(i), vm.coreCells().get(i));
        }
        assertTrue(fired.selected.isEmpty(), "the selection did not change");

        vm.undo();
        assertEquals(Map.of(ref.device(), 2), fired.device, "undo: the same tile told again, no other");
        assertEquals(0, fired.tileLists);
    }

    @Test
    void aNewSnapshotOfTheSameDevicesKeepsEveryTileAndTellsNone() {
        LayoutEditorViewModel vm = open("c62x");
        List<DeviceTileModel> tiles = List.copyOf(vm.tiles());
        Fired fired = new Fired(vm);
        var old = nas.snapshotProperty().get();
        nas.refresh();
        assertTrue(old != nas.snapshotProperty().get(), "the NAS was read again");
        for (int i = 0; i < tiles.size(); i++) {
            assertSame(tiles.get(i), vm.tiles().get(i));
        }
        assertEquals(0, fired.tileLists);
        assertTrue(fired.device.isEmpty(), "nothing changed on the NAS: " + fired.device);
    }

    @Test
    void selectingADeviceTellsItsTileAloneAndAFindingLandsOnTheDeviceAtFault() {
        LayoutEditorViewModel vm = open("c62x");
        Fired fired = new Fired(vm);
        DeviceKey vf = DeviceKey.parse("c6xxvf_dev4");
        vm.select(List.of(vf));
        assertEquals(Map.of(vf, 1), fired.selected);
        assertTrue(vm.tile(vf).orElseThrow().selectedProperty().get());
        vm.select(List.of(DeviceKey.parse("c6xxvf_dev5")));
        assertEquals(Map.of(vf, 2, DeviceKey.parse("c6xxvf_dev5"), 1), fired.selected);
        assertFalse(vm.tile(vf).orElseThrow().selectedProperty().get());

        InstanceRef ref = firstKernelInstance(vm);
        Map<DeviceKey, Integer> errorsBefore = errors(vm);
        Map<DeviceKey, List<LayoutFinding>> findingsBefore = new HashMap<>();
        vm.tiles().forEach(t -> findingsBefore.put(t.key(), t.findingsProperty().get()));
        vm.setAffinity(ref, 999);                   // no such core: an error on that instance's device
        DeviceTileModel atFault = vm.tile(ref.device()).orElseThrow();
        assertTrue(atFault.errors() > errorsBefore.getOrDefault(ref.device(), 0), atFault.findingsProperty().get().toString());
        long onTiles = vm.tiles().stream().mapToLong(t -> t.findingsProperty().get().size()).sum();
        long onDevices = vm.compilationProperty().get().findings().stream()
                .filter(f -> !(f.element() instanceof org.qatwb.model.layout.ElementRef.OfHost)).count();
        assertEquals(onDevices, onTiles, "every finding about a device is on its tile, once");
        assertTrue(fired.findings.containsKey(ref.device()));
        for (DeviceKey k : fired.findings.keySet()) {
            assertNotEquals(findingsBefore.get(k), vm.tile(k).orElseThrow().findingsProperty().get(),
                    k + "'s tile was told of findings that did not change");
        }
    }

    private static Map<DeviceKey, Integer> errors(LayoutEditorViewModel vm) {
        Map<DeviceKey, Integer> out = new HashMap<>();
        vm.tiles().forEach(t -> out.put(t.key(), (int) t.errors()));
        return out;
    }

    @Test
    void aNasWithoutTheQatDriverSaysWhyAndWhatNextAndTakesNoPreset() {
        LayoutEditorViewModel vm = open("no-qat");
        EmptyLayout empty = vm.emptyProperty().get();
        assertNotNull(empty, "nothing to lay out");
        assertTrue(empty.why().contains("adf_ctl"), empty.why());
        assertTrue(empty.why().contains("not installed"), empty.why());
        assertTrue(empty.next().startsWith("Next: ") && empty.next().length() > "Next: ".length(), empty.next());
        assertFalse(empty.why().contains("\n") || empty.next().contains("\n"), "one line each");
        assertTrue(vm.tiles().isEmpty());
        vm.applyPreset(Preset.ZFS_ALL);
        assertFalse(vm.changedProperty().get(), "a preset has nothing to place");
    }

    @Test
    void aNasWithAQatDeviceHasNoEmptyStateAndOneWithOnlyUnknownDevicesSaysTheEditorDoesNotModelThem() {
        LayoutEditorViewModel vm = open("c62x");
        assertNull(vm.emptyProperty().get());
        Layout unknown = new Layout(List.of(new Device(new DeviceInfo(new DeviceKey("qat9xyz", 0), Optional.empty(),
                Optional.of("0000:3d:00.0"), OptionalInt.of(0), Optional.of("up"), true), DeviceConfig.NONE)),
                new HostSettings(false, false, List.of()), vm.layoutProperty().get().cpu());
        EmptyLayout empty = EmptyLayout.of(nas.snapshotProperty().get(), unknown).orElseThrow();
        assertTrue(empty.why().contains("does not model") && empty.why().contains("qat9xyz"), empty.why());
        assertTrue(empty.next().contains("c6xx"), empty.next());
    }

    private static int sameNodeOther(Layout l, int core) {
        for (var node : l.cpu().nodes().values()) {
            if (node.contains(core)) {
                TreeSet<Integer> others = new TreeSet<>();
                node.stream().filter(c -> c != core).forEach(others::add);
                return others.first();
            }
        }
        throw new AssertionError("core " + core + " is on no node");
    }

    private static InstanceRef firstKernelInstance(LayoutEditorViewModel vm) {
        return vm.layoutProperty().get().devices().stream().filter(Device::vf)
                .flatMap(d -> d.config().sections().stream().filter(s -> s.name().equals("KERNEL_QAT"))
                        .flatMap(s -> Stream.of(InstanceKind.values()).filter(k -> !s.instances(k).isEmpty())
                                .map(k -> new InstanceRef(d.key(), s.name(), k, 0))))
                .findFirst().orElseThrow();
    }
}
