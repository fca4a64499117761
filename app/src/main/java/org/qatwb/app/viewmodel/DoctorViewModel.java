package org.qatwb.app.viewmodel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import org.qatwb.model.doctor.Doctor;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.doctor.Fix;
import org.qatwb.model.doctor.Observation;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaDataRisk;
import org.qatwb.model.zia.ZiaDecision;
import org.qatwb.model.zia.ZiaDrift;
import org.qatwb.model.zia.ZiaKeepPlan;
import org.qatwb.model.zia.ZiaKeepPreview;
import org.qatwb.model.zia.ZiaProperty;
import org.qatwb.model.zia.ZiaUseCase;

/**
 * The Doctor view: the chain examined on the NAS's latest snapshot and, for
 * {@code zfs.offload-active}, on what the counters did over the next few seconds of the live
 * stream (no extra request: the stream is already running). "Run again" reads a new snapshot first.
 */
public final class DoctorViewModel {

    /** How long the counters are watched; a second more than the CLI's default, since samples come once a second. */
    static final Duration OBSERVATION = Duration.ofSeconds(6);

    private final NasViewModel nas;
    private final ReadOnlyObjectWrapper<DoctorReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper observing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper ziaBusy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ZiaKeepPreview> ziaKeepPending = new ReadOnlyObjectWrapper<>();
    private boolean runPending;
    private StreamSample base;
    private NasSnapshot examined;
    private final ChangeListener<StreamSample> watcher = (o, a, sample) -> observed(sample);

    public DoctorViewModel(NasViewModel nas) {
        this.nas = Objects.requireNonNull(nas, "nas");
        nas.snapshotProperty().addListener((o, a, s) -> {
            if (s != null && (runPending || report.get() == null)) {
                runPending = false;
                examine(s);
            }
        });
        if (nas.snapshotProperty().get() != null) {
            examine(nas.snapshotProperty().get());
        }
    }

    /** The latest verdict; null before the first snapshot. */
    public ReadOnlyObjectProperty<DoctorReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The counters are being watched for {@code zfs.offload-active}. */
    public ReadOnlyBooleanProperty observingProperty() {
        return observing.getReadOnlyProperty();
    }

    /** A Z.I.A. property is being set; the panel's controls wait. */
    public ReadOnlyBooleanProperty ziaBusyProperty() {
        return ziaBusy.getReadOnlyProperty();
    }

    /** What {@code change} brings along on the NAS as last read, to show before it is made. */
    public List<String> consequences(ZiaChange change) {
        return decide(change) instanceof ZiaDecision.Allowed a ? a.consequences() : List.of();
    }

    /** Whether {@code change} may be made on the NAS as last read ({@link ZiaUseCase#check}, as the CLI decides it). */
    public ZiaDecision decide(ZiaChange change) {
        NasSnapshot s = nas.snapshotProperty().get();
        return s == null ? new ZiaDecision.Refused(change, "the NAS has not been read yet") : ZiaUseCase.check(s, change);
    }

    /** Why no offload may be turned on and no provider named on {@code pool}; empty when they may. */
    public Optional<String> ziaRefusal(String pool) {
        NasSnapshot s = nas.snapshotProperty().get();
        if (s == null) {
            return Optional.empty();
        }
        ZiaDataRisk risk = ZiaDataRisk.of(s, pool);
        return risk.any() ? Optional.of(risk.refusal()) : Optional.empty();
    }

    /** The kept settings of {@code pool} the pool does not show live. */
    public List<ZiaDrift> ziaDrift(String pool) {
        NasSnapshot s = nas.snapshotProperty().get();
        return s == null ? List.of() : ZiaUseCase.drift(s, s.zia().kept()).stream().filter(d -> d.pool().equals(pool)).toList();
    }

    /** The settings qatwb keeps for {@code pool}, by property; empty when none. */
    public Map<ZiaProperty, String> ziaKeptOf(String pool) {
        NasSnapshot s = nas.snapshotProperty().get();
        return s == null ? Map.of() : s.zia().kept().of(pool);
    }

    /** Both re-apply hooks (boot unit, ZED zedlet) are in place on the NAS. */
    public boolean ziaHooked() {
        NasSnapshot s = nas.snapshotProperty().get();
        return s != null && s.zia().hooked();
    }

    /** What keeping {@code pool}'s live settings would do, or why not. */
    public Optional<ZiaKeepPlan> ziaKeepPlan(String pool) {
        NasSnapshot s = nas.snapshotProperty().get();
        return s == null ? Optional.empty() : Optional.of(ZiaUseCase.keep(s, s.zia().kept(), pool));
    }

