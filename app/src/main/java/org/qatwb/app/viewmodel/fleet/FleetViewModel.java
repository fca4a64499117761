package org.qatwb.app.viewmodel.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.app.tasks.BackgroundTasks;
import org.qatwb.app.tasks.Coalescer;
import org.qatwb.app.usecase.fleet.FleetEntry;
import org.qatwb.app.usecase.fleet.NasGlance;
import org.qatwb.model.parse.Snippet;

/**
 * The fleet page: every saved NAS (and, when shown, the built-in simulated ones) at a glance, one
 * {@link FleetRowViewModel} each, keyed by name and kept across refreshes.
 *
 * <p>A refresh reads every NAS with at most {@code limit} reads at a time: it starts that many
 * background tasks that each take the next NAS from one queue until it is empty, so 50 NAS never
 * mean 50 threads or 50 SSH sessions (each read connects, reads and closes). Results reach the UI
 * thread through a {@link Coalescer}: however many reads finish before the UI thread gets to
 * them, it updates their rows in one go. A refresh asked for while one runs is done once it ends.
 * The page says when it is shown ({@link #watch}); a hidden page is never read, so the workbench
 * at rest costs nothing for its fleet.
 *
 * <p>UI thread only.
 */
public final class FleetViewModel implements AutoCloseable {

    /** Reads at a time: enough to read 50 NAS in a few rounds, few enough for a small client and a slow link. */
    public static final int DEFAULT_LIMIT = 4;
    /** How often the page reads the fleet while shown (the view's timer); also how old a reading may be when the page comes back. */
    public static final Duration REFRESH_EVERY = Duration.ofSeconds(30);

    /** Reads one NAS, blocking; never throws for the NAS ({@code GlanceNas::glance}). */
    @FunctionalInterface
    public interface Glancer {
        NasGlance glance(FleetEntry entry);
    }

    private final BackgroundTasks tasks;
    private final Glancer glancer;
    private final Consumer<FleetEntry> opener;
    private final int limit;
    private final LongSupplier nanos;
    private final List<String> simulatedProfiles;
    private final Coalescer<NasGlance> results;
    private final Map<String, FleetRowViewModel> byName = new HashMap<>();
    private final ObservableList<FleetRowViewModel> rows = FXCollections.observableArrayList();
    private final ObservableList<FleetRowViewModel> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<FleetRowViewModel> shown = new FilteredList<>(rowsView);
    private final ReadOnlyStringWrapper filter = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper simulatedShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private List<SavedConnection> saved = List.of();
    private boolean simulatedDecided;
    private boolean watched;
    private boolean again;
    private boolean closed;
    private Round round;
    private long lastRead = Long.MIN_VALUE;
    private boolean everRead;
    private String lastReadAt = "";

