package org.qatwb.app.viewmodel;

import org.qatwb.app.tasks.BackgroundTasks;
import org.qatwb.app.tasks.DirectTasks;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.NasLink;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.app.workbench.Prompts;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.sim.SimOptions;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.hostkey.HostKeyDecision;

/** How the view-model tests open a NAS: on the synchronous executor, refusing any question a connection would ask. */
final class TestNas {

    private TestNas() {
    }

    /** Simulators on the driven clock (tests advance it) with their demonstration workload. */
    static BuiltInSimulator simulators() {
        return new BuiltInSimulator(p -> SimOptions.driven(p).withDemoLoad(true));
    }

    /** A NAS view model for {@code target}, not yet connected; everything runs on the caller's thread. */
    static NasViewModel viewModel(NasTarget target, BuiltInSimulator sims) {
        return viewModel(target, sims, new DirectTasks());
    }

    /** The same, its NAS requests on {@code tasks} (the charts on the caller's thread). */
    static NasViewModel viewModel(NasTarget target, BuiltInSimulator sims, BackgroundTasks tasks) {
        Prompts refuse = new Prompts(k -> HostKeyDecision.REFUSE, Credentials.none());
        return new NasViewModel(target, t -> NasLink.open(t, refuse, sims), tasks,
                new LiveChartsViewModel(new OffloadHistory(600), System::currentTimeMillis, new DirectTasks()));
    }
}
