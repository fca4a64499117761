package org.qatwb.app.viewmodel;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One CPU core of the layout editor's core strip, kept while the NAS has the core: the instances
 * whose {@code CoreAffinity} names it, updated in place after an edit only when that list changed
 * ({@link LayoutEditorViewModel#coreCells()}). FX thread only.
 */
public final class CoreCellModel {

    private final int core;
    private final ReadOnlyObjectWrapper<List<String>> instances = new ReadOnlyObjectWrapper<>(List.of());

    CoreCellModel(int core) {
        this.core = core;
    }

    public int core() {
        return core;
    }

    /** The instances pinned to this core ({@code c6xxvf_dev0/KERNEL_QAT/Cy0}), empty when none. */
    public ReadOnlyObjectProperty<List<String>> instancesProperty() {
        return instances.getReadOnlyProperty();
    }

    /** @return whether the list changed */
    boolean update(List<String> here) {
        if (here.equals(instances.get())) {
            return false;
        }
        instances.set(List.copyOf(here));
        return true;
    }
}