    /**
     * @param opener            opens a NAS's tab (or selects it when open): the window's own path
     * @param simulatedProfiles the simulated NAS the page can show
     * @param nanos             a monotonic clock, for how old the latest reading is
     */
    public FleetViewModel(BackgroundTasks tasks, Glancer glancer, Consumer<FleetEntry> opener, List<String> simulatedProfiles,
                          int limit, LongSupplier nanos) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.glancer = Objects.requireNonNull(glancer, "glancer");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.simulatedProfiles = List.copyOf(simulatedProfiles);
        this.limit = limit;
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        this.results = new Coalescer<>(tasks.ui(), this::deliver);
        summarise();
    }

    /** Every row, saved connections first, in the order they were saved. */
    public ObservableList<FleetRowViewModel> rows() {
        return rowsView;
    }

    /** The rows the filter lets through. */
    public ObservableList<FleetRowViewModel> shownRows() {
        return shown;
    }

    public ReadOnlyStringProperty filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** Whether the built-in simulated NAS are rows too; at first, when nothing is saved. */
    public ReadOnlyBooleanProperty simulatedShownProperty() {
        return simulatedShown.getReadOnlyProperty();
    }

    /** A refresh runs. */
    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    /** "12 NAS · 10 reachable · 2 failing · read 14:03:12", one line for the page's header. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The saved connections changed (loaded, saved, forgotten). */
    public void setSaved(List<SavedConnection> connections) {
        saved = List.copyOf(connections);
        sync();
    }

    public void setSimulatedShown(boolean on) {
        simulatedDecided = true;
        if (simulatedShown.get() != on) {
            simulatedShown.set(on);
            sync();
        }
    }

    /** Shows the rows whose name or destination holds {@code text} (any case); blank shows all. */
    public void setFilter(String text) {
        String t = text == null ? "" : text.strip();
        filter.set(t);
        String lower = t.toLowerCase(Locale.ROOT);
        shown.setPredicate(t.isEmpty() ? null : r -> r.name().toLowerCase(Locale.ROOT).contains(lower)
                || r.entry().destination().toLowerCase(Locale.ROOT).contains(lower));
    }

    /**
     * The page came on screen or left it. Shown, it reads the fleet when its reading is older than
     * {@link #REFRESH_EVERY}. The check waits for the UI thread's current work to end: a window that
     * opens a NAS tab right after showing (the first run) never reads the fleet it did not show.
     */
    public void watch(boolean isShown) {
        watched = isShown;
        if (isShown) {
            tasks.ui().execute(() -> {
                if (!watched || closed) {
                    return;
                }
                if (!simulatedDecided) {
                    simulatedDecided = true;
                    simulatedShown.set(saved.isEmpty());
                    sync();
                }
                if (!everRead || nanos.getAsLong() - lastRead >= REFRESH_EVERY.toNanos()) {
                    refresh();
                }
            });
        }
    }

    /** Reads every row's NAS again, {@code limit} at a time; once more after the running refresh when one runs. */
    public void refresh() {
        if (closed) {
            return;
        }
        if (round != null) {
            again = true;
            return;
        }
        read(List.copyOf(rows));
    }

    /**
     * The page's timer: reads every NAS again unless a refresh still runs (slow or dead NAS may
     * hold a read for the connect timeout: the next tick then comes soon enough, rather than
     * refreshes back to back).
     */
    public void tick() {
        if (round == null) {
            refresh();
        }
    }

    /** Opens the row's NAS in its tab, or selects the tab that shows it. */
    public void open(FleetRowViewModel row) {
        opener.accept(row.entry());
    }

    /** Stops: no refresh starts, the running one reads no further NAS. */
    @Override
    public void close() {
        closed = true;
        if (round != null) {
            round.todo.clear();
        }
    }

    private void read(List<FleetRowViewModel> which) {
        if (which.isEmpty()) {
            return;
        }
        Round r = new Round();
        which.forEach(row -> {
            row.reading();
            r.todo.add(row.entry());
        });
        round = r;
        refreshing.set(true);
        summarise();
        r.workers = Math.min(limit, which.size());
        for (int i = 0, n = r.workers; i < n; i++) {
            tasks.run(() -> {
                work(r);
                return null;
            }, ok -> workerDone(r), failed -> workerDone(r));
        }
    }

    /** A background thread: NAS after NAS from the round's queue, each result to the UI thread's batch. */
    private void work(Round r) {
        for (FleetEntry e; (e = r.todo.poll()) != null; ) {
            NasGlance g;
            try {
                g = glancer.glance(e);
            } catch (RuntimeException ex) {
                // a bug, not the NAS: the row says it in one line, the other NAS are still read
                g = new NasGlance.Unreached(e.name(), NasGlance.Why.FAILED, Snippet.failure(ex));
            }
            results.offer(g);
        }
    }

    private void deliver(List<NasGlance> batch) {
        for (NasGlance g : batch) {
            FleetRowViewModel row = byName.get(g.name());
            if (row != null) {
                row.accept(g);
            }
        }
        summarise();
    }

    private void workerDone(Round r) {
        if (--r.workers > 0 || round != r) {
            return;
        }
        round = null;
        refreshing.set(false);
        everRead = true;
        lastRead = nanos.getAsLong();
        lastReadAt = java.time.LocalTime.now().withNano(0).toString();
        summarise();
        if (again && !closed) {
            again = false;
            refresh();
        }
    }

    /** Rows for the saved connections and the shown simulated NAS: kept by name, added, removed. */
    private void sync() {
        Map<String, FleetEntry> entries = new LinkedHashMap<>();
        for (SavedConnection c : saved) {
            entries.putIfAbsent(c.name(), FleetEntry.saved(c));
        }
        if (simulatedShown.get()) {
            for (String p : simulatedProfiles) {
                FleetEntry e = FleetEntry.simulated(p);
                entries.putIfAbsent(e.name(), e);
            }
        }
        List<FleetRowViewModel> next = new ArrayList<>();
        List<FleetRowViewModel> added = new ArrayList<>();
        for (FleetEntry e : entries.values()) {
            FleetRowViewModel row = byName.get(e.name());
            if (row == null) {
                row = new FleetRowViewModel(e);
                byName.put(e.name(), row);
                added.add(row);
            } else {
                row.update(e);
            }
            next.add(row);
        }
        byName.keySet().retainAll(entries.keySet());
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
        summarise();
        if (watched && everRead && !added.isEmpty()) {
            // a NAS just saved is read at once rather than at the next tick
            if (round == null) {
                read(added);
            } else {
                again = true;
            }
        }
    }

    private void summarise() {
        if (rows.isEmpty()) {
            summary.set("");
            return;
        }
        long reachable = rows.stream().filter(r -> r.glanceProperty().get() instanceof NasGlance.Seen).count();
        long failing = rows.stream().filter(r -> r.glanceProperty().get() instanceof NasGlance.Seen s
                && s.doctor().fails() > 0).count();
        StringBuilder b = new StringBuilder().append(rows.size()).append(" NAS");
        if (everRead || reachable > 0) {
            b.append(" · ").append(reachable).append(" reachable");
            if (failing > 0) {
                b.append(" · ").append(failing).append(" with a failing link");
            }
        }
        if (round != null) {
            b.append(" · reading…");
        } else if (!lastReadAt.isEmpty()) {
            b.append(" · read at ").append(lastReadAt);
        }
        summary.set(b.toString());
    }

    /** One refresh: the NAS left to read, and how many of its workers still run (UI thread). */
    private static final class Round {
        final Queue<FleetEntry> todo = new ConcurrentLinkedQueue<>();
        int workers;
    }
}
