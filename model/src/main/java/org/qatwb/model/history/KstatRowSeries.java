package org.qatwb.model.history;

import java.util.Objects;

/**
 * The per-second rate of one row of the zfs/qat kstat that is none of OpenZFS's 17 counters: a
 * fork's row (TheTDD/zfs adds {@code init_failed}, {@code comp_fails}, {@code err_timeout}...),
 * charted by its name as it comes, with no meaning guessed. {@link OffloadHistory} gives one to
 * each such row as it appears, up to {@link OffloadHistory#MAX_KSTAT_ROWS}.
 *
 * @param row the row's name as the kstat prints it
 */
public record KstatRowSeries(String row) implements Series {

    static final String ID_PREFIX = "row.";

    public KstatRowSeries {
        Objects.requireNonNull(row, "row");
    }

    /** {@code row.<name>.per_s}. */
    @Override
    public String id() {
        return ID_PREFIX + row + "." + metric().id();
    }

    @Override
    public String label() {
        return row + " per second (a kstat row qatwb does not know)";
    }

    @Override
    public Metric metric() {
        return Metric.ROW_PER_S;
    }
}
