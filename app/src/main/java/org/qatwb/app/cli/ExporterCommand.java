package org.qatwb.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.app.exporter.Exporter;
import org.qatwb.app.exporter.ExporterSettings;
import org.qatwb.app.exporter.ExporterTarget;
import org.qatwb.app.exporter.MetricsServer;
import org.qatwb.app.exporter.SimulatedTargets;
import org.qatwb.app.exporter.TargetArguments;
import org.qatwb.app.exporter.TargetSupervisor;
import org.qatwb.app.exporter.TextfileWriter;
import org.qatwb.app.settings.ConfigDir;
import org.qatwb.app.settings.ConnectionStore;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.app.settings.SettingsException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.sim.SimOptions;
import org.qatwb.ssh.agent.AgentCommand;
import org.qatwb.ssh.config.ConnectionSpec;
import org.qatwb.ssh.config.SshConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qatwb exporter}: Prometheus metrics of one or many NAS, over HTTP and/or node_exporter's textfile collector. */
@Command(name = "exporter", mixinStandardHelpOptions = true,
        description = {"Serve Prometheus/OpenMetrics metrics of one or many NAS: QAT counters, devices, ZFS parameters,"
                + " the doctor's checks (docs/metrics.md).",
                "One SSH session and one live stream per NAS, reconnecting by itself; a scrape answers from memory."
                + " Never asks anything: keys and the ssh-agent only.",
                "Without --target or --sim: every saved connection of the window."},
        footer = {"", "Examples:",
                "  qatwb exporter --sim",
                "  qatwb exporter --target nas1 --target lab=root@10.0.0.7:2222",
                "  qatwb exporter --textfile /var/lib/prometheus/node-exporter --once",
                "",
                "Exit status: 0 stopped by Ctrl-C or SIGTERM (or --once with every target up), 1 --once with a target"
                + " not up, or the listen address cannot be bound (in use), 2 usage error (no targets, duplicate"
                + " names, a bad --listen or --textfile), 3 an ~/.ssh/config that cannot be read."})
final class ExporterCommand implements Callable<Integer> {

    static final String DEFAULT_LISTEN = "127.0.0.1:9741";
    /** How long --once waits for every target to be read (or to have failed) before it writes what it has. */
    static final Duration ONCE_PATIENCE = Duration.ofSeconds(30);

