package org.qatwb.sim.bench;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * fio's {@code --output-format=json} for one job, in the shape and print format of fio's writer:
 * stat.c {@code __show_run_stats} (top: "fio version", "timestamp", "timestamp_ms", "time", "jobs"),
 * {@code show_thread_status_json} (jobname, groupid, error, eta, elapsed, "job options",
 * read, write, trim, sync, job_runtime, usr_cpu, sys_cpu, ctx, majf, minf, iodepth_level, latency_*),
 * {@code add_ddir_status_json} (io_bytes, io_kbytes, bw_bytes, bw, iops, runtime, total_ios,
 * short_ios, drop_ios, slat_ns/clat_ns/lat_ns, bw_*, iops_*), and json.c's printer (two spaces a
 * level, {@code "key" : value}, floats with {@code %f}). No "disk_util": on ZFS fio finds no block device
 * under the file.
 */
final class FioJson {

    /** What one finished job did. */
    record Outcome(FioJob job, long ioBytes, long totalIos, long runtimeMs, double userCpuS, double sysCpuS, int error,
                   long epochMillis) {
    }

    private FioJson() {
    }

    static String render(Outcome o) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("fio version", FioJob.VERSION);
        root.put("timestamp", o.epochMillis() / 1000);
        root.put("timestamp_ms", o.epochMillis());
        root.put("time", DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT)
                .format(ZonedDateTime.now(java.time.ZoneOffset.UTC)));
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("jobname", o.job().name());
        job.put("groupid", 0L);
        // fio 3.33 has no job_start yet, and prints eta as INT_MAX once the jobs are done (a capture of it)
        job.put("error", (long) o.error());
        job.put("eta", 2147483647L);
        job.put("elapsed", Math.max(1, (o.runtimeMs() + 999) / 1000));
        Map<String, Object> options = new LinkedHashMap<>();
        // the job's own options with a value: --output and --output-format are fio's, flags are not listed
        o.job().options().forEach((k, v) -> {
            if (!k.equals("output") && !k.equals("output-format") && !FioJob.isFlag(k)) {
                options.put(k, v);
            }
        });
        job.put("job options", options);
        job.put("read", direction(o.job().write() ? null : o));
        job.put("write", direction(o.job().write() ? o : null));
        job.put("trim", direction(null));
        Map<String, Object> sync = new LinkedHashMap<>();
        sync.put("total_ios", o.job().endFsync() && o.job().write() ? 1L : 0L);
        sync.put("lat_ns", lat(0, 0));
        job.put("sync", sync);
        job.put("job_runtime", o.runtimeMs());
        double runt = Math.max(1, o.runtimeMs()) / 1000.0;
        job.put("usr_cpu", 100 * o.userCpuS() / runt);
        job.put("sys_cpu", 100 * o.sysCpuS() / runt);
        job.put("ctx", o.totalIos() + 10);
        job.put("majf", 0L);
        job.put("minf", 40L);
        Map<String, Object> depth = new LinkedHashMap<>();
        for (String k : List.of("1", "2", "4", "8", "16", "32", ">=64")) {
            depth.put(k, k.equals("1") ? 100.0 : 0.0);
        }
        job.put("iodepth_level", depth);
        job.put("iodepth_submit", depths());
        job.put("iodepth_complete", depths());
        long perIo = o.totalIos() == 0 ? 0 : o.runtimeMs() * 1_000_000L / o.totalIos();
        job.put("latency_ns", buckets(List.of("2", "4", "10", "20", "50", "100", "250", "500", "750", "1000"), perIo, 1));
        job.put("latency_us", buckets(List.of("2", "4", "10", "20", "50", "100", "250", "500", "750", "1000"), perIo, 1_000));
        job.put("latency_ms", buckets(List.of("2", "4", "10", "20", "50", "100", "250", "500", "750", "1000", "2000", ">=2000"),
                perIo, 1_000_000));
        job.put("latency_depth", 1L);
        job.put("latency_target", 0L);
        job.put("latency_percentile", 100.0);
        job.put("latency_window", 0L);
        root.put("jobs", List.of(job));
        StringBuilder out = new StringBuilder();
        value(out, root, 0);
        return out.append('\n').toString();
    }

    /** fio's latency buckets in {@code unit} ns: every request in the one its (mean) latency falls in, as a percentage. */
    private static Map<String, Object> buckets(List<String> keys, long latencyNs, long unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        double v = (double) latencyNs / unit;
        boolean placed = false;
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            boolean here = !placed && latencyNs > 0 && (k.startsWith(">=") ? v >= Double.parseDouble(k.substring(2))
                    : v <= Double.parseDouble(k) && (i == 0 || v > Double.parseDouble(keys.get(i - 1))));
            placed |= here;
            m.put(k, here ? 100.0 : 0.0);
        }
        return m;
    }

    private static Map<String, Object> depths() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("0", "4", "8", "16", "32", "64", ">=64")) {
            m.put(k, k.equals("4") ? 100.0 : 0.0);
        }
        return m;
    }

    private static Map<String, Object> direction(Outcome o) {
        long bytes = o == null ? 0 : o.ioBytes();
        long ios = o == null ? 0 : o.totalIos();
        long runtime = o == null ? 0 : o.runtimeMs();
        long bwBytes = runtime == 0 ? 0 : 1000 * bytes / runtime;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("io_bytes", bytes);
        d.put("io_kbytes", bytes >> 10);
        d.put("bw_bytes", bwBytes);
        d.put("bw", bwBytes / 1024);
        d.put("iops", runtime == 0 ? 0.0 : 1000.0 * ios / runtime);
        d.put("runtime", runtime);
        d.put("total_ios", ios);
        d.put("short_ios", 0L);
        d.put("drop_ios", 0L);
        long perIo = ios == 0 ? 0 : runtime * 1_000_000L / ios;
        d.put("slat_ns", lat(0, 0));
        Map<String, Object> clat = lat(perIo, ios);
        Map<String, Object> pct = new LinkedHashMap<>();
        for (String p : List.of("1", "5", "10", "20", "30", "40", "50", "60", "70", "80", "90", "95", "99", "99.5", "99.9",
                "99.95", "99.99")) {
            pct.put(String.format(Locale.ROOT, "%f", Double.parseDouble(p)), ios == 0 ? 0L : perIo);
        }
        if (ios > 0) {
            clat.put("percentile", pct);
        }
        d.put("clat_ns", clat);
        d.put("lat_ns", lat(perIo, ios));
        d.put("bw_min", bwBytes / 1024);
        d.put("bw_max", bwBytes / 1024);
        d.put("bw_agg", ios == 0 ? 0.0 : 100.0);
        d.put("bw_mean", (double) (bwBytes / 1024));
        d.put("bw_dev", 0.0);
        d.put("bw_samples", runtime / 500);
        long iops = runtime == 0 ? 0 : 1000 * ios / runtime;
        d.put("iops_min", iops);
        d.put("iops_max", iops);
        d.put("iops_mean", (double) iops);
        d.put("iops_stddev", 0.0);
        d.put("iops_samples", runtime / 500);
        return d;
    }

    private static Map<String, Object> lat(long each, long n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", each);
        m.put("max", each);
        m.put("mean", (double) each);
        m.put("stddev", 0.0);
        m.put("N", n);
        return m;
    }

    private static void value(StringBuilder out, Object v, int level) {
        if (v instanceof Map<?, ?> m) {
            out.append("{\n");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(",\n");
                }
                first = false;
                indent(out, level + 1);
                out.append('"').append(escape((String) e.getKey())).append("\" : ");
                value(out, e.getValue(), level + 1);
            }
            out.append('\n');
            indent(out, level);
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(",\n");
                }
                indent(out, level + 1);
                value(out, l.get(i), level + 1);
            }
            out.append('\n');
            indent(out, level);
            out.append(']');
        } else if (v instanceof Double d) {
            out.append(String.format(Locale.ROOT, "%f", d));
        } else if (v instanceof Long || v instanceof Integer) {
            out.append(v);
        } else {
            out.append('"').append(escape(String.valueOf(v))).append('"');
        }
    }

    private static void indent(StringBuilder out, int level) {
        out.append("  ".repeat(level));
    }

    /** json.c escapes quotes and backslashes in strings (json_escape... for control characters too). */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
