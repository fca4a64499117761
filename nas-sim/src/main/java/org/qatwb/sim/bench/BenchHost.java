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
     * The modelled work of a phase starts now and lasts {@code cost.seconds()}: the workload runs on the
     * dataset (kstat counters, interrupts), its CPU time goes to /proc/stat. With the driven clock this
     * moves the clock on by that long before it returns; on the real-time clock the ticker does.
     */
    void startWork(String dataset, PerfModel.Op op, long bytes, PerfModel.Cost cost);

    /** The work of {@code dataset} stops now (the tool was stopped): the rest of it never happens. */
    void stopWork(String dataset);

    /** Whether the clock follows the wall clock (else only tests move it). */
    boolean realTime();

    /** Whether the corrupt-read fault is armed; taking it disarms it (it corrupts one read). */
    boolean takeCorruptRead();

    /** A dataset, its record now, and what QAT takes of its work now. */
    record Target(String name, Dataset dataset, PerfModel.Offloaded offloaded) {
    }
}
