package org.qatwb.app.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.qatwb.app.workbench.Tone;
import org.qatwb.model.bench.BenchPass;
import org.qatwb.model.bench.BenchResult;
import org.qatwb.model.bench.BenchRun;

/**
 * The Benchmark page's chart, as values: every figure of the QAT-on pass beside the QAT-off pass,
 * with the text written on the chart. The view draws it; tests read it. A pass that did not run, or a
 * figure it could not measure, is {@link BenchFormat#NONE}, never 0.
 *
 * @param rows      the figures, in the order drawn
 * @param summary   what QAT changed, in one sentence; empty when the two passes cannot be compared
 * @param simulated every figure was modelled by the simulator
 */
public record BenchComparison(List<Row> rows, String summary, boolean simulated) {

    /** The kstat groups in the order the model documents them (BenchRun.qatShare); others follow as the NAS named them. */
    static final List<String> GROUPS = List.of("compress", "decompress", "checksum", "encrypt", "decrypt");

    public BenchComparison {
        rows = List.copyOf(rows);
        Objects.requireNonNull(summary, "summary");
    }

    /** Which way is better, for a figure drawn as a pair of bars; {@code NONE}: a figure written, not drawn. */
    public enum Better {
        HIGHER, LOWER, NONE
    }

    /** One pass's figure: its value (empty: not measured) and the text written for it. */
    public record Cell(OptionalDouble value, String text, Tone tone) {
        public Cell {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(tone, "tone");
        }

        static Cell none() {
            return new Cell(OptionalDouble.empty(), BenchFormat.NONE, Tone.NEUTRAL);
        }
    }

    /**
     * One figure of both passes.
     *
     * @param id     stable, for node ids and tests ({@code write-mibps}, {@code qat-compress}...)
     * @param label  what it is, with its unit ({@code Written, MiB/s})
     * @param on     the QAT-on pass
     * @param off    the QAT-off pass
     * @param better HIGHER or LOWER: drawn as two bars on one scale; NONE: written only
     */
    public record Row(String id, String label, Cell on, Cell off, Better better) {
        public Row {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(off, "off");
            Objects.requireNonNull(better, "better");
        }

        public Cell cell(BenchPass pass) {
            return pass == BenchPass.QAT_ON ? on : off;
        }

        /** The larger measured value of the two (the bars' scale); 0 when neither was measured. */
        public double scale() {
            return Math.max(on.value().orElse(0), off.value().orElse(0));
        }
    }

    public Optional<Row> row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public static BenchComparison of(BenchResult result) {
        Optional<BenchRun> on = result.run(BenchPass.QAT_ON);
        Optional<BenchRun> off = result.run(BenchPass.QAT_OFF);
        List<Row> rows = new ArrayList<>();
        rows.add(figure("write-mibps", "Written, MiB/s", on, off, BenchRun::writeMiBps, BenchFormat::mibps, Better.HIGHER));
        rows.add(figure("read-mibps", "Read back, MiB/s", on, off, BenchRun::readMiBps, BenchFormat::mibps, Better.HIGHER));
        rows.add(figure("write-cpu", "NAS CPU per GiB written, s", on, off, BenchRun::writeCpuPerGiB,
                BenchFormat::cpuSeconds, Better.LOWER));
        rows.add(figure("read-cpu", "NAS CPU per GiB read, s", on, off, BenchRun::readCpuPerGiB,
                BenchFormat::cpuSeconds, Better.LOWER));
        for (String group : groups(on, off)) {
            rows.add(figure("qat-" + group, "Bytes QAT handled: " + group + ", %", on, off,
                    r -> r.qatShare().containsKey(group) ? OptionalDouble.of(r.qatShare().get(group)) : OptionalDouble.empty(),
                    BenchFormat::share, Better.HIGHER));
        }
        rows.add(figure("ratio", "Compression ratio", on, off, BenchRun::compressRatio, BenchFormat::ratio, Better.NONE));
        rows.add(new Row("failures", "Failures", failures(on), failures(off), Better.NONE));
        rows.add(new Row("checksum", "Read back = written (sha256)", checksum(on), checksum(off), Better.NONE));
        return new BenchComparison(rows, summary(on, off), result.simulated());
    }

    private static Row figure(String id, String label, Optional<BenchRun> on, Optional<BenchRun> off,
                              Function<BenchRun, OptionalDouble> figure, Function<OptionalDouble, String> text, Better better) {
        return new Row(id, label, cell(on, figure, text), cell(off, figure, text), better);
    }

