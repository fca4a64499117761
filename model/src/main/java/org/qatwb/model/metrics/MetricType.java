package org.qatwb.model.metrics;

/** The kinds of metric family the exporter serves. */
public enum MetricType {
    /** A value that goes up and down. */
    GAUGE,
    /** A count since a start; its name ends in {@code _total}, which OpenMetrics's family name drops. */
    COUNTER,
    /**
     * Labels worth showing, value always 1; its name ends in {@code _info}. OpenMetrics has a type
     * for it ({@code info}, the family named without {@code _info}); in 0.0.4 text it is a gauge.
     */
    INFO
}
