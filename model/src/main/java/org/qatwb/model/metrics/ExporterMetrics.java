package org.qatwb.model.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.qatwb.model.adf.DeviceState;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.debugfs.EngineCounters;
import org.qatwb.model.doctor.Check;
import org.qatwb.model.doctor.CheckResult;
import org.qatwb.model.doctor.CheckStatus;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.kstat.KstatEntry;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.snapshot.DriverVersion;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.zfs.ZfsQatParams;

/**
 * What the exporter serves: every {@link MetricFamily} for every target, from memory, in one of
 * the two text formats (docs/metrics.md). A pure function of its arguments: no I/O, no clock.
 *
 * <p>Families come in {@link MetricFamily} order, each once with its metadata and all its series
 * together across targets (both formats require it); within a family, targets in the given
 * order, and each target's series in the NAS's own order (adf_ctl's devices, the kstat's rows,
 * CPUs ascending). A series whose source was not read is absent, never 0.
 */
public final class ExporterMetrics {

    /** Unknown kstat rows served per target at most: a hostile NAS cannot make a scrape unbounded. */
    public static final int MAX_KSTAT_ROWS = Readings.MAX_KSTAT_ROWS;

    private static final String[] STATUSES = {"pass", "warn", "fail", "skip"};
    /** A parameter value served as a number: an int's decimal, no longer than a double holds exactly. */
    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("-?[0-9]{1,15}");

    private ExporterMetrics() {
    }

