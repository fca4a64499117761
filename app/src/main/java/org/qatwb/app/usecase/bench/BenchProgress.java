package org.qatwb.app.usecase.bench;

import java.util.Objects;
import org.qatwb.model.bench.BenchPass;
import org.qatwb.model.bench.BenchRun;

/** What a benchmark reports as it goes; the CLI prints it on stderr, the Benchmark page shows it. */
public sealed interface BenchProgress {

    /** One line about what the NAS does now (creating the dataset, writing, restoring the parameters). */
    record Step(String line) implements BenchProgress {
        public Step {
            Objects.requireNonNull(line, "line");
        }
    }

    /** A phase of a pass under way: {@code phase} is "write" or "read", {@code fraction} 0 to 1, or -1 when unknown. */
    record Phase(BenchPass pass, String phase, double fraction) implements BenchProgress {
        public Phase {
            Objects.requireNonNull(pass, "pass");
            Objects.requireNonNull(phase, "phase");
        }
    }

    /** A pass finished, with its figures. */
    record PassDone(BenchRun run) implements BenchProgress {
        public PassDone {
            Objects.requireNonNull(run, "run");
        }
    }
}
