package org.qatwb.model.snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.agent.StreamTick;
import org.qatwb.model.irq.InterruptTable;
import org.qatwb.model.kstat.KstatParser;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * One tick of {@code stream} read with the project's parsers: when (the NAS's uptime), the QAT
 * counters, and the raw {@code fw_counters}. Like {@link NasSnapshotReader}, it never throws for
 * what the NAS sent: a missing or broken item is empty here and explained in {@link #issues()}.
 *
 * @param n           the tick's number
 * @param uptimeNanos the NAS's uptime when the tick was read, the clock of rates
 * @param kstat       {@code /proc/spl/kstat/zfs/qat}; empty when absent (ZFS built without QAT)
 * @param fwCounters  raw {@code fw_counters} text by debugfs directory
 * @param interrupts  the QAT lines of {@code /proc/interrupts}; empty when the tick has none (an older agent)
 * @param issues      one per item that could not be used
 */
public record StreamSample(int n, OptionalLong uptimeNanos, Optional<QatKstat> kstat, Map<String, String> fwCounters,
                           List<SnapshotIssue> issues, Optional<InterruptTable> interrupts) {

    public StreamSample {
        Objects.requireNonNull(uptimeNanos, "uptimeNanos");
        Objects.requireNonNull(kstat, "kstat");
        fwCounters = Collections.unmodifiableMap(new LinkedHashMap<>(fwCounters));
        issues = List.copyOf(issues);
        Objects.requireNonNull(interrupts, "interrupts");
    }

    /** A tick without interrupt counts. */
    public StreamSample(int n, OptionalLong uptimeNanos, Optional<QatKstat> kstat, Map<String, String> fwCounters,
                        List<SnapshotIssue> issues) {
        this(n, uptimeNanos, kstat, fwCounters, issues, Optional.empty());
    }

    /** The issues as a user reads them, {@code "item: message"} each: for showing, never for deciding. */
    public List<String> warnings() {
        return issues.stream().map(SnapshotIssue::line).toList();
    }

    public static StreamSample read(StreamTick tick) {
        List<SnapshotIssue> issues = new ArrayList<>();
        OptionalLong uptime = OptionalLong.empty();
        Optional<QatKstat> kstat = Optional.empty();
        Map<String, String> fw = new LinkedHashMap<>();
        Optional<InterruptTable> interrupts = Optional.empty();
        for (AgentFrame f : tick.frames()) {
            if (f.status() == ItemStatus.ABSENT) {
                continue;
            }
            if (!f.readable()) {
                issues.add(new SnapshotIssue(f.name(), SnapshotIssue.Kind.NOT_READ,
                        f.status().wire() + ": " + Snippet.excerpt(f.text().strip())));
                continue;
            }
            if (f.tooManyLines()) {
                issues.add(new SnapshotIssue(f.name(), SnapshotIssue.Kind.TOO_LARGE, f.tooManyLinesMessage()));
                continue;
            }
            try {
                if (f.name().equals("uptime")) {
                    uptime = OptionalLong.of(ProcUptime.parseNanos(f.text()));
                } else if (f.name().equals("kstat_qat")) {
                    kstat = Optional.of(QatKstat.of(KstatParser.parse(f.text())));
                } else if (f.name().equals("interrupts")) {
                    InterruptTable t = InterruptTable.parse(f.text());
                    t.warnings().stream().limit(NasSnapshotReader.WARNINGS_PER_ITEM)
                            .forEach(w -> issues.add(new SnapshotIssue("interrupts", SnapshotIssue.Kind.BAD_LINES, w)));
                    interrupts = Optional.of(t);
                } else if (f.name().startsWith("fw_counters:")) {
                    fw.put(f.name().substring("fw_counters:".length()), f.text());
                }
            } catch (ParseException e) {
                issues.add(new SnapshotIssue(f.name(), SnapshotIssue.Kind.UNPARSEABLE, Snippet.oneLine(e.getMessage())));
            }
        }
        if (uptime.isEmpty() && issues.stream().noneMatch(i -> i.about("uptime"))) {
            issues.add(new SnapshotIssue("uptime", SnapshotIssue.Kind.MISSING, "missing from the tick"));
        }
        return new StreamSample(tick.n(), uptime, kstat, fw, issues, interrupts);
    }
}
