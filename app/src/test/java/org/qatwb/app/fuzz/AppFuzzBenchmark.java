package org.qatwb.app.fuzz;

import java.nio.file.Path;
import org.qatwb.model.bench.FuzzBenchmark;

/**
 * The fuzz benchmark of model (docs/benchmarks.md, "Hostile input") over app's input files.
 * Arguments as FuzzBenchmark's: {@code [inputs per reader] [RNG seed] [findings directory] [name filter]}.
 */
public final class AppFuzzBenchmark {

    private AppFuzzBenchmark() {
    }

    public static void main(String[] args) {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Path dir = Path.of(args.length > 2 ? args[2] : "target/fuzz-findings");
        FuzzBenchmark.run(AppTargets.all(), count, seed, dir, args.length > 3 ? args[3] : "");
    }
}
