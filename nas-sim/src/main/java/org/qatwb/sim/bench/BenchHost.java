package org.qatwb.sim.bench;

import java.nio.file.Path;
import java.util.Optional;
import org.qatwb.sim.profile.Dataset;
import org.qatwb.sim.profile.Profile;

/** What the modelled tools need of the machine (implemented by {@code sim.machine.Machine}). */
public interface BenchHost {

    /** The dataset made with zfs create that {@code file} lies in, with what QAT takes of its work now. */
    Optional<Target> datasetOf(Path file);

    /** The ratio the data in {@code dataset} reached (logical over physical bytes). */
    void recordRatio(String dataset, double ratio);

    Profile profile();

    /**
     * On the driven clock, the modelled work of a phase: it starts now and lasts {@code cost.seconds()}, the
     * clock moves on by that long before this returns, the workload running on the dataset (kstat
     * counters, interrupts) and its CPU time going to /proc/stat.
     */
    void startWork(String dataset, PerfModel.Op op, long bytes, PerfModel.Cost cost);

    /**
     * On the real-time clock, part of a phase was done just now: {@code bytes} of the dataset's workload
     * and that much CPU time, counted in the clock's next step.
     */
    void progress(String dataset, PerfModel.Op op, long bytes, double userCpu, double systemCpu, double iowait);

    /** Whether the clock follows the wall clock (else only tests move it). */
    boolean realTime();

    /** Whether the corrupt-read fault is armed; taking it disarms it (it corrupts one read). */
    boolean takeCorruptRead();

    /** A dataset, its record now, and what QAT takes of its work now. */
    record Target(String name, Dataset dataset, PerfModel.Offloaded offloaded) {
    }
}
