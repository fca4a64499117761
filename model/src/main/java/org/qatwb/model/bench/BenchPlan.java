package org.qatwb.model.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qatwb.model.zfs.ZfsParam;

/**
 * What a benchmark will do, said before it starts: where, with what, for about how long.
 *
 * @param request      what was asked
 * @param pool         the pool chosen
 * @param dataset      the scratch dataset it creates ({@code POOL/qatwb-bench-ID}); never an existing one
 * @param freeBytes    the space available on the pool when planned
 * @param tool         fio or dd
 * @param paramsBefore the ZFS QAT parameters as they were (the values restored afterwards)
 * @param estimate     about how long it takes
 * @param steps        what it will do, one line each, in order
 * @param simulated    the NAS is the simulator: every figure is modelled, and says so
 */
public record BenchPlan(BenchRequest request, String pool, String dataset, long freeBytes, BenchTool tool,
                        Map<ZfsParam, Integer> paramsBefore, Duration estimate, List<String> steps,
                        boolean simulated) {

    public BenchPlan {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(tool, "tool");
        paramsBefore = Map.copyOf(paramsBefore);
        Objects.requireNonNull(estimate, "estimate");
        steps = List.copyOf(steps);
    }
}
