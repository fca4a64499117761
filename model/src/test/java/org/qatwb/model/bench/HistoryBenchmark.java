package org.qatwb.model.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.openjdk.jmh.infra.Blackhole;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.model.history.Series;
import org.qatwb.model.kstat.CounterRates;

/**
 * The live charts' costs on a full day of history (24 series: 21 kstat, 3 firmware devices):
 * one frame's decimation of every series into 1200 pixel columns (target: well under 16 ms), and
 * appending one sample to the full ring. Run as docs/benchmarks.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class HistoryBenchmark {

    static final int COLUMNS = 1200;

    private OffloadHistory history;
    private Series[] series;
    private long from;
    private long to;
    private final float[] min = new float[COLUMNS];
    private final float[] max = new float[COLUMNS];
    private List<Optional<CounterRates>> rates;
    private Map<String, Double> firmware;
    private long nextMillis;
    private int next;

    @Setup
    public void setUp() {
        history = HistoryBenchData.fullDay();
        series = history.series().toArray(new Series[0]);
        from = history.oldestMillis().orElseThrow();
        to = history.newestMillis().orElseThrow() + 1;
        rates = HistoryBenchData.rates(64, 2);
        firmware = HistoryBenchData.firmware(3);
        nextMillis = to;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void decimateAllSeriesFullDay(Blackhole bh) {
        for (Series s : series) { // an array: no iterator, so -prof gc sees decimate's own allocation
            history.decimate(s, from, to, COLUMNS, min, max);
            bh.consume(min);
            bh.consume(max);
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long appendOneSample() {
        nextMillis += 1000;
        return history.append(nextMillis, rates.get(next++ & 63), firmware);
    }
}
