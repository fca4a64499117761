package org.qatwb.sim.machine;

import java.nio.file.Path;
import org.qatwb.sim.tree.AtomicFiles;

/**
 * {@code /proc/stat} as proc(5) describes it: the {@code cpu} line (the sum over the CPUs) and one
 * {@code cpuN} line per CPU, each with user, nice, system, idle, iowait, irq, softirq, steal, guest
 * and guest_nice in USER_HZ ticks (100 a second), then {@code intr}, {@code ctxt}, {@code btime},
 * {@code processes}, {@code procs_running}, {@code procs_blocked} and {@code softirq}. The time
 * every CPU spends follows the simulator's clock: a quiet background (0.4% user, 0.2% system: a NAS at rest), what
 * the modelled work adds ({@link #add}), and idle for the rest, so that busy plus idle plus iowait
 * is the number of CPUs times the uptime, as on a real box. The counters start at zero at each boot.
 * Not thread-safe: the machine calls it under its lock.
 */
public final class ProcStat {

    static final int USER_HZ = 100;
    static final double BACKGROUND_USER = 0.004;
    static final double BACKGROUND_SYSTEM = 0.002;

    private final Path file;
    private final int cpus;
    /** Seconds, summed over the CPUs. */
    private double user;
    private double system;
    private double idle;
    private double iowait;
    private double softirq;
    private long lastNanos;
    private long contextSwitches;

    ProcStat(Path file, int cpus) {
        this.file = file;
        this.cpus = cpus;
    }

    /** A boot: the kernel's counters start again. */
    void reset(long uptimeNanos) {
        user = system = idle = iowait = softirq = 0;
        contextSwitches = 0;
        lastNanos = 0;
        catchUp(uptimeNanos);
    }

    /**
     * Time passes to {@code uptimeNanos}: the background and idle take the time no work claimed.
     * Work added since the last call ({@link #add}) already took its share of that time.
     */
    void catchUp(long uptimeNanos) {
        if (uptimeNanos < lastNanos) {
            reset(uptimeNanos);
            return;
        }
        double dt = (uptimeNanos - lastNanos) / 1e9;
        lastNanos = uptimeNanos;
        double capacity = dt * cpus;
        double u = dt * cpus * BACKGROUND_USER;
        double s = dt * cpus * BACKGROUND_SYSTEM;
        user += u;
        system += s;
        softirq += dt * cpus * 0.001;
        contextSwitches += Math.round(dt * cpus * 350);
        idle += Math.max(0, capacity - u - s - dt * cpus * 0.001 - pendingBusy);
        pendingBusy = 0;
    }

    /** CPU time the work of the step about to be accounted took, taken from idle at the next {@link #catchUp}. */
    private double pendingBusy;

    /**
     * Work done during the step that ends at the next {@link #catchUp}: CPU seconds in user space, in
     * the kernel, and waiting for I/O (never more than the CPUs had: the rest is lost, as a saturated
     * box does not count more time than it has).
     */
    void add(double userSeconds, double systemSeconds, double iowaitSeconds, double stepSeconds) {
        double room = Math.max(0, stepSeconds * cpus * (1 - BACKGROUND_USER - BACKGROUND_SYSTEM - 0.001) - pendingBusy);
        double want = userSeconds + systemSeconds + iowaitSeconds;
        double scale = want <= room || want == 0 ? 1 : room / want;
        user += userSeconds * scale;
        system += systemSeconds * scale;
        iowait += iowaitSeconds * scale;
        pendingBusy += want * scale;
        contextSwitches += Math.round((userSeconds + systemSeconds) * scale * 2000);
    }

    /** Writes the file as the kernel prints it ({@code show_stat} in fs/proc/stat.c). */
    void write(long bootEpochSeconds) {
        long[] total = {ticks(user), 0, ticks(system), ticks(idle), ticks(iowait), 0, ticks(softirq), 0, 0, 0};
        StringBuilder out = new StringBuilder("cpu ");
        for (long t : total) {
            out.append(' ').append(t);
        }
        out.append('\n');
        for (int c = 0; c < cpus; c++) {
            out.append("cpu").append(c);
            for (long t : total) {
                out.append(' ').append(t / cpus + (c < t % cpus ? 1 : 0));
            }
            out.append('\n');
        }
        long interrupts = contextSwitches / 2;
        out.append("intr ").append(interrupts).append(" 0 9 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0\n");
        out.append("ctxt ").append(contextSwitches).append('\n');
        out.append("btime ").append(bootEpochSeconds).append('\n');
        out.append("processes ").append(1200 + contextSwitches / 5000).append('\n');
        out.append("procs_running 1\n");
        out.append("procs_blocked 0\n");
        out.append("softirq ").append(ticks(softirq) * 10).append(" 0 0 0 0 0 0 0 0 0 0\n");
        AtomicFiles.write(file, out.toString());
    }

    private static long ticks(double seconds) {
        return (long) Math.floor(seconds * USER_HZ);
    }
}
