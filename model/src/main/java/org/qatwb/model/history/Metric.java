package org.qatwb.model.history;

/**
 * What a chart series measures. MB are 10^6 bytes, as disk and network rates are quoted.
 */
public enum Metric {
    REQUESTS_PER_S("requests_per_s", "requests/s"),
    MB_IN_PER_S("mb_in_per_s", "MB/s"),
    MB_OUT_PER_S("mb_out_per_s", "MB/s"),
    /** Bytes on the large side over bytes on the small side: 2 means half the size. */
    RATIO("ratio", "x"),
    FAILS_PER_S("fails_per_s", "fails/s"),
    /** A kstat row qatwb does not know, per second: what it counts is the fork's to say. */
    ROW_PER_S("per_s", "/s");

    private final String id;
    private final String unit;

    Metric(String id, String unit) {
        this.id = id;
        this.unit = unit;
    }

    /** The metric's part of a series id: lower case, no blanks, fit for a CSV column name. */
    public String id() {
        return id;
    }

    /** The unit an axis shows. */
    public String unit() {
        return unit;
    }
}
