package org.qatwb.app.viewmodel;

import java.util.List;
import java.util.Objects;
import org.qatwb.model.history.Series;

/**
 * One chart of the live view: a title, a unit, and the series it draws.
 *
 * @param id     stable, for node ids and file names
 * @param title  what the chart shows
 * @param unit   the y axis's unit
 * @param series the lines, in legend order
 */
public record ChartSpec(String id, String title, String unit, List<Series> series) {

    public ChartSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(unit, "unit");
        series = List.copyOf(series);
    }
}
