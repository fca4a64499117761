package org.qatwb.model.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.debugfs.FwCounters;
import org.qatwb.model.debugfs.FwCountersParser;
import org.qatwb.model.irq.InterruptTable;
import org.qatwb.model.irq.IrqCounts;
import org.qatwb.model.irq.QatInterrupts;
import org.qatwb.model.irq.QatIrq;
import org.qatwb.model.kstat.KstatEntry;
import org.qatwb.model.kstat.KstatHeader;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.StreamSample;

/**
 * What one target's series are made of, worked out once per render: which of the snapshot and the
 * sample each counter comes from (the newer that answered), the kstat's series start, the
 * {@code fw_counters} joined to their devices, the interrupts summed per CPU.
 */
final class Readings {

    /** One device's firmware counters, with the device {@code adf_ctl status} lists at that address. */
    record Firmware(String device, String bsf, FwCounters counters) {
    }

    /** Unknown kstat rows served per target at most. */
    static final int MAX_KSTAT_ROWS = 256;

    final TargetState target;
    /** Empty when no read answered about the kstat; else the kstat, or empty for "not there". */
    final Optional<Optional<QatKstat>> kstat;
    /** When the kstat's counters started counting, seconds since the epoch, when it can be known. */
    final OptionalLong kstatCreated;
    /** The kstat's other numeric rows to serve: distinct names (after the cut), at most {@link #MAX_KSTAT_ROWS}. */
    final List<KstatEntry> kstatRows;
    /** The other numeric rows not served: over the limit, or a name seen before. */
    final int kstatRowsDropped;
    final List<Firmware> firmware;
    /** The CPUs with QAT interrupt columns, and the sum over QAT IRQs on each; null when unknown. */
    final int[] cpus;
    final long[] interrupts;

    private Readings(TargetState target, Optional<Optional<QatKstat>> kstat, OptionalLong kstatCreated,
                     List<Firmware> firmware, int[] cpus, long[] interrupts) {
        this.target = target;
        this.kstat = kstat;
        this.kstatCreated = kstatCreated;
        List<KstatEntry> rows = new ArrayList<>();
        int dropped = 0;
        Set<String> names = new HashSet<>();
        for (KstatEntry e : kstat.flatMap(k -> k).map(QatKstat::unknown).orElse(List.of())) {
            if (!e.numeric()) {
                continue; // text rows have no value to serve (docs/metrics.md)
            }
            if (rows.size() < MAX_KSTAT_ROWS && names.add(LabelValues.escaped(e.name()))) {
                rows.add(e);
            } else {
                dropped++;
            }
        }
        this.kstatRows = List.copyOf(rows);
        this.kstatRowsDropped = dropped;
        this.firmware = firmware;
        this.cpus = cpus;
        this.interrupts = interrupts;
    }

