package org.qatwb.model.metrics;

import java.util.List;
import org.qatwb.model.kstat.QatCounter;

/** TEMPORARY minimal renderer (i15-exporter) until i15-metrics lands. */
public final class ExporterMetrics {

    private ExporterMetrics() {
    }

    public static String render(List<TargetState> states, String version, long nowEpochMillis, MetricsFormat format) {
        boolean om = format == MetricsFormat.OPENMETRICS;
        StringBuilder b = new StringBuilder();
        b.append("# HELP qatwb_nas_up Whether the NAS's stream delivers ticks.\n# TYPE qatwb_nas_up gauge\n");
        for (TargetState s : states) {
            b.append("qatwb_nas_up{nas=\"").append(s.nas()).append("\"} ").append(s.up() ? 1 : 0).append('\n');
        }
        b.append("# HELP qatwb_nas_connects").append(om ? "" : "_total").append(" SSH connections opened.\n");
        b.append("# TYPE qatwb_nas_connects").append(om ? "" : "_total").append(" counter\n");
        for (TargetState s : states) {
            b.append("qatwb_nas_connects_total{nas=\"").append(s.nas()).append("\"} ").append(s.connects()).append('\n');
        }
        b.append("# HELP qatwb_zfs_qat_requests").append(om ? "" : "_total").append(" QAT requests.\n");
        b.append("# TYPE qatwb_zfs_qat_requests").append(om ? "" : "_total").append(" counter\n");
        for (TargetState s : states) {
            if (s.sample().isEmpty() || s.sample().get().kstat().isEmpty()) {
                continue;
            }
            var k = s.sample().get().kstat().get();
            String labels = "{nas=\"" + s.nas() + "\",service=\"compression\",op=\"compress\"}";
            b.append("qatwb_zfs_qat_requests_total").append(labels).append(' ')
                    .append(k.value(QatCounter.COMP_REQUESTS).orElse(0)).append('\n');
            if (om && k.raw().header().isPresent() && s.sample().get().uptimeNanos().isPresent()) {
                double boot = s.sampleAtEpochMillis().getAsLong() / 1000.0 - s.sample().get().uptimeNanos().getAsLong() / 1e9;
                double created = boot + k.raw().header().get().crtime() / 1e9;
                b.append("qatwb_zfs_qat_requests_created").append(labels).append(' ').append(created).append('\n');
            }
        }
        if (om) {
            b.append("# EOF\n");
        }
        return b.toString();
    }
}
