package org.qatwb.model.metrics;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.StreamSample;

/** TEMPORARY copy (i15-exporter) until i15-metrics lands: what the exporter knows of one NAS. */
public record TargetState(String nas, boolean up, long connects, OptionalLong snapshotReadNanos,
        Optional<NasSnapshot> snapshot, OptionalLong snapshotAtEpochMillis,
        Optional<StreamSample> sample, OptionalLong sampleAtEpochMillis, Optional<DoctorReport> doctor) {

    public TargetState {
        Objects.requireNonNull(nas, "nas");
        Objects.requireNonNull(snapshotReadNanos, "snapshotReadNanos");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(snapshotAtEpochMillis, "snapshotAtEpochMillis");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(sampleAtEpochMillis, "sampleAtEpochMillis");
        Objects.requireNonNull(doctor, "doctor");
    }

    public static TargetState starting(String nas) {
        return new TargetState(nas, false, 0, OptionalLong.empty(), Optional.empty(), OptionalLong.empty(),
                Optional.empty(), OptionalLong.empty(), Optional.empty());
    }
}
