package org.qatwb.model.bench;

import java.util.Objects;
import java.util.Optional;

/** What {@code bench-run} reports as it goes, read from its items ({@link BenchEventReader}). */
public sealed interface BenchEvent {

    /** The worker was started: the NAS's id of the run, its dataset and tool. */
    record Started(String id, String dataset, String tool) implements BenchEvent {
        public Started {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(tool, "tool");
        }
    }

    /** One line about what the NAS does now. */
    record Step(String line) implements BenchEvent {
        public Step {
            Objects.requireNonNull(line, "line");
        }
    }

    /** A phase under way; {@code fraction} 0 to 1, or -1 when unknown. */
    record Phase(BenchPass pass, String phase, double fraction) implements BenchEvent {
        public Phase {
            Objects.requireNonNull(pass, "pass");
            Objects.requireNonNull(phase, "phase");
        }
    }

    /** A pass finished with its figures. */
    record PassDone(BenchRun run) implements BenchEvent {
        public PassDone {
            Objects.requireNonNull(run, "run");
        }
    }

    /** The NAS refused before changing anything. */
    record Refused(String line) implements BenchEvent {
        public Refused {
            Objects.requireNonNull(line, "line");
        }
    }

    /** The clean-up is recorded; {@code stoppedBecause} is empty when both passes completed. */
    record Finished(BenchCleanup cleanup, Optional<String> stoppedBecause) implements BenchEvent {
        public Finished {
            Objects.requireNonNull(cleanup, "cleanup");
            Objects.requireNonNull(stoppedBecause, "stoppedBecause");
        }
    }
}
