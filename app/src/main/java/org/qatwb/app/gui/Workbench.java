package org.qatwb.app.gui;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.app.usecase.fleet.FleetEntry;
import org.qatwb.app.usecase.fleet.GlanceNas;
import org.qatwb.app.viewmodel.fleet.FleetViewModel;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.app.gui.connect.FxPrompts;
import org.qatwb.app.settings.ConnectionStore;
import org.qatwb.app.settings.UiSettingsStore;
import org.qatwb.app.tasks.BackgroundTasks;
import org.qatwb.app.tasks.ThreadPoolTasks;
import org.qatwb.app.viewmodel.LiveChartsViewModel;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.viewmodel.WorkbenchViewModel;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.NasLink;
import org.qatwb.model.history.OffloadHistory;

/**
 * The composition root: the services one window uses, and its view model. The application
 * and the TestFX tests build the window the same way, from here.
 */
public final class Workbench implements AutoCloseable {

    private final ThreadPoolTasks tasks;
    private final BuiltInSimulator simulators;
    private final UiSettingsStore uiSettings;
    private final WorkbenchViewModel viewModel;
    private final FleetViewModel fleet;

    public Workbench(Path configDir, BuiltInSimulator simulators) {
        this.tasks = new ThreadPoolTasks(Platform::runLater);
        this.simulators = simulators;
        this.uiSettings = new UiSettingsStore(configDir);
        var prompts = FxPrompts.create();
        this.viewModel = new WorkbenchViewModel(
                target -> new NasViewModel(target, t -> NasLink.open(t, prompts, simulators), tasks, new LiveChartsViewModel(new OffloadHistory(), System::currentTimeMillis, tasks)),
                new ConnectionStore(configDir), uiSettings.load().dark());
        // the fleet opens a NAS the way the welcome page and the Connect dialog do: an open tab is selected
        this.fleet = new FleetViewModel(tasks, new GlanceNas(simulators)::glance, e -> {
            if (e.target() instanceof NasTarget.Ssh ssh) {
                viewModel.connect(ssh.connection(), false);
            } else if (e.target() instanceof NasTarget.Simulated sim) {
                viewModel.openSimulated(sim.profile());
            }
        }, FleetEntry.SIMULATED_PROFILES, FleetViewModel.DEFAULT_LIMIT, System::nanoTime);
        viewModel.savedConnections().addListener((ListChangeListener<SavedConnection>) c -> fleet.setSaved(viewModel.savedConnections()));
    }

    /** The fleet page's view model: every saved NAS at a glance. */
    public FleetViewModel fleet() {
        return fleet;
    }

    public WorkbenchViewModel viewModel() {
        return viewModel;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public UiSettingsStore uiSettings() {
        return uiSettings;
    }

    public BuiltInSimulator simulators() {
        return simulators;
    }

    /** Closes the tabs' connections, then the simulators, off the UI thread's way. */
    @Override
    public void close() {
        fleet.close();
        viewModel.close();
        tasks.close();
        simulators.close();
    }
}
