package org.qatwb.model.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Pushes many inputs through one reader and counts what happened; the loop of the fuzz
 * benchmarks of {@code model} and {@code app}. The inputs of a reader are a pure function of the
 * RNG seed and the reader's name, so a run is reproduced by its command line.
 */
public final class FuzzRun {

    /** One reader's figures. */
    public record Figures(String target, long inputs, long results, long refusals, Map<String, Long> findings,
                          long maxSeedAllocation, long maxAllocationPerByte, double seconds) {

        public long findingCount() {
            return findings.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private FuzzRun() {
    }

    /** The RNG of a reader's inputs. */
    public static Random random(long seed, FuzzTarget target) {
        return new Random(seed * 31 + target.name().hashCode());
    }

    /**
     * The next input: one in five generated from the format's pieces, the rest mutated seeds; of
     * agent output, half of those mutate one item's content and leave the frames whole.
     */
    public static byte[] input(FuzzTarget target, Random rnd) {
        int kind = rnd.nextInt(10);
        if (kind < 2) {
            return Mutator.generate(target.seeds(), target.words(), rnd);
        }
        byte[] seed = target.seeds().get(rnd.nextInt(target.seeds().size()));
        return kind < 6 ? Mutator.mutate(seed, target.words(), rnd) : Mutator.mutateItem(seed, target.words(), rnd);
    }

    /**
     * Runs {@code count} inputs; the first reproducer of each distinct finding (kind, exception,
     * place) is saved in {@code findingsDir} as {@code NAME.bin} with {@code NAME.txt} saying what it did.
     */
    public static Figures run(FuzzTarget target, long seed, long count, Path findingsDir, PrintStream log) {
        long maxSeed = 0;
        for (int warm = 0; warm < 200; warm++) { // classes loaded and compiled before anything is measured
            for (byte[] s : target.seeds()) {
                Outcome o = HostileInput.run(target, s);
                if (warm == 199) {
                    maxSeed = Math.max(maxSeed, allocated(o));
                    if (o instanceof Outcome.Finding f) {
                        log.println(target.name() + ": a seed itself is a finding: " + f.detail());
                    }
                }
            }
        }
        Random rnd = random(seed, target);
        Map<String, Long> findings = new LinkedHashMap<>();
        long results = 0;
        long refusals = 0;
        long maxPerByte = 0;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            byte[] in = input(target, rnd);
            Outcome o = HostileInput.run(target, in);
            if (o instanceof Outcome.Result r) {
                results++;
                maxPerByte = Math.max(maxPerByte, perByte(r.allocated(), in.length));
            } else if (o instanceof Outcome.Refusal r) {
                refusals++;
                maxPerByte = Math.max(maxPerByte, perByte(r.allocated(), in.length));
            } else if (o instanceof Outcome.Finding f) {
                String key = (f.kind() + " " + f.key()).strip();
                long n = findings.merge(key, 1L, Long::sum);
                if (n == 1 && findingsDir != null) {
                    save(findingsDir, target, findings.size(), in, seed, i, f, log);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Figures(target.name(), count, results, refusals, findings, maxSeed, maxPerByte, seconds);
    }

    private static long allocated(Outcome o) {
        return o instanceof Outcome.Result r ? r.allocated() : o instanceof Outcome.Refusal r ? r.allocated() : 0;
    }

    /** Allocation beyond the constant, per input byte: what the bound's factor has to cover. */
    private static long perByte(long allocated, int length) {
        return Math.max(0, allocated - (1L << 20)) / Math.max(1, length);
    }

    private static void save(Path dir, FuzzTarget target, int n, byte[] in, long seed, long index, Outcome.Finding f,
                             PrintStream log) {
        String name = target.name().replaceAll("[^A-Za-z0-9.]+", "_") + "-" + n;
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".bin"), in);
            Files.writeString(dir.resolve(name + ".txt"), target.name() + "\n" + f.kind() + ": " + f.detail()
                    + "\nseed " + seed + ", input " + index + ", " + in.length + " bytes\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.println(target.name() + ": " + f.kind() + ": " + f.detail() + " -> " + dir.resolve(name + ".bin"));
    }

    /** The report's table, in Markdown. */
    public static void table(List<Figures> all, PrintStream out) {
        out.println("| reader | inputs | inputs/s | results | refusals | findings | seed alloc max | alloc/byte max |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (Figures f : all) {
            out.printf("| %s | %,d | %,.0f | %,d | %,d | %s | %,d B | %,d |%n", f.target(), f.inputs(), f.inputs() / f.seconds(),
                    f.results(), f.refusals(), f.findings().isEmpty() ? "0" : f.findingCount() + " " + f.findings(),
                    f.maxSeedAllocation(), f.maxAllocationPerByte());
        }
    }
}
