package org.qatwb.sim.machine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.sim.request.Response;

/**
 * systemd's transient units, as {@code systemd-run} makes them: a service runs its command at once,
 * outside any SSH session (a dropped connection does not end it); a timer ({@code --on-active})
 * runs it when the simulator's clock reaches the time, which only {@link #fireDue} checks, so a test
 * decides when. {@code systemctl stop|is-active} of a loaded unit reach {@link #systemctl}. While a
 * unit is loaded a marker file under {@code units} tells the stand-in to ask here.
 *
 * <p>A service's stdout and stderr go to {@code journal/<unit>.log}, as systemd's journal keeps them.
 */
public final class TransientUnits implements AutoCloseable {

    private static final Pattern SPAN = Pattern.compile("([0-9]+)\\s*(ms|s|sec|m|min|h|hr)?");

    private record Timer(String service, long dueNanos, List<String> command) {
    }

    private final Path markers;
    private final Path journal;
    private final Path workDir;
    private final Map<String, String> env;
    private final LongSupplier uptimeNanos;
    private final Map<String, Timer> timers = new LinkedHashMap<>();
    private final Map<String, Process> services = new LinkedHashMap<>();
    private int anonymous;

    /**
     * @param markers     where the loaded units' marker files go (the stand-ins read them)
     * @param journal     where the services' output goes
     * @param workDir     the services' working directory (systemd's is /)
     * @param env         the services' environment: the NAS's, as every exec gets it
     * @param uptimeNanos the simulator's clock
     */
    public TransientUnits(Path markers, Path journal, Path workDir, Map<String, String> env, LongSupplier uptimeNanos) {
        this.markers = markers;
        this.journal = journal;
        this.workDir = workDir;
        this.env = Map.copyOf(env);
        this.uptimeNanos = uptimeNanos;
    }

