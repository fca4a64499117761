package org.qatwb.app.viewmodel;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.ArrayList;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.TxState;
import org.qatwb.model.conf.InstanceKind;
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
import org.qatwb.model.layout.Preset;
import org.qatwb.model.layout.Role;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * The layout editor: the NAS's layout as read, the edited one with undo and redo, and its
 * compilation (files, diff, findings) after every edit, on the UI thread (it takes a few
 * milliseconds: docs/benchmarks.md). Applying hands the compiled plan to the NAS's transaction.
 */
public final class LayoutEditorViewModel {

    /** ZFS takes at most this many instances of each kind (DOMAIN.md; lint rule zfs.instance-cap). */
    public static final int ZFS_CAP = 48;

    private final NasViewModel nas;
    private final ReadOnlyObjectWrapper<Layout> layout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Compilation> compilation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<InstanceRef> selectedInstance = new ReadOnlyObjectWrapper<>();
    private final ObservableSet<DeviceKey> selected = FXCollections.observableSet(new java.util.LinkedHashSet<>());
    private final Deque<Layout> undo = new ArrayDeque<>();
    private final Deque<Layout> redo = new ArrayDeque<>();
    private Baseline base;

    public LayoutEditorViewModel(NasViewModel nas) {
        this.nas = Objects.requireNonNull(nas, "nas");
        nas.snapshotProperty().addListener((o, a, s) -> {
            // a new snapshot replaces the base; edits in progress are kept only while nothing was changed
            if (s != null && (base == null || !changed.get())) {
                reset(s);
            }
        });
        if (nas.snapshotProperty().get() != null) {
            reset(nas.snapshotProperty().get());
        }
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

    public ReadOnlyObjectProperty<InstanceRef> selectedInstanceProperty() {
        return selectedInstance.getReadOnlyProperty();
    }

    /** The VFs or PFs to change together. */
    public void select(Collection<DeviceKey> devices) {
        selected.clear();
        selected.addAll(devices);
        selectedInstance.set(null);
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

    /** Pins an instance's interrupts to a core (an instance dropped on the core strip). */
    public void setAffinity(InstanceRef instance, int core) {
        edit(layout.get().withAffinity(instance, core));
        selectedInstance.set(instance);
    }

    public void applyPreset(Preset preset) {
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

    /** Which instances interrupt which core: for the core strip. */
    public Map<Integer, List<String>> instancesByCore() {
        Map<Integer, List<String>> byCore = new TreeMap<>();
        if (layout.get() == null) {
            return byCore;
        }
        for (Device d : layout.get().devices()) {
            for (InstanceSection s : d.config().sections()) {
                for (InstanceKind k : InstanceKind.values()) {
                    List<Instance> list = s.instances(k);
                    for (int i = 0; i < list.size(); i++) {
                        int index = i;
                        list.get(i).core().ifPresent(c -> byCore.computeIfAbsent(c, x -> new ArrayList<>())
                                .add(new InstanceRef(d.key(), s.name(), k, index).toString()));
                    }
                }
            }
        }
        return byCore;
    }

    /**
     * Applies the compiled layout as one transaction on the NAS; a restart is confirmed over a
     * new connection once the NAS reports it verified, else the NAS rolls back by itself.
     */
    public void apply(ApplyMode mode, Duration confirmTimeout) {
        Compilation c = compilation.get();
        if (c == null || !c.applicable() || !changed.get()) {
            return;
        }
        ApplyPlan plan = c.applyPlan(mode, confirmTimeout);
        nas.applyPlan(plan, outcome -> {
            if (outcome.result() == TxState.Result.APPLIED && nas.snapshotProperty().get() != null) {
                reset(nas.snapshotProperty().get());   // the NAS's new files are the new base
            }
        });
    }

    private void edit(Layout next) {
        if (next.equals(layout.get())) {
            return;
        }
        undo.push(layout.get());
        redo.clear();
        show(next);
    }

    private void reset(NasSnapshot s) {
        base = Baseline.of(s);
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
        layout.set(l);
    }
}
