package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.model.parse.Snippet;
import org.qatwb.sim.NamedFault;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.sim.profile.ParamsAtBoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qatwb sim}: a simulated NAS over real SSH on 127.0.0.1, until stdin closes or a signal. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Run a simulated NAS (SSH on 127.0.0.1) until stdin closes or Ctrl-C.",
                "Prints one JSON line: where it listens and the key files to reach it. Other commands reach it with --sim, or"
                + " with the printed --host/--port/--user/--identity/--known-hosts values."})
final class SimCommand implements Callable<Integer> {

    static final List<String> PROFILES = List.of("c62x", "dh8950", "no-qat", "broken", "new-kernel");

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = "c62x", paramLabel = "NAME",
            description = "c62x (3 PF + 48 VF), dh8950, no-qat, broken or new-kernel; default ${DEFAULT-VALUE}")
    String profile;

    @Option(names = "--port", defaultValue = "0", paramLabel = "P", description = "port on 127.0.0.1; 0 for any free one")
    int port;

    @Option(names = "--idle", description = "no simulated workload: the counters stand still")
    boolean idle;

    @Option(names = "--zia", description = "the pools show the Z.I.A. properties of the hpc/zfs fork")
    boolean zia;

    @Option(names = "--params-at-boot", paramLabel = "source|forced-one",
            description = "what ZFS's QAT parameters read after a boot where zfs.ko found no QAT up: source (0,"
                    + " as OpenZFS's source says) or forced-one (1, as administrators report); default: the profile's")
    String paramsAtBoot;

    @Option(names = "--fault", paramLabel = "NAME[=VALUE]",
            description = "arm a fault once the NAS is up (repeatable); faults of \"the next boot\" wait for a reboot"
                    + " (systemctl reboot on the NAS); '--fault list' lists them")
    List<String> faults = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (faults.contains("list")) {
            for (NamedFault f : NamedFault.ALL) {
                spec.commandLine().getOut().printf("%-24s %s%n", f.usage(), f.description());
            }
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        List<NamedFault.Armed> armed = new ArrayList<>();
        for (String f : faults) {
            armed.add(NamedFault.parse(f).orElseThrow(() -> new CliException(ExitCodes.USAGE, "unknown fault '"
                    + f + "'; 'qatwb sim --fault list' lists them")));
        }
        try (SimulatedNas nas = startArmed(options(), armed)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                SimEndpointFile.delete();
                nas.close();
            }, "qatwb-sim-shutdown"));
            ObjectNode line = endpointJson(nas.endpoint());
            line.put("profile", profile);
            line.put("root", nas.root().toString());
            SimEndpointFile.write(line);
            JsonOut.printLine(spec.commandLine().getOut(), line);
            spec.commandLine().getErr().println("qatwb sim: " + profile + " NAS at " + nas.endpoint().host() + ":"
                    + nas.endpoint().port() + "; try 'qatwb snapshot --sim' in another terminal. Ctrl-D or Ctrl-C"
                    + " stops it.");
            spec.commandLine().getErr().flush();
            waitForEndOf(System.in);
            SimEndpointFile.delete();
        }
        return ExitCodes.OK;
    }

    /** The simulator's options from the command line's; a bad one is a usage error. */
    SimOptions options() {
        ParamsAtBoot atBoot = null;
        if (paramsAtBoot != null) {
            atBoot = ParamsAtBoot.byWord(paramsAtBoot).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                    "--params-at-boot must be source or forced-one, not '" + paramsAtBoot + "'"));
        }
        if (!PROFILES.contains(profile)) {
            throw new CliException(ExitCodes.USAGE, "unknown profile '" + profile + "'; use one of " + PROFILES);
        }
        if (port < 0 || port > 65535) {
            throw new CliException(ExitCodes.USAGE, "--port must be 0..65535, not " + port);
        }
        return SimOptions.of(profile).withPort(port).withDemoLoad(!idle).withZia(zia).withParamsAtBoot(atBoot);
    }

    /**
     * Starts the NAS, then arms the faults: after its first boot, so that a fault of "the next boot"
     * waits for the reboot it is aimed at.
     */
    static SimulatedNas startArmed(SimOptions options, List<NamedFault.Armed> armed) {
        SimulatedNas nas = SimulatedNas.start(options);
        try {
            armed.forEach(a -> a.arm(nas.faults()));
        } catch (IllegalStateException e) {
            nas.close();
            throw new CliException(ExitCodes.USAGE, "profile " + options.profile() + ": " + Snippet.failure(e));
        }
        return nas;
    }

    static ObjectNode endpointJson(SimEndpoint e) {
        ObjectNode o = JsonOut.object();
        o.put("host", e.host());
        o.put("port", e.port());
        o.put("user", e.user());
        o.put("identity", e.identity().toString());
        o.put("knownHosts", e.knownHosts().toString());
        o.put("hostKey", e.hostKeyFingerprint());
        return o;
    }

    private static void waitForEndOf(InputStream in) throws IOException {
        byte[] buf = new byte[256];
        while (in.read(buf) >= 0) {
            // discard: the simulator takes no input, it only waits for stdin to close
        }
    }
}