    /**
     * Sets one Z.I.A. pool property, then examines the NAS again. One at a time; a change the use
     * case refuses is not made (the panel has said why).
     */
    public void changeZia(ZiaChange change) {
        if (ziaBusy.get() || decide(change) instanceof ZiaDecision.Refused) {
            return;
        }
        ziaBusy.set(true);
        runPending = true;
        nas.setPoolProperty(change, () -> ziaBusy.set(false));
    }

    /** The keep waiting for the user's yes (its diff is shown); null when none. */
    public ReadOnlyObjectProperty<ZiaKeepPreview> ziaKeepPendingProperty() {
        return ziaKeepPending.getReadOnlyProperty();
    }

    /**
     * "Keep these settings": what keeping {@code pool}'s live settings writes, held for the user's
     * yes; nothing is written. Nothing is offered while a change runs, or for a refused keep.
     */
    public void offerZiaKeep(String pool) {
        preview(pool).ifPresent(ziaKeepPending::set);
    }

    /**
     * The user said yes: keeps the pending pool's live Z.I.A. settings on the NAS (with the re-apply
     * hooks), then examines again; unless what it would write changed since the diff was shown (the
     * NAS was read again meanwhile), when nothing is written and the new preview is pending instead.
     */
    public void confirmZiaKeep() {
        ZiaKeepPreview shown = ziaKeepPending.get();
        if (shown == null) {
            return;
        }
        ziaKeepPending.set(null);
        Optional<ZiaKeepPreview> now = preview(shown.plan().pool());
        if (now.isEmpty() || !now.get().equals(shown)) {
            now.ifPresent(ziaKeepPending::set);
            return;
        }
        ziaBusy.set(true);
        runPending = true;
        nas.ziaHooks(shown.plan().pool(), Optional.of(shown.plan()), () -> ziaBusy.set(false));
    }

    /** The user said no: nothing is written. */
    public void cancelZiaKeep() {
        ziaKeepPending.set(null);
    }

    private Optional<ZiaKeepPreview> preview(String pool) {
        NasSnapshot s = nas.snapshotProperty().get();
        Optional<ZiaKeepPlan> plan = ziaKeepPlan(pool);
        if (ziaBusy.get() || s == null || plan.isEmpty() || plan.get().refusal().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(ZiaKeepPreview.of(s.zia(), plan.get()));
    }

    /** Sets {@code pool}'s kept Z.I.A. settings again now, then examines again. */
    public void reapplyZia(String pool) {
        if (ziaBusy.get()) {
            return;
        }
        ziaBusy.set(true);
        runPending = true;
        nas.ziaHooks(pool, Optional.empty(), () -> ziaBusy.set(false));
    }

    /** Reads the NAS again, then examines it. */
    public void runAgain() {
        runPending = true;
        nas.refresh();
    }

    /**
     * Applies a fix that is a parameter or the keep-after-reboot plan, through the same paths as
     * the switches; a file fix goes through the diff-and-apply path, a command fix is for a human.
     *
     * @return whether the fix was started here
     */
    public boolean apply(Fix fix) {
        return apply(fix, false);
    }

    /**
     * {@link #apply(Fix)}; {@code replaceEdited}: the user chose to replace a keep-after-reboot unit
     * or script edited by hand (otherwise such a plan is not carried out).
     */
    public boolean apply(Fix fix, boolean replaceEdited) {
        // pending first: the new snapshot the fix brings may arrive before the call returns
        if (fix instanceof Fix.ParamFix p) {
            runPending = true;
            nas.paramSwitch(p.param()).request(p.value() == 0);
            return true;
        }
        if (fix instanceof Fix.PersistFix p) {
            runPending = true;
            nas.keepAfterReboot(p.plan(), replaceEdited);
            return true;
        }
        return false;
    }

    private void examine(NasSnapshot s) {
        examined = s;
        stopObserving();
        DoctorReport r = Doctor.examine(s, Optional.empty());
        report.set(r);
        if (r.wantsObservation() && nas.lastSampleProperty().get() != null) {
            base = nas.lastSampleProperty().get();
            observing.set(true);
            nas.lastSampleProperty().addListener(watcher);
        }
    }

    private void observed(StreamSample later) {
        if (later == null || base == null) {
            return;
        }
        long elapsed = later.uptimeNanos().getAsLong() - base.uptimeNanos().getAsLong();
        if (elapsed < OBSERVATION.toNanos() && elapsed > 0) {
            return;
        }
        Observation o = Observation.between(base.uptimeNanos().getAsLong(), base.kstat().get(),
                later.uptimeNanos().getAsLong(), later.kstat().get());
        stopObserving();
        report.set(Doctor.examine(examined, Optional.of(o)));
    }

    private void stopObserving() {
        nas.lastSampleProperty().removeListener(watcher);
        observing.set(false);
        base = null;
    }
}
