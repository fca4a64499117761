package org.qatwb.model.metrics;

import java.util.Locale;

/** The two text formats the exporter serves; the same series in both, written differently. */
public enum MetricsFormat {
    /** Prometheus text 0.0.4: what node_exporter's textfile collector reads, and the default. */
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
    /** OpenMetrics 1.0: counters' {@code _created}, {@code # EOF}; what Prometheus asks for first. */
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private static final String OPENMETRICS_TYPE = "application/openmetrics-text";

    private final String contentType;

    MetricsFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The HTTP {@code Content-Type} of a response in this format. */
    public String contentType() {
        return contentType;
    }

    /**
     * The format a scraper asked for: OpenMetrics when the {@code Accept} header names
     * {@code application/openmetrics-text} (Prometheus sends it, with a higher q than text/plain,
     * when it scrapes), else Prometheus text. A range with {@code q=0} is a refusal, not a request.
     * Null, empty or garbage gives Prometheus text, which every scraper reads.
     */
    public static MetricsFormat negotiate(String acceptHeader) {
        if (acceptHeader == null || acceptHeader.length() > 4096) {
            return PROMETHEUS_TEXT;
        }
        for (String range : acceptHeader.split(",", -1)) {
            String[] parts = range.split(";", -1);
            if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(OPENMETRICS_TYPE)) {
                continue;
            }
            if (!refused(parts)) {
                return OPENMETRICS;
            }
        }
        return PROMETHEUS_TEXT;
    }

    private static boolean refused(String[] params) {
        for (int i = 1; i < params.length; i++) {
            String p = params[i].strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2).strip()) <= 0;
                } catch (NumberFormatException e) {
                    return false; // a q that is no number: the type was still named
                }
            }
        }
        return false;
    }
}
