package org.qatwb.sim.machine;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.qatwb.sim.tree.AtomicFiles;

/**
 * The systemd journal of {@code qat.service} for the current boot: systemd's own lines about the
 * unit and everything {@code qat_service} and the {@code adf_ctl} it runs print (the script does
 * not redirect them, so under systemd both stdout and stderr land here; qat_service in 4.24
 * quickassist/build_system/build_files). Mirrored to two state files that the {@code journalctl}
 * stand-in prints: {@code journal_qat} (journalctl's default short format) and
 * {@code journal_qat.cat} ({@code -o cat}: the messages only).
 */
public final class ServiceJournal {

    /** Lines kept, as journald's rotation would drop the oldest. */
    static final int CAPACITY = 4000;
    /** The wall clock of the simulated boot: stamps are this plus the uptime. */
    static final Instant BOOT = Instant.parse("2026-01-05T07:58:13Z");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private record Line(long uptimeNanos, String ident, String text) {
    }

    private final Deque<Line> lines = new ArrayDeque<>();
    private final Path state;
    private final LongSupplier uptimeNanos;
    private int pid = 811;

    public ServiceJournal(Path stateDir, LongSupplier uptimeNanos) {
        this.state = stateDir;
        this.uptimeNanos = uptimeNanos;
    }

    /** One run of the unit's script: systemd's start line, the script's lines, systemd's end line. */
    public synchronized void run(String verb, java.util.List<String> output, boolean succeeded) {
        long now = uptimeNanos.getAsLong();
        String pid1 = "systemd[1]";
        add(now, pid1, (verb.equals("stop") ? "Stopping" : "Starting") + " qat.service - QAT service...");
        String script = "qat_service[" + (pid += 37) + "]";
        for (String o : output) {
            for (String part : o.split("\n", -1)) {
                add(now, script, part);
            }
        }
        if (verb.equals("stop")) {
            add(now, pid1, "qat.service: Deactivated successfully.");
            add(now, pid1, "Stopped qat.service - QAT service.");
        } else if (succeeded) {
            add(now, pid1, "Finished qat.service - QAT service.");
        } else {
            add(now, pid1, "qat.service: Main process exited, code=exited, status=1/FAILURE");
            add(now, pid1, "qat.service: Failed with result 'exit-code'.");
            add(now, pid1, "Failed to start qat.service - QAT service.");
        }
        flush();
    }

    /** A new boot: the journal of the unit for this boot starts empty. */
    public synchronized void clear() {
        lines.clear();
        flush();
    }

    private void add(long at, String ident, String text) {
        lines.addLast(new Line(at, ident, text));
        while (lines.size() > CAPACITY) {
            lines.removeFirst();
        }
    }

    private void flush() {
        StringBuilder shortFormat = new StringBuilder();
        StringBuilder cat = new StringBuilder();
        for (Line l : lines) {
            shortFormat.append(SHORT.format(BOOT.plusNanos(l.uptimeNanos()))).append(" nas ").append(l.ident())
                    .append(": ").append(l.text()).append('\n');
            cat.append(l.text()).append('\n');
        }
        AtomicFiles.write(state.resolve("journal_qat"), shortFormat.toString());
        AtomicFiles.write(state.resolve("journal_qat.cat"), cat.toString());
    }
}
