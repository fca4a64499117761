package org.qatwb.model.metrics;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.StreamSample;

/**
 * One NAS as the exporter holds it at one moment; replaced whole on every change (immutable), so
 * that a scrape renders from memory whatever the NAS's connection is doing.
 *
 * <p>Counters come from the newer of {@link #snapshot} and {@link #sample} (by arrival time): the
 * stream's ticks are normally newer, and carry the kstat and {@code fw_counters} too.
 *
 * @param nas                   the {@code nas} label value (a saved connection's or {@code --target}'s name,
 *                              {@code sim-<profile>} for a built-in simulated NAS)
 * @param up                    the stream is delivering ticks (the last within 3 intervals)
 * @param connects              SSH connections opened so far, the first and every reconnect
 * @param snapshotReadNanos     how long the last snapshot read took
 * @param snapshot              the last snapshot
 * @param snapshotAtEpochMillis when it arrived (present exactly when {@code snapshot} is)
 * @param sample                the last stream tick, read
 * @param sampleAtEpochMillis   when it arrived (present exactly when {@code sample} is)
 * @param doctor                the doctor's report on the last snapshot
 */
public record TargetState(
        String nas,
        boolean up,
        long connects,
        OptionalLong snapshotReadNanos,
        Optional<NasSnapshot> snapshot, OptionalLong snapshotAtEpochMillis,
        Optional<StreamSample> sample, OptionalLong sampleAtEpochMillis,
        Optional<DoctorReport> doctor) {

    /**
     * @throws IllegalArgumentException for a blank name, a negative count or duration, or a snapshot or
     *                                  sample without its arrival time (or a time without it)
     */
    public TargetState {
        Objects.requireNonNull(nas, "nas");
        Objects.requireNonNull(snapshotReadNanos, "snapshotReadNanos");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(snapshotAtEpochMillis, "snapshotAtEpochMillis");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(sampleAtEpochMillis, "sampleAtEpochMillis");
        Objects.requireNonNull(doctor, "doctor");
        if (nas.isBlank()) {
            throw new IllegalArgumentException("a target needs a name for its nas label");
        }
        if (connects < 0) {
            throw new IllegalArgumentException("negative connects " + connects);
        }
        if (snapshotReadNanos.isPresent() && snapshotReadNanos.getAsLong() < 0) {
            throw new IllegalArgumentException("negative snapshot read time " + snapshotReadNanos.getAsLong());
        }
        if (snapshot.isPresent() != snapshotAtEpochMillis.isPresent()) {
            throw new IllegalArgumentException("a snapshot and its arrival time go together");
        }
        if (sample.isPresent() != sampleAtEpochMillis.isPresent()) {
            throw new IllegalArgumentException("a sample and its arrival time go together");
        }
    }

    /** A target nothing was read from yet: down, never connected. */
    public static TargetState starting(String nas) {
        return new TargetState(nas, false, 0, OptionalLong.empty(), Optional.empty(), OptionalLong.empty(),
                Optional.empty(), OptionalLong.empty(), Optional.empty());
    }

    /** The same with the stream up or down. */
    public TargetState withUp(boolean isUp) {
        return new TargetState(nas, isUp, connects, snapshotReadNanos, snapshot, snapshotAtEpochMillis, sample,
                sampleAtEpochMillis, doctor);
    }

    /** The same with one more SSH connection opened. */
    public TargetState connected() {
        return new TargetState(nas, up, connects + 1, snapshotReadNanos, snapshot, snapshotAtEpochMillis, sample,
                sampleAtEpochMillis, doctor);
    }

    /** The same with a new snapshot, the time its read took, and the doctor's report on it. */
    public TargetState withSnapshot(NasSnapshot s, long readNanos, long atEpochMillis, Optional<DoctorReport> report) {
        return new TargetState(nas, up, connects, OptionalLong.of(readNanos), Optional.of(s),
                OptionalLong.of(atEpochMillis), sample, sampleAtEpochMillis, report);
    }

    /** The same with the doctor's report on the snapshot held, as a new observation of the counters changed it. */
    public TargetState withDoctor(DoctorReport report) {
        return new TargetState(nas, up, connects, snapshotReadNanos, snapshot, snapshotAtEpochMillis, sample,
                sampleAtEpochMillis, Optional.of(report));
    }

    /** The same with a new stream tick. */
    public TargetState withSample(StreamSample s, long atEpochMillis) {
        return new TargetState(nas, up, connects, snapshotReadNanos, snapshot, snapshotAtEpochMillis, Optional.of(s),
                OptionalLong.of(atEpochMillis), doctor);
    }
}
