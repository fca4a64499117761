package org.qatwb.app.viewmodel;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.qatwb.app.tasks.BackgroundTasks;
import org.qatwb.app.tasks.Coalescer;
import org.qatwb.app.tasks.NasRequests;
import org.qatwb.app.usecase.SudoHint;
import org.qatwb.app.workbench.DeviceRow;
import org.qatwb.app.workbench.HostSummary;
import org.qatwb.app.workbench.NasLink;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.app.workbench.StatusLine;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.ssh.HostKeyChanged;
import org.qatwb.ssh.HostKeyRevoked;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.StreamState;

/**
 * One NAS tab's root: the connection, the latest snapshot and what the dashboard derives from it
 * (summary, devices), the live stream, the notices, and the tab's feature view models
 * ({@link #offload()}, {@link #zia()}, {@link #transactions()}). Every request to the NAS, the
 * features' too, runs through this NAS's {@link NasRequests}: one at a time, in the order asked.
 * Read-only properties out, command methods in; UI thread only.
 */
public final class NasViewModel implements AutoCloseable {

    /** One sample a second: the charts' resolution, and a negligible load on the NAS (docs/benchmarks.md). */
    public static final int STREAM_INTERVAL_MS = 1000;
    static final int NOTICES_KEPT = 50;

    /** What a request does on the NAS, in the background. */
    @FunctionalInterface
    interface NasWork<T> {
        T on(NasLink nas) throws Exception;
    }

    private final NasTarget target;
    private final NasOpener opener;
    private final BackgroundTasks tasks;
    private final NasRequests requests;
    private final LiveChartsViewModel charts;
    private final OffloadViewModel offload;
    private final ZiaViewModel zia;
    private final TransactionsViewModel transactions;

    private final ReadOnlyObjectWrapper<LinkState> link = new ReadOnlyObjectWrapper<>(LinkState.CONNECTING);
    private final ReadOnlyStringWrapper linkDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<NasSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper snapshotOrder = new ReadOnlyLongWrapper();
    private final ObservableList<StatusLine> summary = FXCollections.observableArrayList();
    private final ObservableList<StatusLine> summaryView = FXCollections.unmodifiableObservableList(summary);
    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    private final ObservableList<DeviceRow> devicesView = FXCollections.unmodifiableObservableList(devices);
    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private final ObservableList<Notice> noticesView = FXCollections.unmodifiableObservableList(notices);

    private final ReadOnlyObjectWrapper<StreamSample> lastSample = new ReadOnlyObjectWrapper<>();
    private NasLink nas;
    private ReconnectingStream stream;
    private boolean lostSinceConnected;
    /** Applies with a reboot in flight: their own notice says what the boot check found. */
    private int rebooting;
    private boolean closed;

    public NasViewModel(NasTarget target, NasOpener opener, BackgroundTasks tasks, LiveChartsViewModel charts) {
        this.target = Objects.requireNonNull(target, "target");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.charts = Objects.requireNonNull(charts, "charts");
        this.requests = new NasRequests(tasks);
        this.offload = new OffloadViewModel(this);
        this.zia = new ZiaViewModel(this);
        this.transactions = new TransactionsViewModel(this);
    }

    public NasTarget target() {
        return target;
    }

    public LiveChartsViewModel charts() {
        return charts;
    }

    /** The offload switches and keep-after-reboot. */
    public OffloadViewModel offload() {
        return offload;
    }

    /** Z.I.A. pool properties: set, keep, set the kept ones again. */
    public ZiaViewModel zia() {
        return zia;
    }

    /** Transactions: apply, history, restore. */
    public TransactionsViewModel transactions() {
        return transactions;
    }

    public ReadOnlyObjectProperty<LinkState> linkProperty() {
        return link.getReadOnlyProperty();
    }

    /** Where it is connected ({@code user@host:port}), or why it is not. */
    public ReadOnlyStringProperty linkDetailProperty() {
        return linkDetail.getReadOnlyProperty();
    }

    /** The latest snapshot; null until the first one arrives. */
    public ReadOnlyObjectProperty<NasSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /**
     * The order in which the shown snapshot's read started ({@link NasRequests#readOrder()}): it
     * changes with every snapshot shown, also one equal to the one before (a "Run again" on a NAS
     * where nothing moved), which {@link #snapshotProperty()}'s listeners do not hear.
     */
    public ReadOnlyLongProperty snapshotOrderProperty() {
        return snapshotOrder.getReadOnlyProperty();
    }

    public ObservableList<StatusLine> summary() {
        return summaryView;
    }

    public ObservableList<DeviceRow> devices() {
        return devicesView;
    }

    /** The newest stream sample with a time and counters: the doctor watches the counters through it. */
    public ReadOnlyObjectProperty<StreamSample> lastSampleProperty() {
        return lastSample.getReadOnlyProperty();
    }

