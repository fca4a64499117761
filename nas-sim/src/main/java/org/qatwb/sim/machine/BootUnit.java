package org.qatwb.sim.machine;

import java.util.List;
import java.util.Optional;

/**
 * An enabled unit as the boot needs it: its name, its ordering against other units
 * ({@code After=}, {@code Before=}: space-separated lists, accumulated over every line, as
 * systemd.unit(5) says), its {@code ExecStart=} lines in order, and its {@code TimeoutStartSec=}
 * when it gives one.
 */
record BootUnit(String name, List<String> after, List<String> before, List<String> execStarts,
                Optional<Long> timeoutSeconds) {

    BootUnit {
        after = List.copyOf(after);
        before = List.copyOf(before);
        execStarts = List.copyOf(execStarts);
    }

    /** The unit's file, parsed: only the keys above; everything else is a real systemd's business. */
    static BootUnit parse(String name, List<String> lines) {
        List<String> after = new java.util.ArrayList<>();
        List<String> before = new java.util.ArrayList<>();
        List<String> exec = new java.util.ArrayList<>();
        Optional<Long> timeout = Optional.empty();
        for (String raw : lines) {
            String l = raw.strip();
            if (l.startsWith("After=")) {
                after.addAll(words(l.substring("After=".length())));
            } else if (l.startsWith("Before=")) {
                before.addAll(words(l.substring("Before=".length())));
            } else if (raw.startsWith("ExecStart=")) {
                exec.add(raw.substring("ExecStart=".length()));
            } else if (l.startsWith("TimeoutStartSec=")) {
                Long ns = TransientUnits.span(l.substring("TimeoutStartSec=".length()));
                timeout = ns == null ? timeout : Optional.of(Math.max(1, ns / 1_000_000_000L));
            }
        }
        return new BootUnit(name, after, before, exec, timeout);
    }

    private static List<String> words(String list) {
        return List.of(list.strip().split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
    }
}
