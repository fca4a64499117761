package org.qatwb.app.viewmodel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.InstanceRef;

/**
 * What a VF dropped on a core did to the layout ({@link LayoutEditorViewModel#setVfCore}): the
 * interrupt-mode instances whose {@code CoreAffinity} the edit changed (a pending edit, written
 * only when the layout is applied), or none and why.
 *
 * @param device the VF in the layout; empty when the layout has no VF at that address
 * @param moved  the instances now on {@code core} in the edited layout; empty when nothing changed
 * @param core   the core asked for
 * @param summary one line for the user
 */
public record VfCoreEdit(Optional<DeviceKey> device, List<InstanceRef> moved, int core, String summary) {

    public VfCoreEdit {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(summary, "summary");
        moved = List.copyOf(moved);
    }

    /** Whether the layout changed (and so has something to apply). */
    public boolean changed() {
        return !moved.isEmpty();
    }
}
