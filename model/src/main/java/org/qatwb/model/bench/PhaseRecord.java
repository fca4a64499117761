package org.qatwb.model.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the worker recorded around one measured phase (BD/PASS.PHASE, "key value" lines): the clock
 * in hundredths of a second (the uptime), /proc/stat's cpu line, USER_HZ, the bytes moved and the
 * tool's exit status. The figures a run shows are computed here, from these.
 */
public record PhaseRecord(OptionalLong clock0, OptionalLong clock1, long hz, OptionalLong busy0, OptionalLong busy1, long bytes,
                          int rc) {

    /** Reads a record; a key missing or unreadable leaves its figure empty, never 0. */
    public static PhaseRecord read(String text) {
        Map<String, String> kv = new HashMap<>();
        text.lines().limit(64).forEach(l -> {
            int sp = l.indexOf(' ');
            if (sp > 0) {
                kv.putIfAbsent(l.substring(0, sp), l.substring(sp + 1));
            }
        });
        long hz = number(kv.get("hz")).orElse(100);
        return new PhaseRecord(number(kv.get("clock0")), number(kv.get("clock1")), hz <= 0 ? 100 : hz,
                kv.containsKey("cpu0") ? CpuTicks.busy(kv.get("cpu0")) : OptionalLong.empty(),
                kv.containsKey("cpu1") ? CpuTicks.busy(kv.get("cpu1")) : OptionalLong.empty(),
                number(kv.get("bytes")).orElse(0), (int) number(kv.get("rc")).orElse(1));
    }

    /** Seconds between the two clock readings; empty when not measured (or no time passed at 10 ms). */
    public OptionalDouble seconds() {
        if (clock0.isEmpty() || clock1.isEmpty() || clock1.getAsLong() <= clock0.getAsLong()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((clock1.getAsLong() - clock0.getAsLong()) / 100.0);
    }

    /** MiB/s over the phase. */
    public OptionalDouble mibPerSecond() {
        OptionalDouble s = seconds();
        if (s.isEmpty() || bytes <= 0 || rc != 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(bytes / (double) BenchRequest.MIB / s.getAsDouble());
    }

    /** NAS CPU seconds (all CPUs, busy) per GiB moved. */
    public OptionalDouble cpuSecondsPerGiB() {
        if (busy0.isEmpty() || busy1.isEmpty() || busy1.getAsLong() < busy0.getAsLong() || bytes <= 0 || rc != 0) {
            return OptionalDouble.empty();
        }
        double cpu = (busy1.getAsLong() - busy0.getAsLong()) / (double) hz;
        return OptionalDouble.of(cpu / (bytes / (double) BenchRequest.GIB));
    }

    private static OptionalLong number(String s) {
        if (s == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
