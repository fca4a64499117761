package org.qatwb.app.viewmodel;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.qatwb.app.apply.ApplyProgress;
import org.qatwb.app.apply.ApplyRequest;
import org.qatwb.app.apply.ApplyResult;
import org.qatwb.app.apply.When;
import org.qatwb.app.tasks.BackgroundTasks;
import org.qatwb.app.tasks.Coalescer;
import org.qatwb.app.workbench.DeviceRow;
import org.qatwb.app.workbench.HostSummary;
import org.qatwb.app.workbench.NasLink;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.app.workbench.StatusLine;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.FileChange;
import org.qatwb.model.apply.RestorePoint;
import org.qatwb.model.apply.TxRecord;
import org.qatwb.model.history.EventKind;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.persist.PersistOutcome;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.irq.IrqPinOutcome;
import org.qatwb.model.irq.IrqPinPlan;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaSetOutcome;
import org.qatwb.ssh.HostKeyChanged;
import org.qatwb.ssh.HostKeyRevoked;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.StreamState;
import org.qatwb.ssh.agent.SetParamOutcome;

/**
 * One NAS tab: the connection, the latest snapshot and what the dashboard derives from it, the
 * offload switches, the live charts. Read-only properties out, command methods in; every NAS
 * request runs through {@link BackgroundTasks} and lands back on the UI thread.
 */
public final class NasViewModel implements AutoCloseable {

    /** One sample a second: the charts' resolution, and a negligible load on the NAS (docs/benchmarks.md). */
    public static final int STREAM_INTERVAL_MS = 1000;
    static final int NOTICES_KEPT = 50;

    private final NasTarget target;
    private final NasOpener opener;
    private final BackgroundTasks tasks;
    private final LiveChartsViewModel charts;
    private final Map<ZfsParam, ParamSwitchViewModel> switches = new EnumMap<>(ZfsParam.class);

