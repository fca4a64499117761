package org.qatwb.app.exporter;

import java.time.Duration;
import java.util.Objects;
import org.qatwb.ssh.agent.AgentCommand;

/**
 * How often the exporter reads each NAS.
 *
 * @param intervalMs       the stream's tick, as {@code qatwb watch --interval}
 * @param snapshotInterval how often the full snapshot (devices, parameters, kernel log, doctor) is read again
 * @param observation      how long the counters are watched for the doctor's {@code zfs.offload-active}
 */
public record ExporterSettings(int intervalMs, Duration snapshotInterval, Duration observation) {

    public ExporterSettings {
        Objects.requireNonNull(snapshotInterval, "snapshotInterval");
        Objects.requireNonNull(observation, "observation");
        if (intervalMs < AgentCommand.Stream.MIN_INTERVAL_MS || intervalMs > AgentCommand.Stream.MAX_INTERVAL_MS) {
            throw new IllegalArgumentException("interval " + intervalMs + " ms");
        }
        if (snapshotInterval.isNegative() || snapshotInterval.isZero()) {
            throw new IllegalArgumentException("snapshot interval " + snapshotInterval);
        }
    }

    /** The stream's tick in milliseconds, a snapshot every {@code snapshotInterval}, the doctor's usual watch. */
    public static ExporterSettings of(int intervalMs, Duration snapshotInterval) {
        return new ExporterSettings(intervalMs, snapshotInterval, Duration.ofSeconds(5));
    }

    /**
     * How long after the last tick a target still counts as up: three ticks, so that one late tick
     * (a busy NAS, a slow link) does not flap {@code qatwb_nas_up}.
     */
    public long staleAfterMillis() {
        return 3L * intervalMs;
    }
}