    /** {@code systemd-run [--unit=NAME] [--on-active=SPAN] [--quiet] [other options] COMMAND [ARG...]}. */
    public synchronized Response systemdRun(List<String> args) {
        String unit = null;
        Long onActive = null;
        boolean quiet = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            } else if (a.startsWith("--unit=")) {
                unit = a.substring("--unit=".length());
            } else if ((a.equals("--unit") || a.equals("-u")) && i + 1 < args.size()) {
                unit = args.get(++i);
            } else if (a.startsWith("--on-active=")) {
                onActive = span(a.substring("--on-active=".length()));
                if (onActive == null) {
                    return Response.fail("Failed to parse timer value: " + a.substring("--on-active=".length()) + "\n", 1);
                }
            } else if (a.equals("--quiet") || a.equals("-q")) {
                quiet = true;
            } else if ((a.equals("-p") || a.equals("--property") || a.equals("-E") || a.equals("--setenv")
                    || a.equals("--description") || a.equals("--timer-property")) && i + 1 < args.size()) {
                i++; // an option with a separate value: nothing the simulator needs
            } else if (!a.startsWith("-")) {
                break;
            }
        }
        List<String> command = List.copyOf(args.subList(i, args.size()));
        if (command.isEmpty() || !command.get(0).startsWith("/")) {
            return Response.fail("Failed to find executable " + (command.isEmpty() ? "" : command.get(0)) + "\n", 1);
        }
        String base = unit != null ? unit.replaceFirst("\\.(service|timer)$", "") : "run-u" + (++anonymous);
        String service = base + ".service";
        if (services.containsKey(service) || timers.containsKey(base + ".timer")) {
            return Response.fail("Failed to start transient " + (onActive != null ? "timer" : "service") + " unit: Unit "
                    + (onActive != null ? base + ".timer" : service) + " was already loaded or has a fragment file.\n", 1);
        }
        if (onActive != null) {
            timers.put(base + ".timer", new Timer(service, uptimeNanos.getAsLong() + onActive, command));
            mark(base + ".timer", true);
            return new Response("", quiet ? "" : "Running timer as unit: " + base + ".timer\nWill run service as unit: "
                    + service + "\n", 0);
        }
        start(service, command);
        return new Response("", quiet ? "" : "Running as unit: " + service + "\n", 0);
    }

    /** {@code systemctl VERB UNIT} for a loaded transient unit. */
    public synchronized Response systemctl(List<String> args) {
        if (args.size() != 2) {
            return Response.fail("Too few arguments.\n", 1);
        }
        String verb = args.get(0);
        String unit = args.get(1);
        boolean loaded = timers.containsKey(unit) || services.containsKey(unit);
        return switch (verb) {
            case "stop" -> {
                Timer t = timers.remove(unit);
                Process p = services.get(unit);
                if (p != null) {
                    p.destroy();
                }
                mark(unit, false);
                yield t != null || p != null ? Response.ok("") : Response.fail("Failed to stop " + unit + ": Unit " + unit
                        + " not loaded.\n", 5);
            }
            case "is-active" -> loaded ? Response.ok("active\n") : new Response("inactive\n", "", 3);
            default -> Response.fail("the simulator's transient units know stop and is-active, not " + verb + "\n", 1);
        };
    }

    /** Starts the services of the timers that are due now; returns their processes. */
    public synchronized List<Process> fireDue() {
        long now = uptimeNanos.getAsLong();
        List<Process> started = new ArrayList<>();
        for (Map.Entry<String, Timer> e : new ArrayList<>(timers.entrySet())) {
            Timer t = e.getValue();
            if (t.dueNanos() <= now) {
                timers.remove(e.getKey());
                mark(e.getKey(), false);
                Process p = start(t.service(), t.command());
                if (p != null) {
                    started.add(p);
                }
            }
        }
        return started;
    }

    /** The loaded units: timers waiting, services running. */
    public synchronized List<String> loaded() {
        List<String> all = new ArrayList<>(timers.keySet());
        all.addAll(services.keySet());
        return all;
    }

    /** Waits until no service runs (those started meanwhile too), for up to {@code max}. */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            List<Process> running;
            synchronized (this) {
                running = new ArrayList<>(services.values());
            }
            if (running.isEmpty()) {
                return true;
            }
            for (Process p : running) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    return false;
                }
            }
            // onExit removes each one; give it the moment it needs
            Thread.sleep(5);
        }
    }

    /** A reboot: timers gone, services killed, as when the machine goes down. */
    @Override
    public synchronized void close() {
        for (String t : timers.keySet()) {
            mark(t, false);
        }
        timers.clear();
        for (Map.Entry<String, Process> e : services.entrySet()) {
            e.getValue().descendants().forEach(ProcessHandle::destroyForcibly);
            e.getValue().destroyForcibly();
            mark(e.getKey(), false);
        }
        services.clear();
    }

    private Process start(String service, List<String> command) {
        try {
            Files.createDirectories(journal);
            Path log = journal.resolve(service + ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            services.put(service, p);
            mark(service, true);
            p.onExit().thenRun(() -> ended(service, p));
            return p;
        } catch (IOException e) {
            return null; // systemd logs the failure; the unit just does not run
        }
    }

    private synchronized void ended(String service, Process p) {
        if (services.get(service) == p) {
            services.remove(service);
            mark(service, false);
        }
    }

    private void mark(String unit, boolean loaded) {
        try {
            Files.createDirectories(markers);
            Path m = markers.resolve(unit);
            if (loaded) {
                Files.writeString(m, "loaded\n");
            } else {
                Files.deleteIfExists(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A systemd time span ({@code 120}, {@code 120s}, {@code 2min}) in nanoseconds; null if unreadable. */
    static Long span(String text) {
        Matcher m = SPAN.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        String u = m.group(2) == null ? "s" : m.group(2);
        return switch (u) {
            case "ms" -> Duration.ofMillis(n).toNanos();
            case "m", "min" -> Duration.ofMinutes(n).toNanos();
            case "h", "hr" -> Duration.ofHours(n).toNanos();
            default -> Duration.ofSeconds(n).toNanos();
        };
    }
}
