package org.qatwb.app.gui;

import java.nio.file.Path;
import javafx.application.Platform;
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

    public Workbench(Path configDir, BuiltInSimulator simulators) {
        this.tasks = new ThreadPoolTasks(Platform::runLater);
        this.simulators = simulators;
        this.uiSettings = new UiSettingsStore(configDir);
        var prompts = FxPrompts.create();
        this.viewModel = new WorkbenchViewModel(
                target -> new NasViewModel(target, t -> NasLink.open(t, prompts, simulators), tasks, new LiveChartsViewModel(new OffloadHistory(), System::currentTimeMillis, tasks)),
                new ConnectionStore(configDir), uiSettings.load().dark());
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
        viewModel.close();
        tasks.close();
        simulators.close();
    }
}
