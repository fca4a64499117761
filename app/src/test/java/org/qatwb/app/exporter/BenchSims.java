package org.qatwb.app.exporter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.qatwb.app.settings.AuthMethod;
import org.qatwb.app.settings.ConnectionStore;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;

/**
 * For bench/exporter.sh: N simulated NAS with their demonstration workload in THIS process (so that
 * the exporter's own process has only the exporter's CPU), saved as connections {@code bench-01}...
 * in the given config directory's {@code connections.json}. Prints {@code ready} and runs until
 * stdin closes.
 *
 * <p>{@code java -cp app/target/test-classes:app/target/qatwb-app.jar:app/target/lib/* org.qatwb.app.exporter.BenchSims N CONFIG_DIR}
 */
public final class BenchSims {

    private BenchSims() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        ConnectionStore store = new ConnectionStore(Path.of(args[1]));
        List<SimulatedNas> sims = new ArrayList<>();
        try {
            for (int i = 1; i <= n; i++) {
                // alternate profiles, as a mixed fleet would be
                SimulatedNas nas = SimulatedNas.start(SimOptions.demo(i % 2 == 1 ? "c62x" : "dh8950"));
                sims.add(nas);
                SimEndpoint e = nas.endpoint();
                store.save(new SavedConnection(String.format("bench-%02d", i), e.host(), e.port(), e.user(), AuthMethod.KEY,
                        e.identity().toString(), false, e.knownHosts().toString()));
            }
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until stdin closes
            }
        } catch (IOException e) {
            System.err.println("bench-sims: " + e);
        } finally {
            sims.forEach(SimulatedNas::close);
        }
    }
}
