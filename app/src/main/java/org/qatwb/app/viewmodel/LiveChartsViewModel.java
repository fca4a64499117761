package org.qatwb.app.viewmodel;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.qatwb.app.tasks.BackgroundTasks;
import org.qatwb.model.history.EventKind;
import org.qatwb.model.history.FirmwareSeries;
import org.qatwb.model.history.HistoryCsv;
import org.qatwb.model.history.HistoryEvent;
import org.qatwb.model.history.HistoryRecorder;
import org.qatwb.model.history.KstatRowSeries;
import org.qatwb.model.history.KstatSeries;
import org.qatwb.model.history.Metric;
import org.qatwb.model.history.OffloadHistory;
import org.qatwb.model.history.Series;
import org.qatwb.model.history.SeriesCatalog;
import org.qatwb.model.kstat.QatService;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.snapshot.StreamSample;

/**
 * The live offload charts: 24 hours of history (decimated when drawn), the window shown, pause
 * and resume, event markers, CSV export. Samples arrive in coalesced batches on the UI thread,
 * which alone reads and writes the history; {@link #revisionProperty()} tells the view to redraw
 * (at most once per frame).
 */
public final class LiveChartsViewModel {

    private final OffloadHistory history;
    private final HistoryRecorder recorder;
    private final LongSupplier clock;
    private final BackgroundTasks tasks;
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ChartWindow> window = new ReadOnlyObjectWrapper<>(ChartWindow.MINUTES_5);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper windowEnd = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper nothingToChart = new ReadOnlyStringWrapper(WAITING);
    private final ReadOnlyStringWrapper missingCounters = new ReadOnlyStringWrapper("");
    /** Whether any sample so far carried something to draw: kstat counters or firmware counters. */
    private boolean charted;
    /** Batches that arrive while an export reads the history in the background, appended after it. */
    private final List<StreamSample> held = new ArrayList<>();
    private final List<Long> heldTimes = new ArrayList<>();

    public LiveChartsViewModel(OffloadHistory history, LongSupplier clock, BackgroundTasks tasks) {
        this.history = Objects.requireNonNull(history, "history");
        this.recorder = new HistoryRecorder(history);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.windowEnd.set(clock.getAsLong());
    }

    static final String WAITING = "No samples yet: the charts start with the NAS's first reading, one a second"
            + " once the stream is connected (the status bar says whether it is).";
    static final String NO_COUNTERS = "Nothing to chart: this NAS's ZFS reports no QAT counters"
            + " (/proc/spl/kstat/zfs/qat is absent) and no QAT device reports firmware counters. The charts need"
            + " the QAT driver loaded and OpenZFS built with QAT; the Doctor tab shows the first link that fails,"
            + " and the Dashboard what the host has.";
    static final String NO_KSTAT = "ZFS reports no QAT counters in the latest sample (/proc/spl/kstat/zfs/qat is"
            + " absent: zfs.ko unloaded, or built without QAT): the ZFS charts have a gap; the Doctor tab says why.";

    /**
     * The charts, in display order; the firmware chart only once a device reports fw_counters, and the
     * chart of the kstat's other rows (a ZFS fork's) only once such a row has a rate.
     */
    public List<ChartSpec> charts() {
        List<ChartSpec> charts = new ArrayList<>();
        charts.add(spec("requests", "Requests", Metric.REQUESTS_PER_S, false));
        charts.add(spec("mb-in", "Throughput in", Metric.MB_IN_PER_S, false));
        charts.add(spec("mb-out", "Throughput out", Metric.MB_OUT_PER_S, false));
        charts.add(spec("ratio", "Compression ratio", Metric.RATIO, false));
        charts.add(spec("fails", "Failures", Metric.FAILS_PER_S, true));
        List<Series> fw = history.series().stream().filter(s -> s instanceof FirmwareSeries).toList();
        if (!fw.isEmpty()) {
            charts.add(new ChartSpec("firmware", "Firmware requests by device", Metric.REQUESTS_PER_S.unit(), fw));
        }
        List<Series> rows = history.series().stream().filter(s -> s instanceof KstatRowSeries).toList();
        int notRecorded = history.rowsNotRecorded();
        if (!rows.isEmpty() || notRecorded > 0) {
            charts.add(new ChartSpec("kstat-rows", rowsTitle(notRecorded), Metric.ROW_PER_S.unit(), rows));
        }
        return charts;
    }

    /**
     * The title of the chart of a fork's kstat rows (per second, by name: what each counts is the
     * fork's to say), and how many are not charted when there are more than the history keeps.
     */
    static String rowsTitle(int notRecorded) {
        return "Other QAT kstat rows per second (not known to qatwb)" + (notRecorded == 0 ? ""
                : ": " + notRecorded + " more not charted, " + OffloadHistory.MAX_KSTAT_ROWS + " at most");
    }

