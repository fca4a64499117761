package org.qatwb.app.viewmodel;

import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.qatwb.app.tasks.BackgroundTasks;
import org.qatwb.app.tasks.DirectTasks;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.NasLink;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.app.workbench.Prompts;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.hostkey.HostKeyDecision;

/**
 * How the view-model tests open a NAS: on the synchronous executor, refusing any question a
 * connection would ask, over real SSH to the simulated NAS.
 *
 * <p>As a JUnit extension it is one test's simulators and NAS view model, closed after the test:
 * <pre>{@code
 * @RegisterExtension
 * final TestNas sims = TestNas.demo();
 * ...
 * NasViewModel nas = sims.connect("c62x");
 * sims.get("c62x").root()   // the simulated NAS's files
 * }</pre>
 */
final class TestNas implements AfterEachCallback {

    private final BuiltInSimulator sims;
    private NasViewModel opened;

    private TestNas(BuiltInSimulator sims) {
        this.sims = sims;
    }

    /** Simulators on the driven clock (tests advance it) with their demonstration workload. */
    static TestNas demo() {
        return new TestNas(simulators());
    }

    /** Simulators made as {@code options} says for each profile. */
    static TestNas of(Function<String, SimOptions> options) {
        return new TestNas(new BuiltInSimulator(options));
    }

    /** A view model of the simulated {@code profile}, not yet connected: for a view model that must hear the first snapshot. */
    NasViewModel open(String profile) {
        return open(new NasTarget.Simulated(profile));
    }

    /** A view model of {@code target} (a simulated NAS, or one of these simulators over SSH), not yet connected. */
    NasViewModel open(NasTarget target) {
        if (opened != null) {
            opened.close();
        }
        opened = viewModel(target, sims);
        return opened;
    }

    /** A view model of the simulated {@code profile}, connected: its first snapshot read. */
    NasViewModel connect(String profile) {
        return connect(new NasTarget.Simulated(profile));
    }

    NasViewModel connect(NasTarget target) {
        NasViewModel nas = open(target);
        nas.connect();
        return nas;
    }

    /** The simulated NAS behind {@code profile} (its files, clock, faults, workload). */
    SimulatedNas get(String profile) {
        return sims.get(profile);
    }

    SimulatedNas get(NasTarget.Simulated target) {
        return sims.get(target);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (opened != null) {
            opened.close();
        }
        sims.close();
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