    private final ReadOnlyObjectWrapper<LinkState> link = new ReadOnlyObjectWrapper<>(LinkState.CONNECTING);
    private final ReadOnlyStringWrapper linkDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<NasSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StatusLine> summary = FXCollections.observableArrayList();
    private final ObservableList<StatusLine> summaryView = FXCollections.unmodifiableObservableList(summary);
    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    private final ObservableList<DeviceRow> devicesView = FXCollections.unmodifiableObservableList(devices);
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
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
        for (ZfsParam p : ZfsParam.values()) {
            switches.put(p, new ParamSwitchViewModel(p, this::setParam));
        }
    }

    public NasTarget target() {
        return target;
    }

    public LiveChartsViewModel charts() {
        return charts;
    }

    public ParamSwitchViewModel paramSwitch(ZfsParam p) {
        return switches.get(p);
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

    /** Requests in flight; the view shows progress when one takes longer than 200 ms. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the latest request in flight does, in a few words. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
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
        begin("Connecting");
        tasks.run(() -> {
            NasLink opened = opener.open(target);
            try {
                return new Opened(opened, opened.snapshot());
            } catch (Exception e) {
                opened.close();
                throw e;
            }
        }, o -> {
            end();
            if (closed) {
                o.link().close();
                return;
            }
            nas = o.link();
            link.set(LinkState.CONNECTED);
            linkDetail.set(nas.destination());
            show(o.snapshot());
            BootNotices.of(o.snapshot().pendingLayout(), o.snapshot().lastBootCheck()).forEach(this::notify);
            startStream();
        }, e -> {
            end();
            // detail and notice first: whoever watches the state reads them when it turns FAILED
            linkDetail.set(Snippet.oneLine(String.valueOf(e.getMessage())));
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
        begin("Reading the NAS");
        tasks.run(n::snapshot, s -> {
            end();
            NasSnapshot before = snapshot.get();
            show(s);
            // a boot check that ran since the last snapshot (the NAS rebooted, and this is the
            // stream's reconnect): said as on connect; an apply that rebooted says it itself
            if (rebooting == 0 && before != null && !before.lastBootCheck().equals(s.lastBootCheck())) {
                BootNotices.of(Optional.empty(), s.lastBootCheck()).forEach(this::notify);
            }
        }, e -> {
            end();
            notify(new Notice(Notice.Level.ERROR, "Refresh failed", Snippet.oneLine(String.valueOf(e.getMessage()))));
        });
    }

    private void setParam(ZfsParam p, boolean on) {
        if (nas == null) {
            return;
        }
        NasLink n = nas;
        ParamSwitchViewModel sw = switches.get(p);
        sw.setPending(true);
        begin((on ? "Turning on " : "Turning off ") + sw.label().toLowerCase(Locale.ROOT) + " offload");
        tasks.run(() -> {
            SetParamOutcome outcome = n.setParam(p, on);
            return new Changed(outcome, n.snapshot());
        }, c -> {
            end();
            sw.setPending(false);
            report(sw, on, c.outcome());
            show(c.snapshot());
        }, e -> {
            end();
            sw.setPending(false);
            notify(new Notice(Notice.Level.ERROR, sw.label() + " offload not changed", Snippet.oneLine(String.valueOf(e.getMessage()))));
        });
    }

    /**
     * Sets one Z.I.A. pool property, then reads the NAS again; {@code done} runs afterwards
     * whatever happened (the view's controls wait for it).
     */
    public void setPoolProperty(ZiaChange change, Runnable done) {
        if (nas == null) {
            done.run();
            return;
        }
        NasLink n = nas;
        String what = change.property().wire() + "=" + change.value();
        begin("Setting " + what + " on pool " + change.pool());
        tasks.run(() -> new PoolChanged(n.setPoolProperty(change), n.snapshot()), c -> {
            end();
            show(c.snapshot());
            ZiaSetOutcome o = c.outcome();
            if (o.ok()) {
                charts.mark(EventKind.PARAM_CHANGE, change.pool() + " " + what);
            } else {
                notify(new Notice(Notice.Level.ERROR, change.property().wire() + " not changed", switch (o.status()) {
                    case DENIED -> "Not permitted: " + o.message()
                            + (target.simulated() ? "" : " (connect as root, or enable sudo for this connection)");
                    case ABSENT -> "this NAS has no zpool command";
                    case OK -> "zpool took it, but pool " + change.pool() + " reads "
                            + o.after().map(p -> p.properties().getOrDefault(change.property().wire(), "nothing"))
                            .orElse("nothing back");
                    default -> o.message().isEmpty() ? o.status().wire() : org.qatwb.model.zia.ZiaUseCase.explain(o.message());
                }));
            }
            done.run();
        }, e -> {
            end();
            notify(new Notice(Notice.Level.ERROR, change.property().wire() + " not changed",
                    Snippet.oneLine(String.valueOf(e.getMessage()))));
            done.run();
        });
    }

    /**
     * Keeps a pool's Z.I.A. settings (the plan {@code ZiaUseCase.keep} made), or with {@code plan}
     * empty sets the kept ones of {@code pool} again; then reads the NAS again. {@code done} runs
     * afterwards whatever happened.
     */
    public void ziaHooks(String pool, Optional<org.qatwb.model.zia.ZiaKeepPlan> plan, Runnable done) {
        if (nas == null) {
            done.run();
            return;
        }
        NasLink n = nas;
        String what = plan.isPresent() ? "Keeping the Z.I.A. settings of pool " + pool
                : "Setting the kept Z.I.A. settings of pool " + pool + " again";
        begin(what);
        tasks.run(() -> new ZiaHooked(plan.isPresent() ? n.keepZia(plan.get()) : n.reapplyZia(Optional.of(pool)),
                n.snapshot()), r -> {
            end();
            show(r.snapshot());
            r.outcome().failure().ifPresent(f -> notify(new Notice(Notice.Level.ERROR, what + " failed",
                    f.name() + " " + f.status().wire() + (f.message().isEmpty() ? "" : ": " + f.message()))));
            done.run();
        }, e -> {
            end();
            notify(new Notice(Notice.Level.ERROR, what + " failed", Snippet.oneLine(String.valueOf(e.getMessage()))));
            done.run();
        });
    }

    /**
     * What "Keep after reboot" would change to keep the offloads that are on now (all off: remove
     * what keeps them); empty before the first snapshot. The view shows its diff before
     * {@link #keepAfterReboot(PersistPlan, boolean)}.
     */
    public Optional<PersistPlan> keepAfterRebootPlan() {
        NasSnapshot s = snapshot.get();
        if (s == null) {
            return Optional.empty();
        }
        Set<ZfsParam> on = EnumSet.noneOf(ZfsParam.class);
        for (ZfsParam p : ZfsParam.values()) {
            if (switches.get(p).getState() == ParamState.ON) {
                on.add(p);
            }
        }
        return Optional.of(PersistPlan.of(s.persistence(), on));
    }

    /**
     * Whether carrying out {@code plan} replaces a unit or init script edited by hand (ours changed,
     * or several with our comment): the view then says so and asks, with Cancel as the default.
     */
    public static boolean replacesHandEdit(PersistPlan plan) {
        return plan.changes() && plan.current() instanceof PersistState.Foreign;
    }

    /**
     * Carries out a plan the user has seen: the agent writes exactly the plan's text. A hand edit is
     * replaced only when {@code replaceEdited} says the user chose that; and nothing is written when
     * what keeps the parameters at boot is no longer what the plan was made from (an edit since the
     * diff was shown): the NAS is read again first.
     */
    public void keepAfterReboot(PersistPlan plan, boolean replaceEdited) {
        if (nas == null || !plan.changes()) {
            return;
        }
        if (replacesHandEdit(plan) && !replaceEdited) {
            notify(new Notice(Notice.Level.WARNING, "Not kept after reboot", "What keeps the parameters at boot was edited"
                    + " by hand (" + Snippet.oneLine(((PersistState.Foreign) plan.current()).reason())
                    + "); it is replaced only when you choose to replace it."));
            return;
        }
        NasLink n = nas;
        begin("Keeping the offload settings after reboot");
        tasks.run(() -> {
            NasSnapshot now = n.snapshot();
            if (!now.persistence().equals(plan.current())) {
                return new Persisted(Optional.empty(), now);
            }
            return new Persisted(Optional.of(n.persistParams(plan.keep())), n.snapshot());
        }, r -> {
            end();
            show(r.snapshot());
            if (r.outcome().isEmpty()) {
                notify(new Notice(Notice.Level.WARNING, "Not kept after reboot", "What keeps the parameters at boot"
                        + " changed on the NAS since the change was shown (now " + persistenceSummary(r.snapshot())
                        + "); nothing was written. Keep… shows the change from what is there now."));
            } else if (r.outcome().get().ok()) {
                notify(new Notice(Notice.Level.INFO, "Kept after reboot", plan.keep().isEmpty()
                        ? "Nothing sets the parameters at boot any more."
                        : "At every boot, after qat.service, ZFS's QAT offload is turned on for " + names(plan.keep()) + "."));
            } else {
                notify(new Notice(Notice.Level.ERROR, "Not kept after reboot", r.outcome().get().failure()
                        .map(st -> st.name() + ": " + Snippet.oneLine(st.message())).orElse("the NAS did not confirm the change")));
            }
        }, e -> {
            end();
            notify(new Notice(Notice.Level.ERROR, "Not kept after reboot", Snippet.oneLine(String.valueOf(e.getMessage()))));
        });
    }

    /**
     * Pins a VF's completion interrupt as {@code plan} says (now, and after every boot), then reads
     * the NAS again; {@code done} gets the outcome on the FX thread. The plan is {@code IrqPinPlan.of},
     * the same use case as {@code qatwb irq pin}.
     */
    public void pinIrq(IrqPinPlan plan, Consumer<IrqPinOutcome> done) {
        pinIrq(plan, done, message -> { });
    }

    /** The same; {@code failed} gets one line when the NAS could not be asked (not connected, connection lost). */
    public void pinIrq(IrqPinPlan plan, Consumer<IrqPinOutcome> done, Consumer<String> failed) {
        if (nas == null) {
            failed.accept("not connected to the NAS");
            return;
        }
        NasLink n = nas;
        begin("Pinning " + plan.pin().irqName() + " to CPU " + plan.pin().cpu());
        tasks.run(() -> new IrqPinned(n.pinIrqs(plan.pins(), plan.irqbalance()), n.snapshot()), r -> {
            end();
            show(r.snapshot());
            if (r.outcome().failure().isEmpty()) {
                notify(new Notice(Notice.Level.INFO, "Interrupt pinned", plan.pin().irqName() + " (" + plan.pin().vfBsf()
                        + ") is delivered to CPU " + plan.pin().cpu() + ", and pinned again at every boot"
                        + (plan.irqbalance().isPresent() ? "; irqbalance leaves it alone (qatwb's policy script)." : ".")));
            } else {
                notify(new Notice(Notice.Level.ERROR, "Not pinned", r.outcome().failure()
                        .map(st -> st.name() + ": " + Snippet.oneLine(st.message())).orElse("")));
            }
            done.accept(r.outcome());
        }, e -> {
            end();
            notify(new Notice(Notice.Level.ERROR, "Not pinned", Snippet.oneLine(String.valueOf(e.getMessage()))));
            failed.accept(Snippet.oneLine(String.valueOf(e.getMessage())));
        });
    }

    private record IrqPinned(IrqPinOutcome outcome, NasSnapshot snapshot) {
    }

    /**
     * Writes one file on the NAS as a staged transaction (checked against the bytes the snapshot
     * read, backed up, written atomically), then reads the NAS again: how the doctor's file fixes
     * are applied.
     */
    public void writeFile(String path, byte[] before, byte[] after) {
        ApplyRequest.Files file = new ApplyRequest.Files(List.of(new FileChange(path,
                before.length == 0 ? Optional.empty() : Optional.of(before), after)), Set.of());
        apply(new ApplyRequest(file, When.STAGE, ApplyPlan.DEFAULT_CONFIRM_TIMEOUT, ApplyRequest.DEFAULT_REBOOT_LIMIT), r -> { });
    }

    /**
     * Whether "Restart QAT now" can apply a layout on this NAS now: empty when it can (or when that
     * is not known: the NAS then says at the restart), else why not, in a sentence the apply dialogs
     * show. ZFS's started instances hold their devices and the driver refuses to stop a device in
     * use (docs/driver/dev-cfg-and-busy.md); the snapshot reads that from the QAT modules' counts.
     */
    public Optional<String> restartCannotApply() {
        NasSnapshot s = snapshot.get();
        if (s == null || !s.qatHeldByZfs().orElse(false)) {
            return Optional.empty();
        }
        return Optional.of("ZFS holds the QAT devices and the driver refuses to stop a device in use:"
                + " stage it for the next boot, or apply and reboot.");
    }

    /**
     * Runs {@code request} on the background executor through the use case the CLI runs too
     * ({@link org.qatwb.app.apply.ApplyUseCase}): the transaction, the confirm of a verified restart
     * over a new connection, and for a reboot (the user confirmed it in the dialog) the wait for the
     * NAS and its boot check, each step shown in the activity line. Then the NAS is read again, so
     * that every view shows it as it is now, the outcome is notified and handed to {@code done}.
     */
    public void apply(ApplyRequest request, Consumer<ApplyResult> done) {
        if (nas == null) {
            return;
        }
        NasLink n = nas;
        String what = switch (request.when()) {
            case STAGE -> "Writing the files for the next boot";
            case RESTART -> "Applying and restarting QAT";
            case REBOOT -> "Staging the files and rebooting the NAS";
        };
        begin(request.source() instanceof ApplyRequest.Restore r ? what + " (back to transaction " + r.txId() + ")" : what);
        if (request.when() == When.RESTART) {
            charts.mark(EventKind.RESTART, "QAT restart");
        }
        boolean reboot = request.when() == When.REBOOT;
        if (reboot) {
            rebooting++;
        }
        tasks.run(() -> {
            ApplyResult r = n.apply(request, p -> tasks.ui().execute(() -> progress(p)));
            return new Applied(r, n.snapshot());
        }, a -> {
            end();
            if (reboot) {
                rebooting--;
            }
            if (a.result().rebooted()) {
                charts.mark(EventKind.RESTART, "NAS rebooted");
            }
            show(a.snapshot());
            notify(ApplyNotices.of(a.result()));
            done.accept(a.result());
        }, e -> {
            end();
            if (reboot) {
                rebooting--;
            }
            notify(new Notice(Notice.Level.ERROR, "Not applied", Snippet.oneLine(String.valueOf(e.getMessage()))));
        });
    }

    /** A step or a line of the wait, in the activity line while the apply runs. */
    private void progress(ApplyProgress p) {
        if (running.get() == 0) {
            return;
        }
        if (p instanceof ApplyProgress.Step s) {
            activity.set((s.step().ok() ? "" : "Failed: ") + Snippet.oneLine(s.step().line()));
        } else if (p instanceof ApplyProgress.Note note) {
            activity.set(capitalised(note.line()));
        } else if (p instanceof ApplyProgress.Waiting w) {
            activity.set("Rebooting the NAS: " + w.line());
        }
    }

    private static String capitalised(String line) {
        return line.isEmpty() ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }

    /** The NAS's applied transactions, newest first, for the history list. */
    public void loadHistory(Consumer<List<TxRecord>> done) {
        if (nas == null) {
            return;
        }
        NasLink n = nas;
        begin("Reading the transaction history");
        tasks.run(n::history, h -> {
            end();
            List<TxRecord> newest = new java.util.ArrayList<>(h);
            newest.sort(java.util.Comparator.comparing(TxRecord::time).reversed());
            done.accept(newest);
        }, e -> {
            end();
            notify(new Notice(Notice.Level.ERROR, "History not read", Snippet.oneLine(String.valueOf(e.getMessage()))));
        });
    }

    /**
     * Puts back the files of transaction {@code txId} as they were {@code point} it, as a new
     * transaction through the same use case (checks, backups, restart and rollback timer, or reboot).
     */
    public void restore(String txId, RestorePoint point, When when, Consumer<ApplyResult> done) {
        apply(new ApplyRequest(new ApplyRequest.Restore(txId, point), when, ApplyPlan.DEFAULT_CONFIRM_TIMEOUT,
                ApplyRequest.DEFAULT_REBOOT_LIMIT), done);
    }

    /** Which offloads a reboot keeps on, in words, from the latest snapshot. */
    public static String persistenceSummary(NasSnapshot s) {
        PersistState p = s.persistence();
        if (p instanceof PersistState.Kept k) {
            return k.enabled() ? "kept at boot: " + names(k.params()) : "a boot unit exists but is disabled";
        }
        if (p instanceof PersistState.Foreign f) {
            return "edited by hand: " + f.reason();
        }
        if (p instanceof PersistState.Unreadable u) {
            return "unknown: " + u.reason();
        }
        return "not kept: after a reboot ZFS decides (off if QAT was not up when zfs.ko loaded)";
    }

    private static String names(Set<ZfsParam> params) {
        return params.isEmpty() ? "none" : String.join(", ", params.stream().map(ZfsParam::shortName).toList());
    }

    private void report(ParamSwitchViewModel sw, boolean on, SetParamOutcome o) {
        String what = sw.label() + " offload";
        if (o.status() == ItemStatus.OK) {
            charts.mark(EventKind.PARAM_CHANGE, what + (on ? " on" : " off"));
            return;
        }
        Notice n = switch (o.status()) {
            case EPERM -> new Notice(Notice.Level.ERROR, "QAT initialisation failed",
                    "ZFS could not start QAT for " + sw.label().toLowerCase(Locale.ROOT) + " (the kernel refused the"
                            + " write with EPERM). Check that qat.service is active, that all devices are up, and that"
                            + " the conf files have interrupt-mode [KERNEL_QAT] instances for this service.");
            case DENIED -> new Notice(Notice.Level.ERROR, what + " not changed",
                    "Not permitted: " + o.message() + (target.simulated() ? "" : " (connect as root, or enable sudo for this connection)"));
            case ABSENT -> new Notice(Notice.Level.WARNING, what + " not changed", "this zfs.ko has no QAT parameters");
            default -> new Notice(Notice.Level.ERROR, what + " not changed", o.message().isEmpty() ? o.status().wire() : o.message());
        };
        notify(n);
    }

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
        if (closed) {
            return;
        }
        if (s instanceof StreamState.Connected) {
            link.set(LinkState.CONNECTED);
            linkDetail.set(nas.destination());
            if (lostSinceConnected) {
                lostSinceConnected = false;
                charts.reconnected();
                refresh();
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
            linkDetail.set(Snippet.oneLine(String.valueOf(f.cause().getMessage())));
            notify(connectFailure(f.cause()));
            link.set(LinkState.FAILED);
        }
        // Connecting: the first attempt belongs to CONNECTED, later ones follow a Lost; Stopped: closed by us
    }

    private void show(NasSnapshot s) {
        snapshot.set(s);
        summary.setAll(HostSummary.of(s));
        devices.setAll(DeviceRow.of(s));
        switches.values().forEach(sw -> sw.update(s));
    }

    private static Notice connectFailure(Exception e) {
        String msg = Snippet.oneLine(String.valueOf(e.getMessage()));
        if (e instanceof HostKeyChanged || e instanceof HostKeyRevoked) {
            return new Notice(Notice.Level.ERROR, "Host key refused", msg);
        }
        return new Notice(Notice.Level.ERROR, "Cannot connect", msg);
    }

    /** A notice from the view (an export done or failed), shown like the NAS's own. */
    public void tell(Notice n) {
        notify(n);
    }

    private void notify(Notice n) {
        notices.add(n);
        if (notices.size() > NOTICES_KEPT) {
            notices.remove(0, notices.size() - NOTICES_KEPT);
        }
    }

    private void begin(String what) {
        activity.set(what);
        running.set(running.get() + 1);
    }

    private void end() {
        running.set(running.get() - 1);
        if (running.get() == 0) {
            activity.set("");
        }
    }

    /** Stops the stream and closes the connection (in the background: closing may wait on the network). */
    @Override
    public void close() {
        closed = true;
        link.set(LinkState.CLOSED);
        release();
    }

    private void release() {
        ReconnectingStream s = stream;
        NasLink n = nas;
        stream = null;
        nas = null;
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

    private record Opened(NasLink link, NasSnapshot snapshot) {
    }

    private record Applied(ApplyResult result, NasSnapshot snapshot) {
    }

    /** The outcome is empty when nothing was written: the NAS no longer held what the plan was made from. */
    private record Persisted(Optional<PersistOutcome> outcome, NasSnapshot snapshot) {
    }

    private record ZiaHooked(org.qatwb.model.zia.ZiaHookOutcome outcome, NasSnapshot snapshot) {
    }

    private record PoolChanged(ZiaSetOutcome outcome, NasSnapshot snapshot) {
    }

    private record Changed(SetParamOutcome outcome, NasSnapshot snapshot) {
    }
}