    /** Requests asked for and not finished; the view shows progress when one takes longer than 200 ms. */
    public ReadOnlyIntegerProperty runningProperty() {
        return requests.runningProperty();
    }

    /** A request runs or waits. */
    public ReadOnlyBooleanProperty busyProperty() {
        return requests.busyProperty();
    }

    /** What the running request does, in a few words. */
    public ReadOnlyStringProperty activityProperty() {
        return requests.activityProperty();
    }

    /** Why the latest request that failed failed, in one line; empty once one succeeds. */
    public ReadOnlyStringProperty failureProperty() {
        return requests.failureProperty();
    }

    /** What the user should be told, oldest first; each one added is a notification. Keeps the last {@value #NOTICES_KEPT}. */
    public ObservableList<Notice> notices() {
        return noticesView;
    }

    /** Connects, reads a first snapshot and starts the live stream. */
    public void connect() {
        if (closed || nas != null) {
            return;
        }
        link.set(LinkState.CONNECTING);
        linkDetail.set("connecting to " + target.title());
        requests.submit("Connecting", () -> {
            NasLink opened = opener.open(target);
            try {
                return new Opened(opened, read(opened));
            } catch (Exception e) {
                opened.close();
                throw e;
            }
        }, o -> {
            if (closed) {
                o.link().close();
                return;
            }
            nas = o.link();
            link.set(LinkState.CONNECTED);
            linkDetail.set(nas.destination());
            show(o.read());
            BootNotices.of(o.read().snapshot().pendingLayout(), o.read().snapshot().lastBootCheck()).forEach(this::notify);
            startStream();
        }, e -> {
            // detail and notice first: whoever watches the state reads them when it turns FAILED
            linkDetail.set(Snippet.failure(e));
            notify(connectFailure(e));
            link.set(LinkState.FAILED);
        });
    }

    /** Reads a new snapshot. */
    public void refresh() {
        if (nas == null) {
            return;
        }
        NasLink n = nas;
        requests.submit("Reading the NAS", () -> read(n), r -> {
            NasSnapshot before = snapshot.get();
            if (!show(r)) {
                return;
            }
            // a boot check that ran since the last snapshot (the NAS rebooted, and this is the
            // stream's reconnect): said as on connect; an apply that rebooted says it itself
            if (rebooting == 0 && before != null && !before.lastBootCheck().equals(r.snapshot().lastBootCheck())) {
                BootNotices.of(Optional.empty(), r.snapshot().lastBootCheck()).forEach(this::notify);
            }
        }, e -> notify(new Notice(Notice.Level.ERROR, "Refresh failed", Snippet.failure(e))));
    }

    /**
     * For the feature view models: runs {@code work} (a use case that does not read the NAS
     * itself) as one request described by {@code what}, then reads the NAS again in the same
     * request, so that no other request comes between the change and the read that shows it. On
     * the UI thread: the snapshot is shown, then {@code done} gets what {@code work} returned; or
     * {@code failed} gets one line.
     *
     * @return false, and nothing asked, when the NAS is not connected
     */
    <T> boolean change(String what, NasWork<T> work, Consumer<? super T> done, Consumer<String> failed) {
        return this.<Changed<T>>ask(what, n -> new Changed<>(work.on(n), n.snapshot()), c -> Optional.of(c.snapshot()),
                c -> done.accept(c.outcome()), failed);
    }

    /**
     * For the feature view models: runs {@code work} (a use case that reads the NAS itself) as one
     * request; {@code readOf} is the snapshot it read, if any, shown before {@code done} gets the
     * outcome on the UI thread; or {@code failed} gets one line.
     *
     * @return false, and nothing asked, when the NAS is not connected
     */
    <T> boolean ask(String what, NasWork<T> work, Function<? super T, Optional<NasSnapshot>> readOf,
            Consumer<? super T> done, Consumer<String> failed) {
        if (nas == null) {
            return false;
        }
        NasLink n = nas;
        requests.submit(what, () -> {
            // taken as the work starts: every read the work makes comes after it, and every read of
            // a request that starts later gets a higher number
            long order = requests.readOrder();
            T outcome = work.on(n);
            return new Asked<T>(outcome, readOf.apply(outcome).map(s -> new SnapshotRead(order, s)));
        }, a -> {
            a.read().ifPresent(this::show);
            done.accept(a.outcome());
        }, e -> failed.accept(Snippet.failure(e)));
        return true;
    }

    /** How a refusal for want of rights says to get them in the window (none on the simulator: root already). */
    SudoHint sudoHint() {
        return target.simulated() ? SudoHint.NONE : SudoHint.WINDOW;
    }

    /** The running request's latest step, in the activity line. */
    void progress(String line) {
        requests.progress(line);
    }

    /** Where results are delivered: the UI thread. */
    java.util.concurrent.Executor ui() {
        return tasks.ui();
    }

