package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.qatwb.model.bench.BenchCleanup;
import org.qatwb.model.bench.BenchPass;
import org.qatwb.model.bench.BenchPlan;
import org.qatwb.model.bench.BenchRequest;
import org.qatwb.model.bench.BenchResult;
import org.qatwb.model.bench.BenchRun;
import org.qatwb.model.bench.BenchTool;
import org.qatwb.model.bench.ChecksumCheck;

/** The sentence over the chart answers "does QAT help?" in words, also when the speeds are the same. */
class BenchComparisonTest {

    private static BenchRun run(BenchPass pass, double write, double read, double cpuWrite, double cpuRead) {
        return new BenchRun(pass, OptionalDouble.of(write), OptionalDouble.of(read), OptionalDouble.of(cpuWrite),
                OptionalDouble.of(cpuRead), Map.of(), OptionalDouble.of(1.9), 0, ChecksumCheck.VERIFIED, List.of());
    }

    private static String summary(BenchRun on, BenchRun off) {
        BenchPlan plan = new BenchPlan(BenchRequest.defaults(), "tank", "tank/qatwb-bench-x", 1L << 40, BenchTool.FIO,
                Map.of(), Duration.ofSeconds(60), List.of(), false);
        return BenchComparison.of(new BenchResult(plan, List.of(on, off), new BenchCleanup(true, true, List.of()),
                Optional.empty())).summary();
    }

    @Test
    void fasterWithQatSaysHowManyTimes() {
        assertEquals("With QAT on: writes 2.7× as fast, reads 1.4× as fast; 69 % less CPU per GiB written, 50 % less per GiB read.",
                summary(run(BenchPass.QAT_ON, 270, 140, 3.1, 5), run(BenchPass.QAT_OFF, 100, 100, 10, 10)));
    }

    @Test
    void theSameSpeedIsAsFastNotOnePointZeroTimes() {
        assertEquals("With QAT on: writes as fast, reads as fast; 76 % less CPU per GiB written, 51 % less per GiB read.",
                summary(run(BenchPass.QAT_ON, 238, 297, 6.01, 5.41), run(BenchPass.QAT_OFF, 238, 293, 24.8, 11.1)));
    }
}