    static Readings of(TargetState t) {
        Optional<NasSnapshot> snap = t.snapshot();
        Optional<StreamSample> sample = t.sample();
        // the stream's tick is normally the newer; a snapshot taken after a reconnect can be newer
        boolean sampleFirst = sample.isPresent() && (snap.isEmpty()
                || t.sampleAtEpochMillis().getAsLong() >= t.snapshotAtEpochMillis().getAsLong());

        Optional<Optional<QatKstat>> kstat = Optional.empty();
        OptionalLong created = OptionalLong.empty();
        Optional<Optional<QatKstat>> fromSample = sample.filter(s -> s.kstat().isPresent()
                || s.issues().stream().noneMatch(i -> i.about("kstat_qat"))).map(StreamSample::kstat);
        Optional<Optional<QatKstat>> fromSnapshot = snap.filter(s -> s.kstat().isPresent()
                || s.issue("kstat_qat").isEmpty()).map(NasSnapshot::kstat);
        OptionalLong sampleCreated = sample.isEmpty() ? OptionalLong.empty()
                : created(sample.get(), t.sampleAtEpochMillis().getAsLong());
        if (sampleFirst && fromSample.isPresent() || fromSnapshot.isEmpty()) {
            kstat = fromSample;
            created = sampleCreated;
        } else {
            kstat = fromSnapshot;
            // only the stream knows the NAS's uptime; its start holds for the snapshot's kstat when
            // both read the same kstat (same crtime), so that _created does not blink between ticks
            if (sameCrtime(fromSnapshot.get(), sample.flatMap(StreamSample::kstat))) {
                created = sampleCreated;
            }
        }

        Map<String, String> fwText = sampleFirst ? sample.get().fwCounters()
                : snap.map(NasSnapshot::fwCounters).orElse(Map.of());
        List<Firmware> firmware = firmware(fwText, snap);

        int[] cpus = null;
        long[] sums = null;
        Optional<InterruptTable> table = sample.flatMap(StreamSample::interrupts);
        Optional<QatInterrupts> joined = snap.flatMap(NasSnapshot::interrupts);
        if (table.isPresent() && (sampleFirst || joined.isEmpty())) {
            cpus = table.get().cpus();
            sums = new long[cpus.length];
            for (IrqCounts irq : table.get().irqs()) {
                long[] c = irq.counts();
                for (int i = 0; i < c.length && i < sums.length; i++) {
                    sums[i] += c[i];
                }
            }
        } else if (joined.isPresent()) {
            TreeMap<Integer, Long> perCpu = new TreeMap<>();
            for (QatIrq irq : joined.get().irqs()) {
                irq.perCpu().forEach((cpu, n) -> perCpu.merge(cpu, n, Long::sum));
            }
            cpus = perCpu.keySet().stream().mapToInt(Integer::intValue).toArray();
            sums = perCpu.values().stream().mapToLong(Long::longValue).toArray();
        }
        return new Readings(t, kstat, created, firmware, cpus, sums);
    }

    /**
     * The kstat's series start: the NAS's boot, as wall time (the tick's arrival less the NAS's
     * uptime at the tick), plus the kstat's crtime (nanoseconds since boot, when zfs.ko created
     * it). Rounded to the second, which keeps it steady while the tick's delay varies by
     * milliseconds. Empty without an uptime or a header, when crtime lies after the tick, or when
     * the start would lie before 1970 (an uptime no NAS has).
     */
    private static OptionalLong created(StreamSample s, long arrivedEpochMillis) {
        Optional<KstatHeader> header = s.kstat().flatMap(k -> k.raw().header());
        if (header.isEmpty() || s.uptimeNanos().isEmpty()) {
            return OptionalLong.empty();
        }
        long crtime = header.get().crtime();
        long uptime = s.uptimeNanos().getAsLong();
        if (crtime < 0 || crtime > uptime) {
            return OptionalLong.empty();
        }
        long bootMillis = arrivedEpochMillis - uptime / 1_000_000L;
        long created = Math.round((bootMillis + crtime / 1_000_000L) / 1000.0);
        // an uptime beyond the epoch is no boot time a counter could have started at
        return created > 0 ? OptionalLong.of(created) : OptionalLong.empty();
    }

    private static boolean sameCrtime(Optional<QatKstat> a, Optional<QatKstat> b) {
        Optional<KstatHeader> ha = a.flatMap(k -> k.raw().header());
        Optional<KstatHeader> hb = b.flatMap(k -> k.raw().header());
        return ha.isPresent() && hb.isPresent() && ha.get().crtime() == hb.get().crtime();
    }

    /**
     * Each debugfs directory's counters ({@code qat_c6xx_0000:3d:00.0}), joined by the address its
     * name ends with to the device {@code adf_ctl status} lists there (device empty when none
     * does). A text that does not parse is left out: the snapshot or sample already says why.
     */
    private static List<Firmware> firmware(Map<String, String> texts, Optional<NasSnapshot> snap) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Map<String, String> deviceByBsf = new HashMap<>();
        snap.flatMap(NasSnapshot::devices).ifPresent(a -> {
            for (QatDevice d : a.devices()) {
                deviceByBsf.putIfAbsent(d.bsf(), d.name());
            }
        });
        List<Firmware> out = new ArrayList<>(texts.size());
        texts.forEach((dir, text) -> {
            String bsf = dir.substring(dir.lastIndexOf('_') + 1);
            try {
                out.add(new Firmware(deviceByBsf.getOrDefault(bsf, ""), bsf, FwCountersParser.parse(text)));
            } catch (ParseException e) {
                // left out; the read that brought it reports it as a warning of its own
            }
        });
        return out;
    }
}
