package org.qatwb.model.bench;

import java.lang.ref.Reference;
import org.qatwb.model.history.OffloadHistory;

/**
 * Prints the retained heap of a full day of history (HistoryBenchData: 21 kstat series, 3 firmware
 * devices), as the used heap after GC with and without it. Run as docs/benchmarks.md says.
 */
public final class HistoryFootprint {

    private HistoryFootprint() {
    }

    public static void main(String[] args) {
        HistoryBenchData.fullDay(); // load and warm the classes first, so they are not counted
        long before = usedAfterGc();
        OffloadHistory history = HistoryBenchData.fullDay();
        long after = usedAfterGc();
        System.out.printf("samples %d, series %d: retained %.2f MiB (%d bytes)%n", history.size(), history.series().size(),
                (after - before) / (1024.0 * 1024), after - before);
        Reference.reachabilityFence(history);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) { // System.gc is a request: take the lowest of a few
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
