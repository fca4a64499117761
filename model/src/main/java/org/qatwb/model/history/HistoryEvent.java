package org.qatwb.model.history;

import java.util.Objects;

/**
 * An event marker kept with the history.
 *
 * @param epochMillis when it happened, on the same clock as the samples
 * @param kind        what it stands for
 * @param label       a one-line text for the marker's tooltip
 */
public record HistoryEvent(long epochMillis, EventKind kind, String label) {

    public HistoryEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }
}