    private static Cell cell(Optional<BenchRun> run, Function<BenchRun, OptionalDouble> figure,
                             Function<OptionalDouble, String> text) {
        OptionalDouble v = run.map(figure).orElse(OptionalDouble.empty());
        // NaN or infinite is not a measurement (a pass of zero seconds): shown as not measured
        if (v.isPresent() && !Double.isFinite(v.getAsDouble())) {
            v = OptionalDouble.empty();
        }
        return new Cell(v, text.apply(v), Tone.NEUTRAL);
    }

    private static Cell failures(Optional<BenchRun> run) {
        return run.map(r -> new Cell(OptionalDouble.of(r.failures()), Long.toString(r.failures()),
                r.failures() == 0 ? Tone.GOOD : Tone.BAD)).orElseGet(Cell::none);
    }

    private static Cell checksum(Optional<BenchRun> run) {
        return run.map(r -> switch (r.checksum()) {
            case VERIFIED -> new Cell(OptionalDouble.empty(), "verified", Tone.GOOD);
            case MISMATCH -> new Cell(OptionalDouble.empty(), "MISMATCH", Tone.BAD);
            case NOT_CHECKED -> new Cell(OptionalDouble.empty(), "not checked", Tone.WARN);
        }).orElseGet(Cell::none);
    }

    /** The groups either pass measured, the documented ones first: a fork's extra group is shown, never dropped. */
    private static List<String> groups(Optional<BenchRun> on, Optional<BenchRun> off) {
        Set<String> seen = new LinkedHashSet<>();
        on.ifPresent(r -> seen.addAll(r.qatShare().keySet()));
        off.ifPresent(r -> seen.addAll(r.qatShare().keySet()));
        List<String> out = new ArrayList<>();
        for (String g : GROUPS) {
            if (seen.remove(g)) {
                out.add(g);
            }
        }
        seen.stream().sorted().forEach(out::add);
        return out;
    }

    /** "With QAT on: writes 2.1× as fast, reads 1.4× as fast; 69 % less CPU per GiB written, 48 % less read." */
    private static String summary(Optional<BenchRun> on, Optional<BenchRun> off) {
        if (on.isEmpty() || off.isEmpty()) {
            return "";
        }
        List<String> speed = new ArrayList<>();
        asFast(on.get().writeMiBps(), off.get().writeMiBps()).ifPresent(x -> speed.add("writes " + x));
        asFast(on.get().readMiBps(), off.get().readMiBps()).ifPresent(x -> speed.add("reads " + x));
        List<String> cpu = new ArrayList<>();
        less(on.get().writeCpuPerGiB(), off.get().writeCpuPerGiB()).ifPresent(x -> cpu.add(x + " CPU per GiB written"));
        less(on.get().readCpuPerGiB(), off.get().readCpuPerGiB())
                .ifPresent(x -> cpu.add(x + (cpu.isEmpty() ? " CPU" : "") + " per GiB read"));
        if (speed.isEmpty() && cpu.isEmpty()) {
            return "";
        }
        String s = String.join(", ", speed);
        String c = String.join(", ", cpu);
        return "With QAT on: " + s + (s.isEmpty() || c.isEmpty() ? "" : "; ") + c + ".";
    }

    /** "2.1× as fast"; "as fast" where the two round to the same tenth (a "1.0×" reads as a figure, not an answer). */
    private static Optional<String> asFast(OptionalDouble on, OptionalDouble off) {
        if (!usable(on) || !usable(off)) {
            return Optional.empty();
        }
        String times = String.format(Locale.ROOT, "%.1f×", on.getAsDouble() / off.getAsDouble());
        return Optional.of(times.equals("1.0×") ? "as fast" : times + " as fast");
    }

    private static Optional<String> less(OptionalDouble on, OptionalDouble off) {
        if (!usable(on) || !usable(off)) {
            return Optional.empty();
        }
        double change = 1 - on.getAsDouble() / off.getAsDouble();
        long pct = Math.round(Math.abs(change) * 100);
        return Optional.of(pct + " % " + (change >= 0 ? "less" : "more"));
    }

    private static boolean usable(OptionalDouble v) {
        return v.isPresent() && Double.isFinite(v.getAsDouble()) && v.getAsDouble() > 0;
    }
}
