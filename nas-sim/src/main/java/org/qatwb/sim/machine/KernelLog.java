package org.qatwb.sim.machine;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;
import org.qatwb.sim.tree.AtomicFiles;

/**
 * The simulated kernel ring buffer: lines stamped with the uptime, kept in memory and mirrored to
 * a state file that the {@code dmesg} stand-in prints, so that reading the log costs one {@code cat}.
 */
public final class KernelLog {

    /** Like a real ring buffer, old lines fall off; 4000 lines is a few hundred KiB. */
    static final int CAPACITY = 4000;

    private record Line(long uptimeNanos, String text) {
    }

    private final Deque<Line> lines = new ArrayDeque<>();
    private final Path file;
    private final LongSupplier uptimeNanos;

    public KernelLog(Path file, LongSupplier uptimeNanos) {
        this.file = file;
        this.uptimeNanos = uptimeNanos;
    }

    /** Logs lines now, in order, and rewrites the state file once. */
    public synchronized void log(String... texts) {
        long now = uptimeNanos.getAsLong();
        for (String t : texts) {
            add(now, t);
        }
        flush();
    }

    public synchronized void log(List<String> texts) {
        log(texts.toArray(String[]::new));
    }

    /** Logs a line with a given time stamp (boot messages); call {@link #flush()} after a batch. */
    public synchronized void logAt(long uptimeNanos, String text) {
        add(uptimeNanos, text);
    }

    private void add(long at, String text) {
        for (String part : text.split("\n", -1)) {
            lines.addLast(new Line(at, part));
        }
        while (lines.size() > CAPACITY) {
            lines.removeFirst();
        }
    }

    /** Empties the log (a new boot) and rewrites the state file. */
    public synchronized void clear() {
        lines.clear();
        flush();
    }

    public synchronized void flush() {
        AtomicFiles.write(file, render());
    }

    /** The log as {@code dmesg} prints it: {@code [%5d.%06d] text}. */
    public synchronized String render() {
        StringBuilder out = new StringBuilder(lines.size() * 72);
        for (Line l : lines) {
            out.append(stamp(l.uptimeNanos())).append(' ').append(l.text()).append('\n');
        }
        return out.toString();
    }

    public synchronized List<String> texts() {
        List<String> out = new ArrayList<>(lines.size());
        for (Line l : lines) {
            out.add(l.text());
        }
        return out;
    }

    static String stamp(long nanos) {
        long micros = nanos / 1000;
        return String.format("[%5d.%06d]", micros / 1_000_000, micros % 1_000_000);
    }
}
