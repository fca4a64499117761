package org.qatwb.app.viewmodel;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import org.qatwb.app.usecase.apply.ApplyRequest;
import org.qatwb.app.usecase.apply.When;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.cpu.CpuList;
import org.qatwb.model.cpu.CpuTopology;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.driver.BankGeometry;
import org.qatwb.model.driver.RingMap;
import org.qatwb.model.layout.Baseline;
import org.qatwb.model.layout.Compilation;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.ElementRef;
import org.qatwb.model.layout.Instance;
import org.qatwb.model.layout.InstanceRef;
import org.qatwb.model.layout.InstanceSection;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.layout.LayoutCompiler;
import org.qatwb.model.layout.LayoutFinding;
import org.qatwb.model.layout.Preset;
import org.qatwb.model.layout.Role;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * The layout editor: the NAS's layout as read, the edited one with undo and redo, and its
 * compilation (files, diff, findings) after every edit, on the UI thread (it takes a few
 * milliseconds: docs/benchmarks.md). Applying hands the compiled plan to the NAS's transaction.
 *
 * <p>The grid and the core strip are kept as keyed models ({@link #tiles()}, {@link #coreCells()}):
 * one per device key and one per core, updated in place after an edit where their own state
 * changed, added or removed only when a new snapshot brings or takes a device or core, so that a
 * view redraws what an edit changed and not all 51 tiles of a C62x.
 */
public final class LayoutEditorViewModel {

    /** ZFS takes at most this many instances of each kind (DOMAIN.md; lint rule zfs.instance-cap). */
    public static final int ZFS_CAP = 48;

    /** The ServicesEnabled names offered first, in this order, where the catalog accepts them. */
    private static final List<String> USUAL_SERVICES = List.of("dc", "cy", "cy;dc", "sym", "asym", "sym;dc", "asym;dc");

    private final NasViewModel nas;
    private final ReadOnlyObjectWrapper<Layout> layout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Compilation> compilation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<InstanceRef> selectedInstance = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper();
    private final ObservableSet<DeviceKey> selected = FXCollections.observableSet(new java.util.LinkedHashSet<>());
    private final ObservableList<DeviceTileModel> tiles = FXCollections.observableArrayList();
    private final ObservableList<DeviceTileModel> tilesView = FXCollections.unmodifiableObservableList(tiles);
    private final Map<DeviceKey, DeviceTileModel> tileByKey = new java.util.HashMap<>();
    private final ObservableList<CoreCellModel> cells = FXCollections.observableArrayList();
    private final ObservableList<CoreCellModel> cellsView = FXCollections.unmodifiableObservableList(cells);
    private final Map<Integer, CoreCellModel> cellByCore = new java.util.HashMap<>();
    private final ReadOnlyObjectWrapper<CpuTopology> cellsCpu = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<EmptyLayout> empty = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Set<DeviceKey>> selectedDevices = new ReadOnlyObjectWrapper<>(Set.of());
    private final Deque<Layout> undo = new ArrayDeque<>();
    private final Deque<Layout> redo = new ArrayDeque<>();
    private Baseline base;
    /** This editor's applies not answered yet, by identity. */
    private final Set<ApplyRequest> asked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    public LayoutEditorViewModel(NasViewModel nas) {
        this.nas = Objects.requireNonNull(nas, "nas");
        selected.addListener((SetChangeListener<DeviceKey>) c -> {
            DeviceTileModel t = tileByKey.get(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved());
            if (t != null) {
                t.select(c.wasAdded());
            }
        });
        nas.snapshotProperty().addListener((o, a, s) -> {
            // a new snapshot replaces the base; edits in progress are kept only while nothing was changed
            if (s != null && (base == null || !changed.get())) {
                reset(s);
            }
        });
        if (nas.snapshotProperty().get() != null) {
            reset(nas.snapshotProperty().get());
        }
        // invalidation, not change: a change is judged by equals, and every result is an answer
        nas.transactions().resultProperty().addListener(o -> applied(nas.transactions().resultProperty().get()));
        nas.transactions().applyingProperty().addListener((o, was, now) -> {
            if (!now) {
                asked.clear();   // every apply has ended; one not answered failed, and is not waited for
            }
        });
    }

    public ReadOnlyObjectProperty<Layout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Compilation> compilationProperty() {
        return compilation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The layout differs from the NAS's. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** The devices selected for a role or services change (the grid's selection). */
    public ObservableSet<DeviceKey> selection() {
        return selected;
    }

    /**
     * One tile model per device of the layout, PFs each followed by their VFs (the layout's order).
     * The same instances across edits, undo and redo, and across snapshots for the devices that stay;
     * the list changes only when devices come or go.
     */
    public ObservableList<DeviceTileModel> tiles() {
        return tilesView;
    }

    /** The tile model of a device, while the layout has it. */
    public Optional<DeviceTileModel> tile(DeviceKey key) {
        return Optional.ofNullable(tileByKey.get(key));
    }

    /**
     * One cell model per CPU core of the NAS, by NUMA node then core; replaced only when the NAS's
     * cores change ({@link #cellsCpuProperty()}), else updated in place.
     */
    public ObservableList<CoreCellModel> coreCells() {
        return cellsView;
    }

    public Optional<CoreCellModel> coreCell(int core) {
        return Optional.ofNullable(cellByCore.get(core));
    }

    /**
     * The topology {@link #coreCells()} were made for (its NUMA nodes group them); set after the list
     * changed, so that a view redrawing on it finds the new cells.
     */
    public ReadOnlyObjectProperty<CpuTopology> cellsCpuProperty() {
        return cellsCpu.getReadOnlyProperty();
    }

    /** Why there is nothing to lay out on this NAS and what to do next; null when there is a device to lay out. */
    public ReadOnlyObjectProperty<EmptyLayout> emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InstanceRef> selectedInstanceProperty() {
        return selectedInstance.getReadOnlyProperty();
    }

    /**
     * The selection as one value, set once per change of it (where {@link #selection()} tells each
     * device added or removed): a form follows this to be built once for a new selection.
     */
    public ReadOnlyObjectProperty<Set<DeviceKey>> selectedDevicesProperty() {
        return selectedDevices.getReadOnlyProperty();
    }

    /** The VFs or PFs to change together. */
    public void select(Collection<DeviceKey> devices) {
        selected.retainAll(Set.copyOf(devices));
        selected.addAll(devices);
        selectedInstance.set(null);
        selectedDevices.set(Set.copyOf(selected));
    }

    /**
     * The instance {@code text} names ({@link InstanceRef#format()}, as a chip's drag carries it), if
     * the layout has it now: a payload is text from anywhere (another window, an edit since the drag
     * began), so anything else is no instance.
     */
    public Optional<InstanceRef> instanceNamed(String text) {
        Layout l = layout.get();
        if (l == null) {
            return Optional.empty();
        }
        try {
            InstanceRef ref = InstanceRef.parse(text);
            return l.instance(ref).isPresent() ? Optional.of(ref) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What a finding points at, selected (clicking a finding). */
    public void select(ElementRef element) {
        if (element instanceof ElementRef.OfDevice d) {
            select(List.of(d.device()));
        } else if (element instanceof ElementRef.OfInstance i) {
            select(List.of(i.instance().device()));
            selectedInstance.set(i.instance());
        }
    }

    public void setRole(Role role) {
        if (!selected.isEmpty()) {
            edit(layout.get().withRole(List.copyOf(selected), role));
        }
    }

    public void setServices(String services) {
        if (!selected.isEmpty()) {
            edit(layout.get().withServices(List.copyOf(selected), services));
        }
    }

    /**
     * Moves an instance to a core (an instance dropped on the core strip). On a VF an interrupt-mode
     * instance takes the VF's other interrupt-mode instances of its section along
     * ({@link Layout#withCore}): the driver binds a VF's one bank to one core and refuses any other
     * core there. {@link #editNoteProperty()} says so in one line when it happens.
     */
    public void setAffinity(InstanceRef instance, int core) {
        Layout before = layout.get();
        Layout after = before.withCore(instance, core);
        List<InstanceRef> moved = movedWith(before, after, instance);
        edit(after, moved.isEmpty() ? null : instance.device().id() + ": " + (moved.size() + 1)
                + " interrupt-mode instances moved to core " + core + " together, since the driver binds a VF's one"
                + " bank to the core of its first interrupt-mode instance and refuses any other core there");
        selectedInstance.set(instance);
    }

    /**
     * A VF dropped on a core: every interrupt-mode instance of the VF gets that core, through
     * {@link Layout#withCore} per section (the driver binds a VF's one bank to the core of its first
     * interrupt-mode instance, qat_common/adf_cfg_bundle.c, and refuses any other core there). A
     * pending edit like any other: it shows in the diff, undoes, and is written by {@link #apply}.
     * Polled instances keep their core (they share banks freely and take no interrupt).
     *
     * @param vfBsf the VF's PCI address as adf_ctl lists it
     */
    public VfCoreEdit setVfCore(String vfBsf, int core) {
        Layout before = layout.get();
        if (before == null) {
            return new VfCoreEdit(Optional.empty(), List.of(), core, "CoreAffinity unchanged: the layout has not been read yet");
        }
        Optional<Device> vf = before.devices().stream()
                .filter(d -> d.vf() && d.info().bsf().filter(vfBsf::equals).isPresent()).findFirst();
        if (vf.isEmpty()) {
            return new VfCoreEdit(Optional.empty(), List.of(), core, "CoreAffinity unchanged: the layout has no VF at " + vfBsf);
        }
        DeviceKey key = vf.get().key();
        Layout after = before;
        boolean any = false;
        for (InstanceSection s : vf.get().config().sections()) {
            Optional<InstanceRef> first = firstInterruptMode(key, s);
            if (first.isPresent()) {
                any = true;
                after = after.withCore(first.get(), core);
            }
        }
        if (!any) {
            return new VfCoreEdit(Optional.of(key), List.of(), core, "CoreAffinity unchanged: " + key.id()
                    + " has no interrupt-mode instance (a polled instance takes no interrupt)");
        }
        List<InstanceRef> moved = changedCores(before, after, key);
        if (moved.isEmpty()) {
            return new VfCoreEdit(Optional.of(key), List.of(), core, "CoreAffinity unchanged: " + key.id()
                    + "'s interrupt-mode instances are on core " + core + " already");
        }
        String names = String.join(", ", moved.stream().map(r -> "[" + r.section() + "] " + r.kind().prefix() + r.index())
                .toList());
        String summary = "CoreAffinity of " + key.id() + "'s " + names + " set to " + core
                + " in the layout: written when the layout is applied";
        edit(after, summary);
        return new VfCoreEdit(Optional.of(key), moved, core, summary);
    }

    private static Optional<InstanceRef> firstInterruptMode(DeviceKey key, InstanceSection s) {
        for (InstanceKind k : InstanceKind.values()) {
            List<Instance> list = s.instances(k);
            for (int i = 0; i < list.size(); i++) {
                if (Layout.interruptMode(s, list.get(i))) {
                    return Optional.of(new InstanceRef(key, s.name(), k, i));
                }
            }
        }
        return Optional.empty();
    }

    /** The instances of the device whose core differs between the two layouts. */
    private static List<InstanceRef> changedCores(Layout before, Layout after, DeviceKey key) {
        List<InstanceRef> out = new ArrayList<>();
        for (InstanceSection was : before.require(key).config().sections()) {
            InstanceSection now = after.require(key).config().section(was.name()).orElseThrow();
            for (InstanceKind k : InstanceKind.values()) {
                for (int i = 0; i < was.instances(k).size(); i++) {
                    if (!was.instances(k).get(i).core().equals(now.instances(k).get(i).core())) {
                        out.add(new InstanceRef(key, was.name(), k, i));
                    }
                }
            }
        }
        return out;
    }

    /** One line about the last edit where it did more than asked (a VF's instances moved together), else null. */
    public ReadOnlyStringProperty editNoteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The other instances of {@code ref}'s section whose core the edit changed. */
    private static List<InstanceRef> movedWith(Layout before, Layout after, InstanceRef ref) {
        List<InstanceRef> out = new ArrayList<>();
        InstanceSection was = before.require(ref.device()).config().section(ref.section()).orElseThrow();
        InstanceSection now = after.require(ref.device()).config().section(ref.section()).orElseThrow();
        for (InstanceKind k : InstanceKind.values()) {
            for (int i = 0; i < was.instances(k).size(); i++) {
                InstanceRef other = new InstanceRef(ref.device(), ref.section(), k, i);
                if (!other.equals(ref) && !was.instances(k).get(i).core().equals(now.instances(k).get(i).core())) {
                    out.add(other);
                }
            }
        }
        return out;
    }

    /**
     * The ServicesEnabled values to offer for the selection: only names every selected device's
     * model accepts (model.device.DeviceCatalog), the usual ones first, the same maps in the other
     * order last.
     */
    public List<String> servicesChoices() {
        Set<String> accepted = null;
        for (DeviceKey k : selected) {
            Set<String> own = k.device().model().map(DeviceModel::services).orElse(DeviceCatalog.QAT1_SERVICES);
            if (accepted == null) {
                accepted = new java.util.HashSet<>(own);
            } else {
                accepted.retainAll(own);
            }
        }
        if (accepted == null) {
            accepted = new java.util.HashSet<>(DeviceCatalog.QAT1_SERVICES);
        }
        List<String> out = new ArrayList<>();
        for (String s : USUAL_SERVICES) {
            if (accepted.remove(s)) {
                out.add(s);
            }
        }
        out.addAll(new java.util.TreeSet<>(accepted));
        return out;
    }

    /**
     * What one bank of the device holds under its ring map (a VF's map is its PF's), from the
     * driver model: e.g. "one bank: 2 Cy + 2 Dc (ring map cy;dc, the PF's); interrupt-mode
     * instances on one core". Empty for devices the model does not cover.
     */
    public String capacity(DeviceKey key) {
        Layout l = layout.get();
        Optional<BankGeometry> g = BankGeometry.of(key.device());
        Optional<Device> d = l == null ? Optional.empty() : l.device(key);
        if (g.isEmpty() || d.isEmpty()) {
            return "";
        }
        Optional<Device> pf = d.get().info().pf().flatMap(l::device);
        String services = key.vf() && pf.isPresent() ? pf.get().config().services() : d.get().config().services();
        Optional<RingMap> map = Optional.ofNullable(services).flatMap(RingMap::of);
        if (map.isEmpty()) {
            return "";
        }
        int cy = map.get().perBank(InstanceKind.CY, g.get());
        int dc = map.get().perBank(InstanceKind.DC, g.get());
        return (g.get().banks() == 1 ? "one bank" : g.get().banks() + " banks, each") + " holds " + cy + " Cy + " + dc
                + " Dc (ring map " + map.get().services() + (key.vf() && pf.isPresent() ? ", the PF's" : "") + ")"
                + (key.vf() ? "; its interrupt-mode instances share one core and one section"
                        : "; each interrupt-mode core and section takes a bank of its own");
    }

    public void applyPreset(Preset preset) {
        if (layout.get() == null || empty.get() != null) {
            return; // nothing a preset could place; the view says why
        }
        edit(preset.apply(layout.get()));
    }

    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(layout.get());
            show(undo.pop());
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(layout.get());
            show(redo.pop());
        }
    }

    /** Back to the NAS's layout. */
    public void revert() {
        if (changed.get()) {
            edit(base.layout());
        }
    }

    /** Kernel-API instances of one kind across the layout, against {@link #ZFS_CAP}. */
    public int kernelInstances(InstanceKind kind) {
        return layout.get() == null ? 0 : layout.get().kernelInstances(kind);
    }

    /** Which instances interrupt which core, each by its {@link InstanceRef#format()}: for the core strip. */
    public Map<Integer, List<String>> instancesByCore() {
        return layout.get() == null ? new TreeMap<>() : instancesByCore(layout.get());
    }

    private static Map<Integer, List<String>> instancesByCore(Layout l) {
        Map<Integer, List<String>> byCore = new TreeMap<>();
        for (Device d : l.devices()) {
            for (InstanceSection s : d.config().sections()) {
                for (InstanceKind k : InstanceKind.values()) {
                    List<Instance> list = s.instances(k);
                    for (int i = 0; i < list.size(); i++) {
                        int index = i;
                        list.get(i).core().ifPresent(c -> byCore.computeIfAbsent(c, x -> new ArrayList<>())
                                .add(new InstanceRef(d.key(), s.name(), k, index).format()));
                    }
                }
            }
        }
        return byCore;
    }

    /**
     * Applies the compiled layout as one transaction on the NAS, {@code when} the user chose (a
     * reboot: after the dialog's second confirmation), through the use case the CLI runs too.
     */
    public void apply(When when, Duration confirmTimeout) {
        Compilation c = compilation.get();
        if (c == null || !c.applicable() || !changed.get()) {
            return;
        }
        ApplyPlan plan = c.applyPlan(when.mode(), confirmTimeout);
        ApplyRequest request = ApplyRequest.of(plan, when, ApplyRequest.DEFAULT_REBOOT_LIMIT);
        asked.add(request);
        nas.transactions().apply(request);
    }

    /**
     * One of this editor's applies ended (the NAS was read again just before): written (running, or
     * waiting for a boot), the NAS's new files are the new base; a layout rolled back at boot leaves
     * the NAS on the old files, and the edits stay to be tried again. Another view's apply (a
     * restore, a doctor's fix) leaves the edits alone, as a snapshot does while there are any.
     */
    private void applied(TransactionsViewModel.Applied a) {
        if (a == null || !asked.remove(a.request())) {
            return;
        }
        if (a.result().verdict().written() && nas.snapshotProperty().get() != null) {
            reset(nas.snapshotProperty().get());
        }
    }

    private void edit(Layout next) {
        edit(next, null);
    }

    /** {@code why}: the edit note to show, or null. */
    private void edit(Layout next, String why) {
        if (next.equals(layout.get())) {
            return;
        }
        note.set(why);
        undo.push(layout.get());
        redo.clear();
        show(next);
    }

    private void reset(NasSnapshot s) {
        base = Baseline.of(s);
        empty.set(EmptyLayout.of(s, base.layout()).orElse(null));
        undo.clear();
        redo.clear();
        show(base.layout());
    }

    /** Everything derived first, the layout last: whoever watches the layout reads a consistent state. */
    private void show(Layout l) {
        compilation.set(LayoutCompiler.compile(base, l));
        changed.set(!l.equals(base.layout()));
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        selected.retainAll(Set.copyOf(l.devices().stream().map(Device::key).toList()));
        selectedDevices.set(Set.copyOf(selected));
        syncTiles(l, compilation.get());
        syncCells(l);
        layout.set(l);
    }

    /** Tiles updated in place; made or dropped only for devices that came or went. */
    private void syncTiles(Layout l, Compilation c) {
        Map<DeviceKey, List<LayoutFinding>> byDevice = new java.util.HashMap<>();
        for (LayoutFinding f : c.findings()) {
            deviceOf(f.element()).ifPresent(k -> byDevice.computeIfAbsent(k, x -> new ArrayList<>()).add(f));
        }
        boolean sameKeys = tiles.size() == l.devices().size();
        for (int i = 0; sameKeys && i < tiles.size(); i++) {
            sameKeys = tiles.get(i).key().equals(l.devices().get(i).key());
        }
        if (!sameKeys) {
            List<DeviceTileModel> next = new ArrayList<>();
            Map<DeviceKey, DeviceTileModel> kept = new java.util.HashMap<>();
            for (Device d : l.devices()) {
                DeviceTileModel t = tileByKey.get(d.key());
                next.add(t == null ? new DeviceTileModel(d) : t);
                kept.put(d.key(), next.get(next.size() - 1));
            }
            tileByKey.clear();
            tileByKey.putAll(kept);
            for (DeviceTileModel t : next) {
                t.update(l.require(t.key()), selected.contains(t.key()), byDevice.getOrDefault(t.key(), List.of()));
            }
            tiles.setAll(next);
            return;
        }
        for (int i = 0; i < tiles.size(); i++) {
            Device d = l.devices().get(i);
            tiles.get(i).update(d, selected.contains(d.key()), byDevice.getOrDefault(d.key(), List.of()));
        }
    }

    private static Optional<DeviceKey> deviceOf(ElementRef e) {
        if (e instanceof ElementRef.OfDevice d) {
            return Optional.of(d.device());
        }
        if (e instanceof ElementRef.OfInstance i) {
            return Optional.of(i.instance().device());
        }
        return Optional.empty();
    }

    /** Cells made when the NAS's cores change, else each told its instances. */
    private void syncCells(Layout l) {
        if (!l.cpu().equals(cellsCpu.get())) {
            List<CoreCellModel> next = new ArrayList<>();
            cellByCore.clear();
            for (int core : cores(l.cpu())) {
                CoreCellModel cell = new CoreCellModel(core);
                cellByCore.put(core, cell);
                next.add(cell);
            }
            cells.setAll(next);
            cellsCpu.set(l.cpu());
        }
        Map<Integer, List<String>> byCore = instancesByCore(l);
        for (CoreCellModel cell : cells) {
            cell.update(byCore.getOrDefault(cell.core(), List.of()));
        }
    }

    /** The cores by NUMA node, else the online ones; each once. */
    private static List<Integer> cores(CpuTopology cpu) {
        java.util.LinkedHashSet<Integer> out = new java.util.LinkedHashSet<>();
        if (cpu.nodes().isEmpty()) {
            cpu.online().ifPresent(list -> list.stream().forEach(out::add));
        } else {
            for (CpuList n : cpu.nodes().values()) {
                n.stream().forEach(out::add);
            }
        }
        return List.copyOf(out);
    }
}
