package org.qatwb.model.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.qatwb.model.fuzz.FuzzRun;
import org.qatwb.model.fuzz.FuzzTarget;
import org.qatwb.model.fuzz.HostileInput;
import org.qatwb.model.fuzz.ModelTargets;

/**
 * The hostile-input fuzz benchmark of {@code model} (not run in CI): a million mutated inputs
 * through each reader of {@link ModelTargets}, reported per reader, each finding's first
 * reproducer saved. Run as docs/benchmarks.md ("Hostile input") says.
 *
 * <p>Arguments: {@code [inputs per reader] [RNG seed] [findings directory] [name filter]}.
 */
public final class FuzzBenchmark {

    private FuzzBenchmark() {
    }

    public static void main(String[] args) {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Path dir = Path.of(args.length > 2 ? args[2] : "target/fuzz-findings");
        String filter = args.length > 3 ? args[3] : "";
        run(ModelTargets.all(), count, seed, dir, filter);
    }

    /** Runs and reports; shared with app's benchmark. */
    public static void run(List<FuzzTarget> targets, long count, long seed, Path dir, String filter) {
        System.out.printf("fuzz: %,d inputs per reader, seed %d, bound %d x input + %d bytes, findings in %s%n", count, seed,
                HostileInput.PER_BYTE, HostileInput.CONSTANT, dir.toAbsolutePath());
        List<FuzzRun.Figures> all = new ArrayList<>();
        for (FuzzTarget t : targets) {
            if (!t.name().contains(filter)) {
                continue;
            }
            FuzzRun.Figures f = FuzzRun.run(t, seed, count, dir, System.out);
            System.out.printf("%s: %,d inputs in %.1f s, %,d results, %,d refusals, findings %s%n", t.name(), f.inputs(),
                    f.seconds(), f.results(), f.refusals(), f.findings());
            all.add(f);
        }
        System.out.println();
        FuzzRun.table(all, System.out);
    }
}
