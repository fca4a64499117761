package org.qatwb.app.usecase;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.doctor.Doctor;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.doctor.Observation;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;

/**
 * The doctor: the QAT-to-ZFS chain examined on a snapshot, and for {@code zfs.offload-active} on
 * what the counters did while watched ({@link CounterObservation}). The window feeds the watch from
 * its live stream ({@link #examine}, {@link #worthWatching}); the CLI runs it all here. Blocks.
 */
public final class Diagnose {

    private final AgentClient agent;

    public Diagnose(AgentClient agent) {
        this.agent = Objects.requireNonNull(agent, "agent");
    }

    /**
     * @param snapshot    what was examined
     * @param report      the verdict, with the observation when there was one
     * @param observation what the counters did, when they were watched
     */
    public record Diagnosis(NasSnapshot snapshot, DoctorReport report, Optional<Observation> observation) {
        public Diagnosis {
            Objects.requireNonNull(snapshot, "snapshot");
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(observation, "observation");
        }
    }

    /**
     * Reads a snapshot and examines it; then, when the report wants it and counters exist, watches
     * them for {@code seconds} ({@code 0}: never) over a stream of its own and examines again.
     * {@code watching} hears {@link #watchingLine} before the watch starts.
     */
    public Diagnosis run(int seconds, Duration grace, java.util.function.Consumer<String> watching)
            throws NasConnectionException, AgentFailure, InterruptedException {
        NasSnapshot snapshot = agent.snapshot();
        DoctorReport report = examine(snapshot);
        if (seconds <= 0 || !worthWatching(snapshot, report)) {
            return new Diagnosis(snapshot, report, Optional.empty());
        }
        watching.accept(watchingLine(seconds));
        Observation o = WatchCounters.observe(agent, seconds, grace);
        return new Diagnosis(snapshot, examine(snapshot, o), Optional.of(o));
    }

    /** The verdict without an observation ({@code zfs.offload-active} waits for one when it wants it). */
    public static DoctorReport examine(NasSnapshot s) {
        return Doctor.examine(s, Optional.empty());
    }

    /** The verdict with what the counters did. */
    public static DoctorReport examine(NasSnapshot s, Observation o) {
        return Doctor.examine(s, Optional.of(o));
    }

    /**
     * Whether watching the counters can tell anything: the report wants it (offload on, something
     * offloadable) and the NAS has counters to watch.
     */
    public static boolean worthWatching(NasSnapshot s, DoctorReport report) {
        return report.wantsObservation() && s.kstat().isPresent();
    }

    /** What is said while the counters are watched. */
    public static String watchingLine(int seconds) {
        return "watching the QAT counters for " + seconds + " s (offloadable work running meanwhile proves offload)";
    }
}