    private static final Pattern LISTEN = Pattern.compile("(\\[[^\\]]+\\]|[^:\\[\\]]*):(\\d{1,5})");

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "ADDR:PORT",
            description = "where to serve HTTP (default " + DEFAULT_LISTEN + ", this machine only; 0.0.0.0 or a"
                    + " public address exposes the metrics, which name your NAS and their state, to the network)")
    String listen;

    @Option(names = "--target", paramLabel = "[NAME=]DEST",
            description = "a NAS (repeatable): a saved connection's name, [user@]host[:port] or an ~/.ssh/config alias;"
                    + " NAME is its 'nas' label (default: the saved name, else DEST)")
    List<String> targets = new ArrayList<>();

    @Option(names = "--sim", arity = "0..1", fallbackValue = "c62x", paramLabel = "PROFILE",
            description = "start a simulated NAS in this process (repeatable; c62x, dh8950, no-qat, broken or new-kernel; default"
                    + " c62x) with its demonstration workload, labelled sim-PROFILE (sim-PROFILE-2 for a second)."
                    + " Unlike other commands' --sim, it does not reach a running 'qatwb sim'")
    List<String> sims = new ArrayList<>();

    @Option(names = "--interval", defaultValue = "1000", paramLabel = "MS", description = "stream tick in milliseconds (default ${DEFAULT-VALUE})")
    int interval;

    @Option(names = "--snapshot-interval", defaultValue = "60", paramLabel = "S",
            description = "seconds between full reads of each NAS (devices, parameters, kernel log, doctor); default ${DEFAULT-VALUE}")
    int snapshotInterval;

    @Option(names = "--textfile", paramLabel = "DIR",
            description = "also write DIR/qatwb.prom for node_exporter's textfile collector (atomically); alone, without"
                    + " --listen, no HTTP server is started")
    Path textfile;

    @Option(names = "--textfile-interval", defaultValue = "15", paramLabel = "S", description = "seconds between writes (default ${DEFAULT-VALUE})")
    int textfileInterval;

    @Option(names = "--once", description = "with --textfile: wait until every target is read (at most 30 s), write once and exit"
            + " (0 every target up, 1 otherwise): for cron")
    boolean once;

    @Option(names = "--accept-new", description = "trust and save the key of a host not yet known (never a changed one)")
    boolean acceptNew;

    @Option(names = "--sudo", description = "privileged reads through 'sudo -n' (non-root accounts)")
    boolean sudo;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        InetSocketAddress address = listen != null || textfile == null ? listenAddress(listen == null ? DEFAULT_LISTEN : listen) : null;
        TextfileWriter writer = textfileWriter();
        List<TargetArguments.Named> named = named();
        List<String> simLabels = SimulatedTargets.labels(sims);
        Set<String> labels = new HashSet<>(simLabels);
        for (TargetArguments.Named n : named) {
            if (!labels.add(n.nas())) {
                throw new CliException(ExitCodes.USAGE, "two targets are named '" + n.nas() + "': give one NAME=DEST a name of its own");
            }
        }
        List<ExporterTarget> resolved = new ArrayList<>();
        for (TargetArguments.Named n : named) {
            try {
                resolved.add(new ExporterTarget(n.nas(), ConnectionSpec.resolve(n.options()), n.options().sudo()));
            } catch (SshConfigException e) {
                throw new CliException(ExitCodes.UNREACHABLE, n.nas() + ": " + Snippet.failure(e), e);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        SimulatedTargets simulated;
        try {
            simulated = SimulatedTargets.start(sims, SimOptions::demo);
        } catch (SshConfigException e) {
            throw new CliException(ExitCodes.INPUT, "the simulated NAS could not start: " + Snippet.failure(e), e);
        }
        resolved.addAll(simulated.targets());
        String version = version();
        Exporter exporter = new Exporter(resolved, ExporterSettings.of(interval, Duration.ofSeconds(snapshotInterval)),
                version, line -> say(err, line), System::currentTimeMillis);
        MetricsServer server = null;
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "qatwb-exporter-stop");
        try {
            if (address != null) {
                try {
                    server = MetricsServer.start(address, exporter);
                } catch (IOException e) {
                    throw new CliException(ExitCodes.INPUT, "cannot listen on " + listenText(address) + ": "
                            + Snippet.failure(e) + " (another exporter running? choose another --listen)", e);
                }
            }
            exporter.start();
            if (server != null) {
                say(err, "serving http://" + listenText(server.address()) + "/metrics for " + resolved.size()
                        + " NAS (Ctrl-C to stop)");
            }
            if (once) {
                return writeOnce(exporter, writer, err);
            }
            Runtime.getRuntime().addShutdownHook(hook);
            onInterrupt(stop::countDown);
            runUntilStopped(exporter, writer, stop, err);
            return ExitCodes.OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook is running
            }
            if (server != null) {
                server.close();
            }
            exporter.close();
            simulated.close();
        }
    }

    private void validate() {
        if (interval < AgentCommand.Stream.MIN_INTERVAL_MS || interval > AgentCommand.Stream.MAX_INTERVAL_MS) {
            throw new CliException(ExitCodes.USAGE, "--interval must be " + AgentCommand.Stream.MIN_INTERVAL_MS + ".."
                    + AgentCommand.Stream.MAX_INTERVAL_MS + " ms, not " + interval);
        }
        if (snapshotInterval < 1) {
            throw new CliException(ExitCodes.USAGE, "--snapshot-interval must be at least 1 s, not " + snapshotInterval);
        }
        if (textfileInterval < 1) {
            throw new CliException(ExitCodes.USAGE, "--textfile-interval must be at least 1 s, not " + textfileInterval);
        }
        if (once && textfile == null) {
            throw new CliException(ExitCodes.USAGE, "--once writes the textfile once: give --textfile DIR too");
        }
        for (String p : sims) {
            if (!SimCommand.PROFILES.contains(p)) {
                throw new CliException(ExitCodes.USAGE, "--sim " + p + ": no such profile (" + String.join(", ", SimCommand.PROFILES) + ")");
            }
        }
    }

    /** The targets given, or every saved connection when none is given. */
    private List<TargetArguments.Named> named() {
        if (targets.isEmpty() && !sims.isEmpty()) {
            return List.of();
        }
        List<SavedConnection> saved;
        ConnectionStore store = new ConnectionStore(ConfigDir.user());
        try {
            saved = store.load();
        } catch (SettingsException e) {
            throw new CliException(ExitCodes.INPUT, Snippet.failure(e), e);
        }
        if (targets.isEmpty()) {
            if (saved.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "no NAS to export: give --target [NAME=]DEST (repeatable) or --sim,"
                        + " or save connections in the window (none in " + store.file() + ")");
            }
            return TargetArguments.all(saved, acceptNew, sudo);
        }
        List<TargetArguments.Named> out = new ArrayList<>();
        for (String t : targets) {
            try {
                out.add(TargetArguments.parse(t, saved, acceptNew, sudo));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, Snippet.failure(e), e);
            }
        }
        return out;
    }

    /** {@code ADDR:PORT}: a bracketed IPv6 address, an IPv4 address or a host name (empty: every address). */
    static InetSocketAddress listenAddress(String text) {
        Matcher m = LISTEN.matcher(text);
        if (!m.matches()) {
            throw new CliException(ExitCodes.USAGE, "--listen " + Snippet.quote(text) + ": not ADDR:PORT (e.g. " + DEFAULT_LISTEN + ")");
        }
        int port = Integer.parseInt(m.group(2));
        if (port > 65535) {
            throw new CliException(ExitCodes.USAGE, "--listen " + Snippet.quote(text) + ": port " + port + " is not 0..65535");
        }
        String host = m.group(1);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException | SecurityException e) {
            throw new CliException(ExitCodes.USAGE, "--listen " + Snippet.quote(text) + ": no such address (" + Snippet.failure(e) + ")", e);
        }
    }

    private static String listenText(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private TextfileWriter textfileWriter() {
        if (textfile == null) {
            return null;
        }
        if (!Files.isDirectory(textfile)) {
            throw new CliException(ExitCodes.USAGE, "--textfile " + Snippet.quote(textfile.toString())
                    + (Files.exists(textfile) ? ": not a directory" : ": no such directory"));
        }
        try {
            return new TextfileWriter(textfile);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "--textfile: " + Snippet.failure(e), e);
        }
    }

    private int writeOnce(Exporter exporter, TextfileWriter writer, PrintWriter err) throws InterruptedException {
        long deadline = System.nanoTime() + ONCE_PATIENCE.toNanos();
        while (System.nanoTime() < deadline && !allSettled(exporter)) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        write(exporter, writer, err);
        boolean allUp = exporter.states(exporter.now()).stream().allMatch(s -> s.up());
        return allUp ? ExitCodes.OK : ExitCodes.INPUT;
    }

    /** Every target read (a snapshot and two ticks) or failed at least once. */
    private static boolean allSettled(Exporter exporter) {
        for (TargetSupervisor s : exporter.supervisors()) {
            boolean read = s.state().snapshot().isPresent() && s.ticks() >= 2;
            if (!read && !s.failedOnce()) {
                return false;
            }
        }
        return true;
    }

    private void runUntilStopped(Exporter exporter, TextfileWriter writer, CountDownLatch stop, PrintWriter err)
            throws InterruptedException {
        if (writer == null) {
            stop.await();
            return;
        }
        // the first file once the targets had a moment to connect, then every --textfile-interval
        long period = TimeUnit.SECONDS.toMillis(textfileInterval);
        while (!stop.await(period, TimeUnit.MILLISECONDS)) {
            write(exporter, writer, err);
        }
    }

    private static void write(Exporter exporter, TextfileWriter writer, PrintWriter err) {
        if (writer == null) {
            return;
        }
        try {
            writer.write(exporter);
        } catch (IOException e) {
            say(err, "cannot write " + writer.file() + ": " + Snippet.failure(e));
        }
    }

    private String version() {
        String[] v = spec.root().version();
        String text = v.length == 0 ? "unknown" : v[0];
        return text.startsWith("qatwb ") ? text.substring("qatwb ".length()) : text;
    }

    /**
     * Ctrl-C and SIGTERM as a request to stop, so that the command closes what it opened and exits 0;
     * without this the JVM would begin shutting down at once (status 130 or 143) and the cleanup would
     * race the shutdown hooks. Where the JVM does not allow it, the shutdown hook stops the command.
     */
    static void onInterrupt(Runnable stop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.run());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // not available here, or claimed by the JVM (-Xrs)
            }
        }
    }

    private static void say(PrintWriter err, String line) {
        synchronized (err) {
            err.println("qatwb exporter: " + line);
            err.flush();
        }
    }
}
