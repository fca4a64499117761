package org.qatwb.model.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.qatwb.model.kstat.CounterRates;

/**
 * The bounded history behind the live offload charts: one value per {@link Series} per sample,
 * by default 24 hours at 1 Hz, oldest samples overwritten first.
 *
 * <p>Storage is a ring of primitive arrays (a {@code long} epoch-millisecond time and a
 * {@code float} per series and sample), allocated up front: appending allocates nothing once
 * every firmware device has been seen, so a day of samples costs no garbage and a fixed, known
 * heap (docs/benchmarks.md). A float keeps seven significant digits, plenty for a chart or a CSV.
 *
 * <p>A gap (no rate: the first sample, a counter reset, a reconnect) is stored as NaN in every
 * kstat series, and {@link #decimate} gives NaN for a pixel column with nothing but gaps, so the
 * charts break the line instead of drawing a spike. A firmware device seen for the first time gets
 * a series whose earlier samples are NaN; a known device missing from a sample is NaN there. So does
 * a kstat row that none of OpenZFS's counters names (a fork's), up to {@link #MAX_KSTAT_ROWS}.
 *
 * <p>Times must not go back: a sample (or event) stamped before the newest one is stored at the
 * newest one's time. That keeps the binary search valid when the workbench's wall clock steps
 * back (NTP); the rate itself is still right, since it was measured on the NAS's own clock.
 *
 * <p>Not thread safe, by design: the UI thread is the only writer and reader; the stream's thread
 * hands it coalesced batches of samples, at most one per frame (DESIGN.md, threading).
 */
public final class OffloadHistory {

    /** 24 hours at one sample a second. */
    public static final int DEFAULT_CAPACITY = 86_400;

    /** Firmware devices beyond this many are not recorded: each costs a full column. */
    public static final int MAX_FIRMWARE_DEVICES = 64;

    /**
     * Other kstat rows (a fork's, {@link KstatRowSeries}) beyond this many are not recorded, only
     * counted ({@link #rowsNotRecorded()}): each costs a full column. TheTDD/zfs's fork has 21.
     */
    public static final int MAX_KSTAT_ROWS = 32;

    private final int capacity;
    private final long[] times;
    /** One column per distinct derivation: both directions' fails/s read one counter, and share. */
    private final float[][] kstatColumns;
    private final Derivation[] kstatDerivations;
    private final List<String> devices = new ArrayList<>();
    private final List<float[]> deviceColumns = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final List<float[]> rowColumns = new ArrayList<>();
    /** Rows of the newest sample that had a rate but no column (over {@link #MAX_KSTAT_ROWS}). */
    private int rowsNotRecorded;
    private final List<Series> series = new ArrayList<>();
    private final Map<Series, float[]> columns = new HashMap<>();
    private final EventLog events;
    /** The physical index of the oldest sample. */
    private int start;
    private int size;