    /**
     * Runs {@code r} in the background outside this NAS's requests: for what must reach a request
     * that holds the lane (the benchmark's Stop) without blocking the UI thread on the network.
     */
    void outsideTheLane(Runnable r) {
        tasks.run(() -> {
            r.run();
            return null;
        }, x -> { }, e -> { });
    }

    /** An apply that reboots the NAS starts ({@code +1}) or ends ({@code -1}). */
    void rebooting(int delta) {
        rebooting += delta;
    }

    private SnapshotRead read(NasLink n) throws Exception {
        long order = requests.readOrder();
        return new SnapshotRead(order, n.snapshot());
    }

    /**
     * Shows {@code r} unless the snapshot shown was read later. Requests of this NAS run one at a
     * time, so reads arrive in the order they started; the check keeps that true whatever path a
     * snapshot takes, since showing an older one would undo on screen a change the newer one shows
     * (issue 14: a refresh started before a switch and finished after it showed the switch back on).
     *
     * @return whether it was shown
     */
    private boolean show(SnapshotRead r) {
        if (r.order() <= snapshotOrder.get()) {
            return false;   // older than what is shown: dropped
        }
        snapshot.set(r.snapshot());
        summary.setAll(HostSummary.of(r.snapshot()));
        devices.setAll(DeviceRow.of(r.snapshot()));
        snapshotOrder.set(r.order());
        return true;
    }

    // ---- the live stream

    private void startStream() {
        Coalescer<StreamSample> samples = new Coalescer<>(tasks.ui(), batch -> {
            charts.add(batch);
            StreamSample last = batch.get(batch.size() - 1);
            if (last.uptimeNanos().isPresent() && last.kstat().isPresent()) {
                lastSample.set(last);
            }
        });
        stream = nas.stream(STREAM_INTERVAL_MS, samples::offer, state -> tasks.ui().execute(() -> onStreamState(state)));
    }

    private void onStreamState(StreamState s) {
        if (closed || nas == null) {
            return;
        }
        if (s instanceof StreamState.Connected) {
            link.set(LinkState.CONNECTED);
            linkDetail.set(nas.destination());
            if (lostSinceConnected) {
                lostSinceConnected = false;
                charts.reconnected();
                refresh();   // through the NAS's requests, behind any change asked before the loss
            }
        } else if (s instanceof StreamState.Lost l) {
            lostSinceConnected = true;
            link.set(LinkState.RECONNECTING);
            linkDetail.set("connection lost: " + Snippet.oneLine(l.reason()));
        } else if (s instanceof StreamState.Retrying r) {
            link.set(LinkState.RECONNECTING);
            linkDetail.set("retrying in " + Math.max(1, r.delay().toSeconds()) + " s (attempt " + r.attempt() + ")");
        } else if (s instanceof StreamState.Failed f) {
            // the stream gave up for good (host key, authentication): "Try again" starts afresh
            release();
            linkDetail.set(Snippet.failure(f.cause()));
            notify(connectFailure(f.cause()));
            link.set(LinkState.FAILED);
        }
        // Connecting: the first attempt belongs to CONNECTED, later ones follow a Lost; Stopped: closed by us
    }

    private static Notice connectFailure(Exception e) {
        String msg = Snippet.failure(e);
        if (e instanceof HostKeyChanged || e instanceof HostKeyRevoked) {
            return new Notice(Notice.Level.ERROR, "Host key refused", msg);
        }
        return new Notice(Notice.Level.ERROR, "Cannot connect", msg);
    }

    /** A notice from the view (an export done or failed), shown like the NAS's own. */
    public void tell(Notice n) {
        notify(n);
    }

    void notify(Notice n) {
        notices.add(n);
        if (notices.size() > NOTICES_KEPT) {
            notices.remove(0, notices.size() - NOTICES_KEPT);
        }
    }

    /** Stops the stream and closes the connection (in the background: closing may wait on the network). */
    @Override
    public void close() {
        closed = true;
        link.set(LinkState.CLOSED);
        requests.close();
        release();
    }

    private void release() {
        ReconnectingStream s = stream;
        NasLink n = nas;
        stream = null;
        nas = null;
        // not through the requests: a request in flight (an apply waiting for a reboot) must not hold the close
        tasks.run(() -> {
            if (s != null) {
                s.close();
            }
            if (n != null) {
                n.close();
            }
            return null;
        }, x -> { }, e -> { });
    }

    /** A snapshot and the order in which its read started. */
    private record SnapshotRead(long order, NasSnapshot snapshot) {
    }

    private record Opened(NasLink link, SnapshotRead read) {
    }

    private record Changed<T>(T outcome, NasSnapshot snapshot) {
    }

    private record Asked<T>(T outcome, Optional<SnapshotRead> read) {
    }
}
