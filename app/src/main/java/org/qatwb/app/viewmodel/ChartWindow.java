package org.qatwb.app.viewmodel;

import java.time.Duration;

/** How much time the charts show, from one minute to the whole 24-hour history. */
public enum ChartWindow {
    MINUTE_1("1 min", Duration.ofMinutes(1)),
    MINUTES_5("5 min", Duration.ofMinutes(5)),
    MINUTES_15("15 min", Duration.ofMinutes(15)),
    HOUR_1("1 h", Duration.ofHours(1)),
    HOURS_6("6 h", Duration.ofHours(6)),
    HOURS_24("24 h", Duration.ofHours(24));

    private final String label;
    private final Duration length;

    ChartWindow(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    public long millis() {
        return length.toMillis();
    }

    @Override
    public String toString() {
        return label;
    }
}
