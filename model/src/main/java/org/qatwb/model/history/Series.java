package org.qatwb.model.history;

/**
 * One line of the live charts: a value per sample in {@link OffloadHistory}. The catalogue of
 * series is {@link SeriesCatalog}.
 */
public sealed interface Series permits KstatSeries, FirmwareSeries, KstatRowSeries {

    /** Stable and unique, e.g. {@code compression.requests_per_s}: the CSV column name. */
    String id();

    /** A short human name, for a legend or a tooltip. */
    String label();

    Metric metric();

    /** The unit of the values. */
    default String unit() {
        return metric().unit();
    }
}
