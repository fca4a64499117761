package org.qatwb.app.exporter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.config.ConnectionOptions;
import org.qatwb.ssh.config.ConnectionSpec;
import org.qatwb.ssh.config.SshConfigException;

/**
 * The simulated NAS that {@code qatwb exporter --sim} runs in its own process (unlike other
 * commands' {@code --sim}, which reach a running {@code qatwb sim}): one per {@code --sim}, even
 * two of one profile, each labelled {@code sim-<profile>}, the second {@code sim-<profile>-2}.
 * Closed with the exporter.
 */
public final class SimulatedTargets implements AutoCloseable {

    private final List<SimulatedNas> running = new ArrayList<>();
    private final List<ExporterTarget> targets = new ArrayList<>();

    private SimulatedTargets() {
    }

    /** The labels {@code profiles} get, in order: {@code sim-c62x}, {@code sim-c62x-2}, ... */
    public static List<String> labels(List<String> profiles) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(profiles.size());
        for (String p : profiles) {
            int n = seen.merge(p, 1, Integer::sum);
            out.add("sim-" + p + (n == 1 ? "" : "-" + n));
        }
        return out;
    }

    /** Starts one simulator per profile with {@code options} (the wall clock and the demonstration workload in a real run). */
    public static SimulatedTargets start(List<String> profiles, Function<String, SimOptions> options)
            throws SshConfigException {
        SimulatedTargets s = new SimulatedTargets();
        List<String> labels = labels(profiles);
        try {
            for (int i = 0; i < profiles.size(); i++) {
                SimulatedNas nas = SimulatedNas.start(options.apply(profiles.get(i)));
                s.running.add(nas);
                SimEndpoint e = nas.endpoint();
                ConnectionSpec spec = ConnectionSpec.resolve(new ConnectionOptions(e.host(), e.port(), e.user(),
                        e.identity(), e.knownHosts(), false, false));
                s.targets.add(new ExporterTarget(labels.get(i), spec, false));
            }
        } catch (SshConfigException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    public List<ExporterTarget> targets() {
        return List.copyOf(targets);
    }

    public List<SimulatedNas> simulators() {
        return List.copyOf(running);
    }

    @Override
    public void close() {
        running.forEach(SimulatedNas::close);
        running.clear();
    }
}
