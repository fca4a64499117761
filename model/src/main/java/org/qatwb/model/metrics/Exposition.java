package org.qatwb.model.metrics;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Writes families and their samples in one of the two text formats, into one builder.
 *
 * <p>A family's samples are written between its {@link #begin} and the next one: the formats
 * forbid interleaving families (OpenMetrics 1.0, "MetricFamily": "MetricFamilies MUST NOT be
 * interleaved"). A label set already written in the family is refused, so that no two series
 * share name and labels whatever the NAS sent (two kstat rows whose names differ only after the
 * cut, say). No regex, no {@code String.format}: this runs per sample on every scrape.
 */
final class Exposition {

    private final MetricsFormat format;
    private final StringBuilder out;
    private final StringBuilder labels = new StringBuilder(160);
    private final Set<String> seen = new HashSet<>();
    private MetricFamily family;
    private String labelSet = "";
    /** The current series repeats one already written: its samples are not written. */
    private boolean repeated;

    Exposition(MetricsFormat format, StringBuilder out) {
        this.format = format;
        this.out = out;
    }

    /**
     * Starts a family: its metadata lines, OpenMetrics's in the order its spec asks (TYPE, UNIT,
     * HELP, "MetricFamily metadata"), 0.0.4's HELP then TYPE, under the name each format uses.
     */
    void begin(MetricFamily f) {
        family = f;
        seen.clear();
        labelSet = "";
        repeated = false;
        if (format == MetricsFormat.OPENMETRICS) {
            String name = f.openMetricsName();
            out.append("# TYPE ").append(name).append(' ').append(switch (f.type()) {
                case GAUGE -> "gauge";
                case COUNTER -> "counter";
                case INFO -> "info";
            }).append('\n');
            f.unit().ifPresent(u -> out.append("# UNIT ").append(name).append(' ').append(u).append('\n'));
            out.append("# HELP ").append(name).append(' ').append(f.help()).append('\n');
        } else {
            String name = f.metricName();
            out.append("# HELP ").append(name).append(' ').append(f.help()).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(f.type() == MetricType.COUNTER ? "counter" : "gauge")
                    .append('\n');
        }
    }

    /**
     * Sets the label values of the next sample, one per label of the family in order.
     *
     * @return false when the family already has a series with these values (after cleaning, or two
     *         targets of one name): then the samples given for it are not written
     */
    boolean series(String... values) {
        if (values.length != family.labels().size()) {
            throw new IllegalArgumentException(family.metricName() + " has labels " + family.labels() + ", given "
                    + values.length + " values");
        }
        labels.setLength(0);
        if (values.length > 0) {
            labels.append('{');
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    labels.append(',');
                }
                labels.append(family.labels().get(i)).append("=\"");
                LabelValues.appendEscaped(labels, values[i]);
                labels.append('"');
            }
            labels.append('}');
        }
        labelSet = labels.toString();
        repeated = !seen.add(labelSet);
        return !repeated;
    }

    /** A gauge's (or an info's) value for the current series. */
    void gauge(double value) {
        if (repeated) {
            return;
        }
        sampleName();
        appendDouble(value);
        out.append('\n');
    }

    /** A gauge's value given as exact decimal text (a kstat row of any integer type). */
    void gauge(String decimal) {
        if (repeated) {
            return;
        }
        sampleName();
        out.append(decimal).append('\n');
    }

    /** 1 or 0. */
    void gauge(boolean value) {
        if (repeated) {
            return;
        }
        sampleName();
        out.append(value ? '1' : '0').append('\n');
    }

    /**
     * A counter's value (unsigned 64-bit, written exactly) for the current series and, in
     * OpenMetrics only, its {@code _created}: when the count started, in seconds since the epoch.
     */
    void counter(long unsignedValue, OptionalLong createdEpochSeconds) {
        if (repeated) {
            return;
        }
        sampleName();
        out.append(Long.toUnsignedString(unsignedValue)).append('\n');
        if (format == MetricsFormat.OPENMETRICS && createdEpochSeconds.isPresent()) {
            out.append(family.createdName()).append(labelSet).append(' ').append(createdEpochSeconds.getAsLong())
                    .append('\n');
        }
    }

    /** Ends the exposition: OpenMetrics's {@code # EOF}, which tells a whole answer from a cut one. */
    void end() {
        if (format == MetricsFormat.OPENMETRICS) {
            out.append("# EOF\n");
        }
    }

    private void sampleName() {
        out.append(family.metricName()).append(labelSet).append(' ');
    }

    /** Integers without a decimal point, other values as Java prints them (both formats read both). */
    private void appendDouble(double v) {
        if (Double.isNaN(v)) {
            out.append("NaN");
        } else if (Double.isInfinite(v)) {
            out.append(v > 0 ? "+Inf" : "-Inf");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            out.append(v);
        }
    }
}