    private static ChartSpec spec(String id, String title, Metric metric, boolean distinctCounters) {
        List<Series> series = new ArrayList<>();
        for (KstatSeries s : SeriesCatalog.kstat()) {
            // ZFS has one failure counter per direction pair: drawn once, under the first service
            if (s.metric() == metric && !(distinctCounters && (s.service() == QatService.DECOMPRESSION
                    || s.service() == QatService.DECRYPTION))) {
                series.add(s);
            }
        }
        return new ChartSpec(id, title, metric.unit(), series);
    }

    public OffloadHistory history() {
        return history;
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChartWindow> windowProperty() {
        return window.getReadOnlyProperty();
    }

    /** Bumped on every change the charts must show. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The right edge of the charts (epoch ms): now while live, frozen while paused. */
    public ReadOnlyLongProperty windowEndProperty() {
        return windowEnd.getReadOnlyProperty();
    }

    /**
     * Why there is nothing to chart yet, and what to do instead; empty once a sample carried
     * counters (from then on the charts, with their gaps, say what happened).
     */
    public ReadOnlyStringProperty nothingToChartProperty() {
        return nothingToChart.getReadOnlyProperty();
    }

    /** Set while the latest sample has no ZFS QAT counters but something else is charted; else empty. */
    public ReadOnlyStringProperty missingCountersProperty() {
        return missingCounters.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** The left edge of the charts. */
    public long windowStart() {
        return windowEnd.get() - window.get().millis();
    }

    /** A batch of stream samples (UI thread). */
    public void add(List<StreamSample> batch) {
        long now = clock.getAsLong();
        if (exporting.get()) {
            for (StreamSample s : batch) {
                held.add(s);
                heldTimes.add(now);
            }
            return;
        }
        for (StreamSample s : batch) {
            recorder.record(now, s);
        }
        observe(batch.get(batch.size() - 1));
        changed();
    }

    /** What the latest sample says about what can be charted. */
    private void observe(StreamSample last) {
        boolean kstat = last.kstat().isPresent();
        charted |= kstat || !last.fwCounters().isEmpty();
        nothingToChart.set(charted ? "" : NO_COUNTERS);
        missingCounters.set(charted && !kstat ? NO_KSTAT : "");
    }

    /** An event marker at the current time: a parameter change, a restart. */
    public void mark(EventKind kind, String label) {
        history.addEvent(new HistoryEvent(clock.getAsLong(), kind, label));
        changed();
    }

    /** The stream came back after a loss: the next sample has no rate, and a marker says why. */
    public void reconnected() {
        recorder.reconnected(clock.getAsLong());
        changed();
    }

    /** Moves the charts along with time (called once per second by the view while live, so the axis moves without data). */
    public void tick() {
        if (!paused.get()) {
            windowEnd.set(clock.getAsLong());
            revision.set(revision.get() + 1);
        }
    }

    public void setWindow(ChartWindow w) {
        window.set(Objects.requireNonNull(w, "w"));
        revision.set(revision.get() + 1);
    }

    public void togglePause() {
        paused.set(!paused.get());
        if (!paused.get()) {
            windowEnd.set(clock.getAsLong());
        }
        revision.set(revision.get() + 1);
    }

    /**
     * Writes the shown window's data as CSV to {@code file}, in the background. New samples are
     * held back while the history is read, then appended, so nothing is lost and the history is
     * never read and written at once.
     */
    public void exportCsv(Path file, Consumer<Optional<String>> done) {
        if (exporting.get()) {
            done.accept(Optional.of("an export is already running"));
            return;
        }
        long from = windowStart();
        long to = windowEnd.get() + 1;
        exporting.set(true);
        tasks.run(() -> {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                HistoryCsv.write(history, from, to, w);
            }
            return file;
        }, f -> {
            release();
            done.accept(Optional.empty());
        }, e -> {
            release();
            done.accept(Optional.of(e instanceof IOException io ? "cannot write " + file + ": " + Snippet.failure(io)
                    : Snippet.failure(e)));
        });
    }

    private void release() {
        exporting.set(false);
        for (int i = 0; i < held.size(); i++) {
            recorder.record(heldTimes.get(i), held.get(i));
        }
        if (!held.isEmpty()) {
            observe(held.get(held.size() - 1));
        }
        held.clear();
        heldTimes.clear();
        changed();
    }

    private void changed() {
        if (!paused.get()) {
            windowEnd.set(clock.getAsLong());
        }
        revision.set(revision.get() + 1);
    }
}
