package org.qatwb.app.usecase;

import java.util.concurrent.Callable;
import org.qatwb.app.testing.SimTime;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.testing.Specs;

/** A simulated NAS on the driven clock and an agent over real SSH to it, as the use cases get one from either front end. */
record SimNas(SimulatedNas sim, NasSession session, AgentClient agent) implements AutoCloseable {

    static SimNas start(SimOptions options) {
        return start(options, false);
    }

    static SimNas start(SimOptions options, boolean sudo) {
        SimulatedNas sim = SimulatedNas.start(options);
        try {
            NasSession s = Specs.connect(sim.endpoint());
            return new SimNas(sim, s, new AgentClient(s, sudo));
        } catch (Exception | Error e) {
            sim.close();
            throw new AssertionError("cannot reach the simulated NAS", e);
        }
    }

    /** Runs {@code body} while the NAS's clock moves ({@link SimTime#whileTimePasses}). */
    <T> T whileTimePasses(Callable<T> body) throws Exception {
        return SimTime.whileTimePasses(sim, body);
    }

    @Override
    public void close() {
        session.close();
        sim.close();
    }
}
