package org.qatwb.ssh.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyOutcome;
import org.qatwb.model.apply.TxState;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.testing.QatFileSet;

/**
 * Issue 5's round-trip targets for an apply (staging is one exec; a restart now at most three plus
 * the confirm), counted by the simulator's SSH server, with the wall time of each on loopback: one
 * file and all 52 files staged, one file restarted and confirmed, and a restart whose connection
 * drops (the outcome then comes from {@code status} over a new connection). Prints a Markdown table
 * for docs/benchmarks.md.
 */
public final class ApplyBenchmark {

    private static final int RUNS = 9;

    private ApplyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run();
    }

    static void run() throws Exception {
        System.out.println("| apply (C62x, simulated) | execs | connections | wall (median of " + RUNS + ") |");
        System.out.println("|---|---|---|---|");
        // without the parameters kept at 0, ZFS holds no QAT device after the boot, so a restart can apply a
        // layout (with them, DOMAIN.md section 8: it is deferred to the next boot)
        try (SimulatedNas sim = SimulatedNas.start(SimOptions.driven("c62x").withKeptParams(false))) {
            try (NasSession s = Loopback.simulator(sim)) {
                AgentClient client = new AgentClient(s, false);
                measure("stage 1 file (MINA)", sim, client, ApplyMode.STAGE, 1, false);
                measure("stage 52 files (MINA)", sim, client, ApplyMode.STAGE, 52, false);
                measure("restart 1 file + confirm (MINA)", sim, client, ApplyMode.RESTART, 1, false);
                measure("restart, connection dropped by the restart, + confirm (MINA)", sim, client, ApplyMode.RESTART, 1, true);
            }
            Loopback.openSsh(sim, (s, sshd, kh) -> {
                AgentClient client = new AgentClient(s, false);
                measure("stage 52 files (OpenSSH)", sim, client, ApplyMode.STAGE, 52, false);
                measure("restart 1 file + confirm (OpenSSH)", sim, client, ApplyMode.RESTART, 1, false);
            });
        }
    }

    /** RUNS applies of {@code files} changed files (each run changes them again), confirmed where restarted. */
    private static void measure(String what, SimulatedNas sim, AgentClient client, ApplyMode mode, int files, boolean drop)
            throws Exception {
        List<Long> wall = new ArrayList<>();
        long execs = 0;
        long connections = 0;
        for (int run = 0; run < RUNS; run++) {
            QatFileSet now = QatFileSet.read(sim.root());
            QatFileSet target = now;
            int n = 0;
            for (String p : now.files().keySet()) {
                if (n++ < files) {
                    int r = run;
                    target = target.with(p, t -> t + "# qatwb benchmark run " + r + "\n");
                }
            }
            if (drop) {
                sim.faults().dropConnectionsAtCall("systemctl", "restart", 1);
            }
            var plan = now.planTo(target, mode, Set.of(), Duration.ofSeconds(120));
            long e0 = sim.execCount();
            long c0 = sim.connectionCount();
            long t0 = System.nanoTime();
            ApplyOutcome o = client.apply(plan);
            if (o.result() == TxState.Result.AWAITING_CONFIRM) {
                o = client.confirm(o.tx().id());
            }
            wall.add(System.nanoTime() - t0);
            // a stage is kept for the next boot, whose boot check verifies it (docs/decisions/0006): PENDING_BOOT
            TxState.Result done = mode == ApplyMode.STAGE ? TxState.Result.PENDING_BOOT : TxState.Result.APPLIED;
            if (o.result() != done) {
                throw new IllegalStateException(what + ": " + o.state() + " " + o.steps());
            }
            execs = sim.execCount() - e0;
            connections = sim.connectionCount() - c0;
            sim.faults().clearCalls();
            if (drop) {
                client.session().ensureConnected(); // the benchmark's own session went down with the link
            }
        }
        Collections.sort(wall);
        // the simulator's SSH server counts; a real sshd's execs are the same client's, not counted here
        boolean counted = execs > 0;
        System.out.printf("| %s | %s | %s | %.0f ms |%n", what, counted ? execs : "(as MINA)", counted ? connections : "(as MINA)",
                wall.get(wall.size() / 2) / 1e6);
    }

}