    /** A history of {@link #DEFAULT_CAPACITY} samples. */
    public OffloadHistory() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity how many samples are kept, at least 1; events are limited to as many */
    public OffloadHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.times = new long[capacity];
        this.events = new EventLog(capacity);
        Map<Derivation, float[]> byDerivation = new HashMap<>();
        List<Derivation> derivations = new ArrayList<>();
        for (KstatSeries s : SeriesCatalog.kstat()) {
            float[] column = byDerivation.computeIfAbsent(s.derivation(), d -> {
                derivations.add(d);
                return new float[capacity];
            });
            series.add(s);
            columns.put(s, column);
        }
        this.kstatDerivations = derivations.toArray(new Derivation[0]);
        this.kstatColumns = new float[kstatDerivations.length][];
        for (int c = 0; c < kstatDerivations.length; c++) {
            kstatColumns[c] = byDerivation.get(kstatDerivations[c]);
        }
    }

    /** As {@link #append(long, Optional, Map)} without firmware rates. */
    public long append(long epochMillis, Optional<CounterRates> rates) {
        return append(epochMillis, rates, Map.of());
    }

    /**
     * Adds one sample, overwriting the oldest when the history is full.
     *
     * @param epochMillis               when the sample was taken; before the newest sample's time,
     *                                  it is stored at that time instead
     * @param rates                     the kstat rates, empty for a gap
     * @param firmwareRequestsPerSecond requests/s by debugfs device (NaN for a device without a
     *                                  rate this time, see {@link FirmwareRateTracker})
     * @return the time stored
     */
    public long append(long epochMillis, Optional<CounterRates> rates, Map<String, Double> firmwareRequestsPerSecond) {
        return append(epochMillis, rates, firmwareRequestsPerSecond, Map.of());
    }

    /**
     * As {@link #append(long, Optional, Map)}, with the other kstat rows' rates.
     *
     * @param rowRates per second by row name ({@link org.qatwb.model.kstat.RowRates}); a row first
     *                 seen gets its column (NaN before), up to {@link #MAX_KSTAT_ROWS}; a known row
     *                 missing here is NaN in this sample
     */
    public long append(long epochMillis, Optional<CounterRates> rates, Map<String, Double> firmwareRequestsPerSecond,
                       Map<String, Double> rowRates) {
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(firmwareRequestsPerSecond, "firmwareRequestsPerSecond");
        Objects.requireNonNull(rowRates, "rowRates");
        long t = size > 0 && epochMillis < newest() ? newest() : epochMillis;
        int p;
        boolean overwrite = size == capacity;
        if (overwrite) {
            p = start;
            start = physical(1);
        } else {
            p = physical(size);
            size++;
        }
        times[p] = t;
        if (overwrite) {
            events.dropBefore(times[start]); // the overwritten sample's events go with it
        }
        CounterRates r = rates.orElse(null);
        for (int c = 0; c < kstatColumns.length; c++) {
            kstatColumns[c][p] = r == null ? Float.NaN : (float) kstatDerivations[c].valueOf(r);
        }
        int known = 0;
        for (int d = 0; d < devices.size(); d++) {
            Double v = firmwareRequestsPerSecond.get(devices.get(d));
            if (v != null) known++;
            deviceColumns.get(d)[p] = v == null ? Float.NaN : v.floatValue();
        }
        if (known < firmwareRequestsPerSecond.size()) {
            addDevices(firmwareRequestsPerSecond, p);
        }
        int rowsKnown = 0;
        for (int w = 0; w < rows.size(); w++) {
            Double v = rowRates.get(rows.get(w));
            if (v != null) rowsKnown++;
            rowColumns.get(w)[p] = v == null ? Float.NaN : v.floatValue();
        }
        rowsNotRecorded = 0;
        if (rowsKnown < rowRates.size()) {
            addRows(rowRates, p);
        }
        return t;
    }

    /** Columns for rows not seen before, NaN up to this sample (allocates, once per row); the rest counted. */
    private void addRows(Map<String, Double> rates, int p) {
        rates.forEach((row, v) -> {
            if (v == null || rows.contains(row)) return;
            if (rows.size() >= MAX_KSTAT_ROWS) {
                rowsNotRecorded++;
                return;
            }
            rows.add(row);
            rowColumns.add(addColumn(new KstatRowSeries(row), p, v.floatValue()));
        });
    }

    /** A new series' column: NaN up to sample {@code p}, which holds {@code v}. */
    private float[] addColumn(Series s, int p, float v) {
        float[] column = new float[capacity];
        Arrays.fill(column, Float.NaN);
        column[p] = v;
        series.add(s);
        columns.put(s, column);
        return column;
    }

    /**
     * How many of the newest sample's other kstat rows had a rate but are not recorded: the history
     * holds {@link #MAX_KSTAT_ROWS} at most (say so where the rows are charted).
     */
    public int rowsNotRecorded() {
        return rowsNotRecorded;
    }

    /** Columns for devices not seen before, NaN up to this sample (allocates, once per device). */
    private void addDevices(Map<String, Double> rates, int p) {
        rates.forEach((device, v) -> {
            if (v == null || devices.contains(device) || devices.size() >= MAX_FIRMWARE_DEVICES) return;
            devices.add(device);
            deviceColumns.add(addColumn(new FirmwareSeries(device), p, v.floatValue()));
        });
    }

    /**
     * Adds an event marker. Events go when the samples around them do: once samples are
     * overwritten, events older than the oldest sample kept are dropped. At most
     * {@link #capacity()} events are kept.
     *
     * @return the event as kept (stamped at the newest event's time if it was earlier)
     */
    public HistoryEvent addEvent(HistoryEvent event) {
        return events.add(Objects.requireNonNull(event, "event"));
    }

    /** Every event kept, oldest first. */
    public List<HistoryEvent> events() {
        return events.all();
    }

    /** The events in [from, to), oldest first. */
    public List<HistoryEvent> events(long fromMillis, long toMillis) {
        return events.between(fromMillis, toMillis);
    }

    /**
     * The series recorded: the kstat catalogue, then firmware devices and other kstat rows
     * ({@link KstatRowSeries}), each in the order they appeared.
     */
    public List<Series> series() {
        return Collections.unmodifiableList(new ArrayList<>(series));
    }

    /** How many samples are kept at most. */
    public int capacity() {
        return capacity;
    }

    /** How many samples are kept now. */
    public int size() {
        return size;
    }

    /** The oldest sample's time; empty when there is none. */
    public OptionalLong oldestMillis() {
        return size == 0 ? OptionalLong.empty() : OptionalLong.of(times[start]);
    }

    /** The newest sample's time; empty when there is none. */
    public OptionalLong newestMillis() {
        return size == 0 ? OptionalLong.empty() : OptionalLong.of(newest());
    }

    /** @param index 0 for the oldest sample kept, {@code size() - 1} for the newest */
    public long timeAt(int index) {
        return times[physical(checkIndex(index))];
    }

    /** A series' value at a sample; NaN for a gap and for a series the history does not hold. */
    public float valueAt(Series s, int index) {
        float[] column = columns.get(s);
        int p = physical(checkIndex(index));
        return column == null ? Float.NaN : column[p];
    }

    /** The newest sample's value of a series; NaN when there is no sample or it is a gap. */
    public float last(Series s) {
        return size == 0 ? Float.NaN : valueAt(s, size - 1);
    }

    /** The largest value of a series over samples in [from, to), for axis scaling; NaN when none. */
    public float max(Series s, long fromMillis, long toMillis) {
        float[] column = columns.get(s);
        if (column == null) return Float.NaN;
        int lo = indexAtOrAfter(fromMillis);
        int hi = indexAtOrAfter(toMillis);
        float max = Float.NEGATIVE_INFINITY;
        boolean any = false;
        for (int i = lo, p = physical(lo); i < hi; i++) {
            float v = column[p];
            if (v >= max) { // false for NaN
                max = v;
                any = true;
            }
            if (++p == capacity) p = 0;
        }
        return any ? max : Float.NaN;
    }

    /**
     * Decimates one series for drawing: column {@code c} of {@code columns} covers the samples
     * with {@code floor((t - from) * columns / (to - from)) == c}, and gets their smallest and
     * largest value; a column with no sample, or only gaps, gets NaN in both. Allocates nothing;
     * finds the window by binary search and reads only the samples in it.
     *
     * @param min receives the minima, at least {@code columns} long
     * @param max receives the maxima, at least {@code columns} long
     * @throws IllegalArgumentException when {@code to <= from}, {@code columns < 1}, an array is
     *                                  too short, or {@code (to - from) * columns} would overflow
     */
    public void decimate(Series s, long fromMillis, long toMillis, int columns, float[] min, float[] max) {
        long span = checkWindow(fromMillis, toMillis, columns, min, max);
        Arrays.fill(min, 0, columns, Float.NaN);
        Arrays.fill(max, 0, columns, Float.NaN);
        float[] column = this.columns.get(s);
        int lo = indexAtOrAfter(fromMillis);
        int hi = indexAtOrAfter(toMillis);
        if (column == null || lo >= hi) return;
        int c = -1;
        long nextColumnAt = Long.MIN_VALUE; // the first time of column c + 1
        float mn = Float.POSITIVE_INFINITY;
        float mx = Float.NEGATIVE_INFINITY;
        for (int i = lo, p = physical(lo); i < hi; i++) {
            long t = times[p];
            if (t >= nextColumnAt) { // a division per column, not per sample
                store(c, mn, mx, min, max);
                long offset = t - fromMillis;
                c = (int) (offset * columns / span);
                nextColumnAt = fromMillis + ceilDiv((c + 1) * span, columns);
                mn = Float.POSITIVE_INFINITY;
                mx = Float.NEGATIVE_INFINITY;
            }
            float v = column[p];
            if (v < mn) mn = v; // comparisons with NaN are false: gaps are skipped
            if (v > mx) mx = v;
            if (++p == capacity) p = 0;
        }
        store(c, mn, mx, min, max);
    }

    private static void store(int c, float mn, float mx, float[] min, float[] max) {
        if (c >= 0 && mn <= mx) {
            min[c] = mn;
            max[c] = mx;
        }
    }

    private static long checkWindow(long from, long to, int columns, float[] min, float[] max) {
        if (columns < 1 || min.length < columns || max.length < columns) {
            throw new IllegalArgumentException("need columns >= 1 and arrays that long: columns " + columns
                    + ", min " + min.length + ", max " + max.length);
        }
        if (to <= from) {
            throw new IllegalArgumentException("empty window [" + from + ", " + to + ")");
        }
        long span;
        try {
            span = Math.subtractExact(to, from);
            Math.multiplyExact(span, columns);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("window [" + from + ", " + to + ") too long for " + columns + " columns");
        }
        return span;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** The index of the first sample at or after {@code millis}; {@code size()} when none is. */
    public int indexAtOrAfter(long millis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[physical(mid)] < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private long newest() {
        return times[physical(size - 1)];
    }

    private int physical(int index) {
        int p = start + index;
        return p >= capacity ? p - capacity : p;
    }

    private int checkIndex(int index) {
        return Objects.checkIndex(index, size);
    }
}
