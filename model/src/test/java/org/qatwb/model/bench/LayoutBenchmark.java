package org.qatwb.model.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.layout.Baseline;
import org.qatwb.model.layout.Compilation;
import org.qatwb.model.layout.DeviceKey;
import org.qatwb.model.layout.InstanceRef;
import org.qatwb.model.layout.Layout;
import org.qatwb.model.layout.LayoutCompiler;
import org.qatwb.model.layout.Preset;
import org.qatwb.model.testutil.C62xFixture;
import org.qatwb.model.testutil.HostSnapshots;

/**
 * The layout editor's cost per drag (issue 5, target under 16 ms so the findings panel keeps up):
 * on a full C62x layout (3 PF + 48 VF), one edit, then compile (the edited file through
 * ConfEditor, every other file as read), validate (every rule over the 51 compiled files as one
 * device set, and the host switches) and diff. Run as docs/benchmarks.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class LayoutBenchmark {

    private Baseline base;
    private Layout layout;
    private Layout preset;
    private InstanceRef dragged;
    private int drag;

    @Setup
    public void setUp() {
        base = Baseline.of(HostSnapshots.c62x().snapshot());
        layout = base.layout();
        preset = Preset.ZFS_COMPRESSION.apply(layout);
        dragged = new InstanceRef(DeviceKey.parse("c6xxvf_dev17"), "KERNEL_QAT", InstanceKind.DC, 0);
    }

    /** One instance dragged to another core, then the whole layout compiled, validated and diffed. */
    @Benchmark
    public Compilation compileAndValidateAfterOneEdit() {
        drag = (drag + 1) % C62xFixture.CORES;
        return LayoutCompiler.compile(base, layout.withAffinity(dragged, drag));
    }

    /** A preset: all 51 files rewritten, validated and diffed. */
    @Benchmark
    public Compilation compileAndValidatePreset() {
        return LayoutCompiler.compile(base, preset);
    }

    /** Deriving the layout from a snapshot, once per snapshot. */
    @Benchmark
    public Baseline deriveBaseline() {
        return Baseline.of(HostSnapshots.c62x().snapshot());
    }
}
