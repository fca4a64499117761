package org.qatwb.app.viewmodel;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.qatwb.model.layout.Device;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.LayoutFinding;

/**
 * One PF or VF of the layout editor's grid, kept for as long as its device is in the layout: the
 * editor updates its properties in place when the device, its selection or its findings change,
 * so that a view bound to it redraws that one tile and no other ({@link LayoutEditorViewModel#tiles()}).
 * Each property changes only when its value does (records compare by value). FX thread only.
 */
public final class DeviceTileModel {

    private final DeviceKey key;
    private final ReadOnlyObjectWrapper<Device> device;
    private final ReadOnlyBooleanWrapper selected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<List<LayoutFinding>> findings = new ReadOnlyObjectWrapper<>(List.of());

    DeviceTileModel(Device device) {
        this.key = device.key();
        this.device = new ReadOnlyObjectWrapper<>(device);
    }

    /** What the tile stands for; never changes. */
    public DeviceKey key() {
        return key;
    }

    /** The device as the edited layout has it now (role, services, instances). */
    public ReadOnlyObjectProperty<Device> deviceProperty() {
        return device.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The compiled layout's findings about this device or one of its instances, in the compilation's order. */
    public ReadOnlyObjectProperty<List<LayoutFinding>> findingsProperty() {
        return findings.getReadOnlyProperty();
    }

    /** How many of {@link #findingsProperty()} are errors. */
    public long errors() {
        return findings.get().stream().filter(LayoutFinding::isError).count();
    }

    /**
     * Takes the device's new state; a property fires only where its value changed.
     *
     * @return whether anything changed
     */
    boolean update(Device d, boolean isSelected, List<LayoutFinding> own) {
        if (!d.key().equals(key)) {
            throw new IllegalArgumentException("tile " + key + " given " + d.key());
        }
        boolean changed = false;
        if (!d.equals(device.get())) {
            device.set(d);
            changed = true;
        }
        changed |= select(isSelected);
        if (!Objects.equals(own, findings.get())) {
            findings.set(List.copyOf(own));
            changed = true;
        }
        return changed;
    }

    boolean select(boolean isSelected) {
        if (isSelected == selected.get()) {
            return false;
        }
        selected.set(isSelected);
        return true;
    }
}
