package org.qatwb.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.qatwb.sim.machine.Machine;
import org.qatwb.sim.machine.NasProcesses;
import org.qatwb.sim.machine.TransientUnits;
import org.qatwb.sim.profile.Profile;
import org.qatwb.sim.zfs.ForkExtras;
import org.qatwb.sim.profile.Profiles;
import org.qatwb.sim.request.Request;
import org.qatwb.sim.request.RequestWatcher;
import org.qatwb.sim.request.Response;
import org.qatwb.sim.ssh.SshKeys;
import org.qatwb.sim.ssh.SshServerHost;
import org.qatwb.sim.tree.HostPath;
import org.qatwb.sim.tree.RootLayout;
import org.qatwb.sim.tree.StandIns;
import org.qatwb.sim.tree.TreeGenerator;

/**
 * A simulated QAT + ZFS NAS, reached over real SSH on 127.0.0.1.
 *
 * <p>Each exec runs {@code /bin/sh -c COMMAND} as a real process against a generated root tree
 * ({@code QATWB_ROOT}: {@code etc/}, {@code proc/}, {@code sys/}) with stand-ins for
 * {@code adf_ctl}, {@code systemctl}, {@code zfs}, {@code zpool}, {@code dmesg}, {@code sudo} and
 * {@code tee} (and {@code reboot}, ...) first on its {@code PATH}. The stand-ins read state files the JVM
 * keeps current and send anything that changes the machine to it (see docs/architecture.md). It
 * reboots for real ({@link #reboot()}, or {@code systemctl reboot} on it): it goes down, refuses
 * connections for a while and boots again.
 *
 * <pre>{@code
 * try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
 *     SimEndpoint e = nas.endpoint();   // ssh -i e.identity() -o UserKnownHostsFile=e.knownHosts() ...
 *     nas.workload().set("tank/backup", 100, 0);
 *     nas.advance(Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class SimulatedNas implements AutoCloseable {

    /**
     * How often the wall-clock ticker moves time on. The counters move in steps of one tick, so a
     * rate over one second is off by up to one tick's worth: 100 ms keeps the charts' jitter near
     * 10% (250 ms gave visible 25% spikes), and a 100 ms stream still sees movement.
     */
    static final long TICK_MILLIS = 100;

    /** How long {@link #advance} waits for the services of the timers it fired (a QAT restart and a rollback). */
    static final Duration UNIT_PATIENCE = Duration.ofSeconds(120);

    private final SimOptions options;
    private final Path stateDir;
    private final boolean ownsStateDir;
    private final RootLayout layout;
    private final Machine machine;
    private final KeyPair hostKey;
    private final Path identity;
    private final Path knownHosts;
    private final Map<String, String> env;
    private final AtomicReference<Duration> slow = new AtomicReference<>(Duration.ZERO);
    private final SshServerHost server;
    private final RequestWatcher watcher;
    private final SimFaults faults;
    private final SimWorkload workload;
    private final SimClock clock;
    private final TransientUnits units;
    /** Reboots one at a time, and the faults that shape the next one. */
    private final Object powerLock = new Object();
    private final PowerCycle power = new PowerCycle();
    private final java.util.concurrent.atomic.AtomicBoolean rebootQueued = new java.util.concurrent.atomic.AtomicBoolean();

    private int port;
    private volatile boolean running;
    private volatile boolean closed;
    private boolean deleted;
    private ScheduledExecutorService ticker;

    private SimulatedNas(SimOptions options, Profile profile, Path stateDir, boolean ownsStateDir) throws IOException {
        this.options = options;
        this.stateDir = stateDir;
        this.ownsStateDir = ownsStateDir;
        this.layout = new RootLayout(stateDir.resolve("root"));
        TreeGenerator.prepare(layout, profile);
        Path home = Files.createDirectories(stateDir.resolve("home").resolve(options.user()));
        this.hostKey = SshKeys.loadOrCreate(stateDir.resolve("ssh_host_ed25519_key"), "qatwb-sim-host");
        this.identity = stateDir.resolve("id_ed25519");
        KeyPair userKey = SshKeys.loadOrCreate(identity, options.user() + "@qatwb-sim");
        this.knownHosts = stateDir.resolve("known_hosts");
        this.env = environment(layout, home, options.user());
        // the NAS's fio is the simulator's (or none): a real one on this machine must not answer for it
        env.put("PATH", HostPath.without(env.get("PATH"), layout.simBin(), layout.sim().resolve("host-path"), StandIns.MODELLED));

        this.machine = new Machine(profile, layout);
        if (machine.zfs() != null) {
            machine.zfs().forkExtras(options.forkExtras() != null ? options.forkExtras() : ForkExtras.byDefault(profile.name()));
        }
        if (options.demoLoad()) {
            machine.loads().putAll(profile.demoLoad());
        }
        this.units = new TransientUnits(layout.state().resolve("units"), layout.state().resolve("journal"),
                layout.root(), env, machine::uptimeNanos);
        this.watcher = new RequestWatcher(layout.requests(), this::handle);
        this.server = new SshServerHost(hostKey, options.user(), userKey.getPublic(), env, home, slow::get);
        this.faults = new SimFaults(machine, layout, () -> server, slow, power);
        this.workload = new SimWorkload(machine);
        this.clock = new SimClock(machine);
        machine.realTime(options.realTime()); // the modelled tools take their time on the wall clock, or move a driven one
        this.port = options.port();
    }

    /** Generates (or reuses) the state directory, boots the machine and starts listening. */
    public static SimulatedNas start(SimOptions options) {
        Profile profile = Profiles.byName(options.profile())
                .orElseThrow(() -> new IllegalArgumentException("unknown profile '" + options.profile()
                        + "'; known: " + String.join(", ", Profiles.NAMES)))
                .withZia(options.zia());
        if (!options.keptParams()) {
            profile = profile.withKeptParams(Set.of());
        }
        if (options.trueNas() != null) {
            profile = profile.withTrueNas(options.trueNas());
        }
        if (options.paramsAtBoot() != null) {
            profile = profile.withParamsAtBoot(options.paramsAtBoot());
        }
        try {
            boolean temp = options.stateDir() == null;
            Path dir = temp ? Files.createTempDirectory("qatwb-sim-")
                    : Files.createDirectories(options.stateDir().toAbsolutePath());
            SimulatedNas nas = new SimulatedNas(options, profile, dir, temp);
            try {
                nas.watcher.start(); // the boot's scripts send requests
                nas.machine.boot(nas.env);
                if (options.irqbalance()) {
                    nas.machine.installIrqbalance(nas.env);
                }
                nas.startServices();
                nas.machine.runZiaHooksAtBoot(nas.env);
                nas.power.booted();
            } catch (RuntimeException e) {
                nas.close();
                throw e;
            }
            return nas;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the simulated NAS", e);
        }
    }

    /**
     * The stand-ins' requests: transient units (systemd-run, systemctl of one), a fault's dropped
     * connections, and everything else for the machine.
     */
    private Response handle(Request r) {
        return switch (r.tool()) {
            case "systemd-run" -> units.systemdRun(r.args());
            case "unit" -> units.systemctl(r.args());
            case "drop-connections" -> {
                server.dropAllConnections();
                yield Response.ok("");
            }
            case "reboot" -> {
                // systemctl reboot returns once the job is queued; the machine goes down after the answer.
                // A second request while one is queued joins it, as systemd merges the same job.
                if (rebootQueued.compareAndSet(false, true)) {
                    Thread t = new Thread(this::rebootAfterAnswer, "qatwb-sim-reboot");
                    t.setDaemon(true);
                    t.start();
                }
                yield Response.ok("");
            }
            default -> machine.handle(r);
        };
    }

    /** The exec environment: the stand-ins first on PATH, C messages, the root every path is under. */
    static Map<String, String> environment(RootLayout layout, Path home, String user) {
        String sysPath = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QATWB_ROOT", layout.root().toString());
        env.put("PATH", layout.simBin() + ":" + sysPath);
        env.put("HOME", home.toString());
        env.put("LC_ALL", "C");
        env.put("USER", user);
        env.put("LOGNAME", user);
        env.put("SHELL", "/bin/sh");
        return env;
    }

    private synchronized void startServices() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (running) {
            return;
        }
        watcher.start(); // started already by a boot; here for restart()
        port = server.start(port);
        try {
            Files.writeString(knownHosts, SshKeys.knownHostsLine(SshServerHost.HOST, port, hostKey.getPublic()),
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (options.realTime()) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "qatwb-sim-clock");
                t.setDaemon(true);
                return t;
            });
            long[] last = {System.nanoTime()};
            ticker.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                machine.advance(now - last[0]);
                last[0] = now;
                units.fireDue(); // they run on their own; the clock does not wait for them
            }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
        running = true;
    }

    public synchronized SimEndpoint endpoint() {
        return new SimEndpoint(SshServerHost.HOST, port, options.user(), identity, knownHosts,
                SshKeys.fingerprint(hostKey.getPublic()));
    }

    /**
     * A new directory of links to the stand-ins for the NAS's own tools ({@code adf_ctl},
     * {@code systemctl}, {@code zfs}, {@code zpool}, {@code dmesg}, {@code sudo}, {@code tee},
     * and {@code midclt} where installed), without the guards for file utilities: for a real sshd
     * serving this root, whose login shells' start-up files use the real {@code mv}, {@code mkdir}...
     * Put it first on that sshd's PATH, with {@code QATWB_ROOT} set to {@link #root()}.
     */
    public Path toolsForRealSshd() throws IOException {
        Path dir = Files.createTempDirectory("qatwb-nas-tools");
        for (String tool : List.of("adf_ctl", "systemctl", "zfs", "zpool", "dmesg", "sudo", "tee", "midclt",
                "systemd-run", "df", "reboot", "fio", "dd")) {
            Path standIn = layout.root().resolve("sim-bin").resolve(tool);
            if (Files.exists(standIn)) {
                Files.createSymbolicLink(dir.resolve(tool), standIn);
            }
        }
        return dir;
    }

    /** The NAS's root ({@code QATWB_ROOT}). */
    public Path root() {
        return layout.root();
    }

    /** The state directory: keys, known_hosts, the root tree, the login user's home. */
    public Path stateDir() {
        return stateDir;
    }

    public Profile profile() {
        return machine.profile();
    }

    /** The environment every exec gets; run a stand-in with it to see what an SSH exec would. */
    public Map<String, String> environment() {
        return env;
    }

    public SimFaults faults() {
        return faults;
    }

    public SimWorkload workload() {
        return workload;
    }

    public SimClock clock() {
        return clock;
    }

    /**
     * Moves the clock on by {@code d} (see {@link SimClock#advance}); the transient timers that fall
     * due (a rollback timer) fire, and this returns once the services they started have ended.
     */
    public void advance(Duration d) {
        clock.advance(d);
        List<Process> fired = units.fireDue();
        if (!fired.isEmpty()) {
            awaitTransientUnits(UNIT_PATIENCE);
        }
    }

    /**
     * Waits until no transient service runs (a transaction's worker, a rollback timer's service).
     *
     * @throws IllegalStateException when one still runs after {@code max}
     */
    public void awaitTransientUnits(Duration max) {
        try {
            if (!units.awaitIdle(max)) {
                throw new IllegalStateException("transient units still running after " + max + ": " + units.loaded());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for transient units", e);
        }
    }

    /** The transient units loaded now ({@code qatwb-rollback-<id>.timer}, running services). */
    public List<String> transientUnits() {
        return units.loaded();
    }

    /** Where the agent keeps its transactions ({@code var/lib/qatwb/tx}), one directory each, with their backups. */
    public Path transactions() {
        return layout.root().resolve("var/lib/qatwb/tx");
    }

    /** Execs run since the simulator started: the round trips a request cost. */
    public long execCount() {
        return server.execCount();
    }

    /** SSH connections opened since the simulator started. */
    public long connectionCount() {
        return server.connectionCount();
    }

    /** Unloads and loads zfs.ko: the kstat counters start from zero. */
    public void reloadZfsModule() {
        machine.reloadZfsModule();
    }

    /**
     * Loads or unloads the dpusm module (Z.I.A. profiles): {@code /sys/module/dpusm} comes or goes;
     * zfs.ko sees the change only at its next load (reboot or {@link #reloadZfsModule()}).
     */
    public void dpusm(boolean loaded) {
        machine.dpusm(loaded);
    }

    /**
     * Reboots the NAS, as {@code systemctl reboot} on it does: every connection drops and every process
     * of the NAS ends, it stops listening (connections are refused), transient units go, the QAT
     * drivers and zfs.ko go; it stays down for {@link SimOptions#downTime} (or a {@code slow-boot}
     * fault's time), boots ({@link Machine#boot}: qat.service, zfs.ko and the enabled units in
     * systemd's order, qatwb's scripts as real processes, TrueNAS's POSTINIT scripts) and listens again
     * on the same port with the same host key. With the {@code no-return} fault armed it stays down
     * until {@link #powerOn()}. Returns when it is up again (or has gone down for good).
     */
    public void reboot() {
        synchronized (powerLock) {
            goDown();
            Duration down = power.downTime(options.downTime());
            if (power.takeNoReturn()) {
                return;
            }
            pause(down);
            comeUp();
        }
    }

    /** Boots a NAS that a {@code no-return} fault left down. */
    public void powerOn() {
        synchronized (powerLock) {
            if (!isRunning() && !closed) {
                comeUp();
            }
        }
    }

    /**
     * Waits until the NAS has finished {@code n} boots since it started (its first boot is 1), for up
     * to {@code max}; false when it has not.
     */
    public boolean awaitBoots(long n, Duration max) throws InterruptedException {
        return power.awaitBoots(n, max);
    }

    /** The boots finished since the simulator started: 1 after start, one more per reboot. */
    public long boots() {
        return power.boots();
    }

    /** The reboot a stand-in asked for: once the watcher has delivered the answer, as {@link #reboot()}. */
    private void rebootAfterAnswer() {
        try {
            reboot();
        } catch (RuntimeException e) {
            // the machine stays down, as a box whose boot failed; closing the simulator still works
        }
    }

    private void goDown() {
        stop(); // the watcher's close waits for its thread: the reboot's requester has its answer
        rebootQueued.set(false); // no request reaches a machine that is down
        units.close(); // transient units do not survive a reboot
        NasProcesses.killAll(layout.root());
        machine.powerOff();
    }

    private void comeUp() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        watcher.start(); // the boot's scripts send requests
        machine.boot(env);
        machine.afterReboot();
        startServices();
        machine.runZiaHooksAtBoot(env);
        power.booted();
    }

    private void pause(Duration d) {
        try {
            power.stayDown(d); // the machine is down: nothing to poll for; close() cuts it short
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening and ends every connection and exec; the machine's state is kept. */
    public synchronized void stop() {
        if (running) {
            halt();
        }
    }

    private synchronized void halt() {
        running = false;
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        server.stop();
        watcher.close();
    }

    /** {@link #stop()}, then listens again on the same port with the same keys and state. */
    public synchronized void restart() {
        stop();
        startServices();
    }

    /** Whether it listens: false while a reboot keeps it down. */
    public boolean isRunning() {
        return running;
    }

    /** Stops, and deletes the state directory if the simulator made it; a reboot under way is cut short. */
    @Override
    public void close() {
        closed = true;
        power.close();
        synchronized (powerLock) {
            synchronized (this) {
                if (deleted) {
                    return;
                }
                deleted = true;
                halt(); // also what a reboot under way had started
                units.close();
                if (ownsStateDir) {
                    try {
                        TreeGenerator.deleteTree(stateDir);
                    } catch (IOException e) {
                        // a temporary directory left behind is no reason to fail a test
                    }
                }
            }
        }
    }
}