    /**
     * The exposition text.
     *
     * @param targets        the targets, in the order their series are written
     * @param version        the exporter's version, for {@code qatwb_exporter_build_info}
     * @param nowEpochMillis the scrape's time, for the ages
     * @param format         the text format
     */
    public static String render(List<TargetState> targets, String version, long nowEpochMillis, MetricsFormat format) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(format, "format");
        List<Readings> rs = new ArrayList<>(targets.size());
        for (TargetState t : targets) {
            rs.add(Readings.of(t));
        }
        StringBuilder out = new StringBuilder(4096 + 16384 * targets.size());
        Exposition x = new Exposition(format, out);
        for (MetricFamily f : MetricFamily.values()) {
            x.begin(f);
            if (f.perTarget()) {
                for (Readings r : rs) {
                    target(f, r, nowEpochMillis, x);
                }
            } else if (f == MetricFamily.EXPORTER_BUILD_INFO) {
                x.series(version);
                x.gauge(1);
            } else if (f == MetricFamily.EXPORTER_TARGETS) {
                x.series();
                x.gauge(targets.size());
            }
        }
        x.end();
        return out.toString();
    }

    private static void target(MetricFamily f, Readings r, long now, Exposition x) {
        TargetState t = r.target;
        String nas = t.nas();
        Optional<NasSnapshot> snap = t.snapshot();
        switch (f) {
            case NAS_UP -> {
                x.series(nas);
                x.gauge(t.up());
            }
            case NAS_CONNECTS -> {
                x.series(nas);
                x.counter(t.connects(), OptionalLong.empty());
            }
            case NAS_SCRAPE_DURATION -> t.snapshotReadNanos().ifPresent(n -> {
                x.series(nas);
                x.gauge(n / 1e9);
            });
            case NAS_SAMPLE_AGE -> age(nas, t.sampleAtEpochMillis(), now, x);
            case NAS_SNAPSHOT_AGE -> age(nas, t.snapshotAtEpochMillis(), now, x);
            case NAS_INFO -> snap.ifPresent(s -> {
                x.series(nas, os(s), s.driverVersion().map(DriverVersion::version).orElse(""),
                        s.qatService().map(String::strip).orElse(""));
                x.gauge(1);
            });
            case ZFS_QAT_KSTAT_PRESENT -> r.kstat.ifPresent(k -> {
                x.series(nas);
                x.gauge(k.isPresent());
            });
            case ZFS_QAT_REQUESTS, ZFS_QAT_INPUT_BYTES, ZFS_QAT_OUTPUT_BYTES, ZFS_QAT_FAILURES ->
                    r.kstat.flatMap(k -> k).ifPresent(k -> kstatCounters(f, nas, k, r.kstatCreated, x));
            case ZFS_QAT_KSTAT_ROW -> {
                for (KstatEntry e : r.kstatRows) {
                    x.series(nas, e.name());
                    x.gauge(e.value());
                }
            }
            case ZFS_QAT_KSTAT_ROWS_DROPPED -> {
                if (r.kstat.flatMap(k -> k).isPresent()) {
                    x.series(nas);
                    x.gauge(r.kstatRowsDropped);
                }
            }
            case ZFS_QAT_DISABLE -> snap.ifPresent(s -> {
                for (ZfsParam p : ZfsParam.values()) {
                    OptionalInt v = s.param(p);
                    if (v.isPresent()) {
                        x.series(nas, service(p));
                        x.gauge(v.getAsInt());
                    }
                }
            });
            case ZFS_QAT_KEPT_AFTER_REBOOT -> snap.filter(s -> !(s.persistence()
                    instanceof org.qatwb.model.persist.PersistState.Unreadable)).ifPresent(s -> {
                for (ZfsParam p : ZfsParam.values()) {
                    x.series(nas, service(p));
                    x.gauge(s.persistence().keptAtBoot().contains(p));
                }
            });
            case ZFS_QAT_PARAMETER -> snap.flatMap(NasSnapshot::qatParameters).ifPresent(all -> {
                for (ZfsQatParams.QatParameter p : all.parameters()) {
                    // an int parameter prints in decimal (param_get_int); anything else has no number to serve
                    String v = p.value().map(String::strip).filter(text -> INTEGER.matcher(text).matches()).orElse(null);
                    if (v != null) {
                        x.series(nas, p.name());
                        x.gauge(v);
                    }
                }
            });
            case QAT_SERVICE_ACTIVE -> snap.flatMap(NasSnapshot::qatService).ifPresent(state -> {
                x.series(nas);
                x.gauge(state.strip().equals("active"));
            });
            case DEVICE_UP -> snap.flatMap(NasSnapshot::devices).ifPresent(a -> {
                for (QatDevice d : a.devices()) {
                    if (x.series(nas, d.name(), d.bsf(), d.type() == null ? "" : d.type(), d.vf() ? "vf" : "pf")) {
                        x.gauge(d.state() == DeviceState.UP);
                    }
                }
            });
            case FIRMWARE_REQUESTS, FIRMWARE_RESPONSES, FIRMWARE_RAS_EVENTS -> firmware(f, nas, r.firmware, x);
            case QAT_INTERRUPTS -> {
                if (r.cpus != null) {
                    for (int i = 0; i < r.cpus.length; i++) {
                        if (x.series(nas, Integer.toString(r.cpus[i]))) {
                            x.counter(r.interrupts[i], OptionalLong.empty());
                        }
                    }
                }
            }
            case KERNEL_REQUESTS_PENDING -> t.doctor().flatMap(d -> d.result(Check.KERNEL_REQUESTS_PENDING))
                    .filter(c -> c.status() != CheckStatus.SKIP).ifPresent(c -> {
                        // the check's details are the requests-pending lines it found: the log is read once
                        x.series(nas);
                        x.gauge(c.details().size());
                    });
            case DOCTOR_CHECK_STATUS -> t.doctor().ifPresent(d -> {
                for (CheckResult c : d.results()) {
                    String link = c.check().link().name().toLowerCase(Locale.ROOT).replace('_', '-');
                    for (String s : STATUSES) {
                        if (x.series(nas, c.id(), link, s)) {
                            x.gauge(c.status().wire().equals(s));
                        }
                    }
                }
            });
            case DOCTOR_CHECKS -> t.doctor().map(DoctorReport::counts).ifPresent(counts -> {
                for (Map.Entry<CheckStatus, Integer> e : counts.entrySet()) {
                    x.series(nas, e.getKey().wire());
                    x.gauge(e.getValue());
                }
            });
            default -> throw new IllegalStateException("not a per-target family: " + f);
        }
    }

    private static void age(String nas, OptionalLong at, long now, Exposition x) {
        if (at.isPresent()) {
            x.series(nas);
            x.gauge(Math.max(0, now - at.getAsLong()) / 1000.0);
        }
    }

    /** The OS as a user names it: TrueNAS's version where there is one, else os-release's name. */
    private static String os(NasSnapshot s) {
        if (s.truenasVersion().isPresent()) {
            return "TrueNAS " + s.truenasVersion().get().strip();
        }
        return s.osRelease().flatMap(o -> o.prettyName().or(o::name)).orElse("");
    }

    private static String service(ZfsParam p) {
        return switch (p) {
            case COMPRESS -> "compression";
            case CHECKSUM -> "checksum";
            case ENCRYPT -> "encryption";
        };
    }

    private static void kstatCounters(MetricFamily f, String nas, QatKstat k, OptionalLong created, Exposition x) {
        for (Map.Entry<QatCounter, Long> e : k.known().entrySet()) {
            KstatSeries s = KstatSeries.of(e.getKey());
            if (s.family() == f && x.series(s.labels(nas))) {
                x.counter(e.getValue(), created);
            }
        }
    }

    private static void firmware(MetricFamily f, String nas, List<Readings.Firmware> fw, Exposition x) {
        for (Readings.Firmware d : fw) {
            for (EngineCounters e : d.counters().engines()) {
                OptionalLong v = switch (f) {
                    case FIRMWARE_REQUESTS -> OptionalLong.of(e.requests());
                    case FIRMWARE_RESPONSES -> OptionalLong.of(e.responses());
                    default -> e.rasEvents();
                };
                if (v.isPresent() && x.series(nas, d.device(), d.bsf(), Integer.toString(e.ae()))) {
                    x.counter(v.getAsLong(), OptionalLong.empty());
                }
            }
        }
    }
}
