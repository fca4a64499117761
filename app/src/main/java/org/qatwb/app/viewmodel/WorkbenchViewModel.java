package org.qatwb.app.viewmodel;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.qatwb.app.settings.ConnectionStore;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.app.settings.SettingsException;
import org.qatwb.app.workbench.NasTarget;

/**
 * The window: the open NAS tabs, the saved connections, the theme. Opening a NAS creates its
 * {@link NasViewModel} and connects it.
 */
public final class WorkbenchViewModel implements AutoCloseable {

    /** What {@code ./qatwb} opens when no connection is saved: the built-in C62x NAS. */
    public static final String DEFAULT_PROFILE = "c62x";

    private final Function<NasTarget, NasViewModel> tabs;
    private final ConnectionStore store;
    private final ObservableList<NasViewModel> open = FXCollections.observableArrayList();
    private final ObservableList<NasViewModel> openView = FXCollections.unmodifiableObservableList(open);
    private final ObservableList<SavedConnection> saved = FXCollections.observableArrayList();
    private final ObservableList<SavedConnection> savedView = FXCollections.unmodifiableObservableList(saved);
    private final ReadOnlyObjectWrapper<NasViewModel> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper fleetShown = new ReadOnlyBooleanWrapper();

    public WorkbenchViewModel(Function<NasTarget, NasViewModel> tabs, ConnectionStore store, boolean dark) {
        this.tabs = Objects.requireNonNull(tabs, "tabs");
        this.store = Objects.requireNonNull(store, "store");
        this.dark.set(dark);
    }

    /**
     * Loads the saved connections; with none saved, opens the simulated NAS, so a first run
     * shows a working workbench at once.
     */
    public void start() {
        try {
            saved.setAll(store.load());
        } catch (SettingsException e) {
            warn("Saved connections not loaded", e.getMessage());
        }
        if (saved.isEmpty()) {
            openSimulated(DEFAULT_PROFILE);
        }
    }

    public ObservableList<NasViewModel> openNas() {
        return openView;
    }

    public ObservableList<SavedConnection> savedConnections() {
        return savedView;
    }

    public ReadOnlyObjectProperty<NasViewModel> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    /** Problems of the window itself (settings); a NAS's own go to its {@link NasViewModel#notices()}. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * The fleet page is shown over the tabs (it is shown anyway while no NAS is open). Opening or
     * selecting a NAS hides it.
     */
    public ReadOnlyBooleanProperty fleetShownProperty() {
        return fleetShown.getReadOnlyProperty();
    }

    /** Shows every saved NAS at a glance (the start page). */
    public void showFleet() {
        fleetShown.set(true);
    }

    public NasViewModel openSimulated(String profile) {
        return open(new NasTarget.Simulated(profile));
    }

    /** A simulated NAS whose pools know Z.I.A. (the hpc/zfs fork's pool properties). */
    public NasViewModel openSimulatedWithZia(String profile) {
        return open(new NasTarget.Simulated(profile, true));
    }

    /** Opens {@code c}; with {@code save}, keeps it among the saved connections first (never a secret). */
    public NasViewModel connect(SavedConnection c, boolean save) {
        if (save) {
            try {
                saved.setAll(store.save(c));
            } catch (SettingsException e) {
                warn("Connection not saved", e.getMessage());
            }
        }
        return open(new NasTarget.Ssh(c));
    }

    public void forget(SavedConnection c) {
        try {
            saved.setAll(store.remove(c.name()));
        } catch (SettingsException e) {
            warn("Connection not removed", e.getMessage());
        }
    }

    private NasViewModel open(NasTarget target) {
        fleetShown.set(false);
        for (NasViewModel vm : open) {
            if (vm.target().equals(target) && vm.linkProperty().get() != LinkState.FAILED) {
                select(vm);
                return vm;
            }
        }
        NasViewModel vm = tabs.apply(target);
        open.add(vm);
        select(vm);
        vm.connect();
        return vm;
    }

    public void select(NasViewModel vm) {
        selected.set(vm);
        if (vm != null) {
            fleetShown.set(false);
        }
    }

    /** Closes one tab and its connection. */
    public void close(NasViewModel vm) {
        if (open.remove(vm)) {
            vm.close();
        }
        if (selected.get() == vm) {
            selected.set(open.isEmpty() ? null : open.get(open.size() - 1));
        }
    }

    /** Re-reads the selected NAS. */
    public void refreshSelected() {
        if (selected.get() != null) {
            selected.get().refresh();
        }
    }

    public void toggleDark() {
        dark.set(!dark.get());
    }

    @Override
    public void close() {
        for (NasViewModel vm : List.copyOf(open)) {
            close(vm);
        }
    }

    private void warn(String title, String message) {
        notice.set(new Notice(Notice.Level.WARNING, title, message));
    }
}
