package org.qatwb.app.viewmodel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.qatwb.app.usecase.KeepZia;
import org.qatwb.app.usecase.SetPoolProperty;
import org.qatwb.model.history.EventKind;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaDecision;
import org.qatwb.model.zia.ZiaDrift;
import org.qatwb.model.zia.ZiaKeepPlan;
import org.qatwb.model.zia.ZiaKeepPreview;
import org.qatwb.model.zia.ZiaProperty;
import org.qatwb.model.zia.plan.ZiaDataRisk;
import org.qatwb.model.zia.plan.ZiaUseCase;

/**
 * Z.I.A. on the NAS's pools (the doctor's Z.I.A. panel): what a change would bring along or why it
 * is refused, setting one pool property, keeping a pool's live settings (after the user's yes to
 * the diff), and setting the kept ones again. One change at a time ({@link #busyProperty()}); what
 * came of the latest is {@link #outcomeProperty()}. Through the use cases {@code qatwb zia} runs
 * too ({@link SetPoolProperty}, {@link KeepZia}), in their words. UI thread only.
 */
public final class ZiaViewModel {

    private final NasViewModel nas;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ZiaKeepPreview> keepPending = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Notice> outcome = new ReadOnlyObjectWrapper<>();

    ZiaViewModel(NasViewModel nas) {
        this.nas = nas;
    }

    /** A Z.I.A. change is on its way to the NAS; the panel's controls wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What came of the latest change: null before the first. */
    public ReadOnlyObjectProperty<Notice> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** What {@code change} brings along on the NAS as last read, to show before it is made. */
    public List<String> consequences(ZiaChange change) {
        return decide(change) instanceof ZiaDecision.Allowed a ? a.consequences() : List.of();
    }

    /** Whether {@code change} may be made on the NAS as last read ({@link ZiaUseCase#check}, as the CLI decides it). */
    public ZiaDecision decide(ZiaChange change) {
        NasSnapshot s = snapshot();
        return s == null ? new ZiaDecision.Refused(change, "the NAS has not been read yet") : SetPoolProperty.check(s, change);
    }

    /** Why no offload may be turned on and no provider named on {@code pool}; empty when they may. */
    public Optional<String> refusal(String pool) {
        NasSnapshot s = snapshot();
        if (s == null) {
            return Optional.empty();
        }
        ZiaDataRisk risk = ZiaDataRisk.of(s, pool);
        return risk.any() ? Optional.of(risk.refusal()) : Optional.empty();
    }

    /** The kept settings of {@code pool} the pool does not show live. */
    public List<ZiaDrift> drift(String pool) {
        NasSnapshot s = snapshot();
        return s == null ? List.of() : ZiaUseCase.drift(s, s.zia().kept()).stream().filter(d -> d.pool().equals(pool)).toList();
    }

    /** The settings qatwb keeps for {@code pool}, by property; empty when none. */
    public Map<ZiaProperty, String> keptOf(String pool) {
        NasSnapshot s = snapshot();
        return s == null ? Map.of() : s.zia().kept().of(pool);
    }

    /** Both re-apply hooks (boot unit, ZED zedlet) are in place on the NAS. */
    public boolean hooked() {
        NasSnapshot s = snapshot();
        return s != null && s.zia().hooked();
    }

    /** What keeping {@code pool}'s live settings would do, or why not. */
    public Optional<ZiaKeepPlan> keepPlan(String pool) {
        NasSnapshot s = snapshot();
        return s == null ? Optional.empty() : Optional.of(ZiaUseCase.keep(s, s.zia().kept(), pool));
    }

    /**
     * Sets one Z.I.A. pool property through {@link SetPoolProperty} ({@code qatwb zia set}'s use
     * case), then reads the NAS again. One at a time; a change the use case refuses is not made:
     * the outcome says why (the panel has said it already, so it is no notice).
     */
    public void change(ZiaChange change) {
        if (busy.get()) {
            return;
        }
        ZiaDecision d = decide(change);
        if (d instanceof ZiaDecision.Refused r) {
            outcome.set(Notice.of(SetPoolProperty.refused(r)));
            return;
        }
        ZiaDecision.Allowed allowed = (ZiaDecision.Allowed) d;
        String what = change.property().wire() + "=" + change.value();
        run("Setting " + what + " on pool " + change.pool(), n -> new SetPoolProperty(n.agent(), nas.sudoHint()).set(allowed),
                (SetPoolProperty.Result r) -> {
                    if (r.ok()) {
                        nas.charts().mark(EventKind.PARAM_CHANGE, change.pool() + " " + what);
                    }
                    said(Notice.of(r.message()));
                }, change.property().wire() + " not changed");
    }

    /** The keep waiting for the user's yes (its diff is shown); null when none. */
    public ReadOnlyObjectProperty<ZiaKeepPreview> keepPendingProperty() {
        return keepPending.getReadOnlyProperty();
    }

    /**
     * "Keep these settings": what keeping {@code pool}'s live settings writes, held for the user's
     * yes; nothing is written. Nothing is offered while a change runs, or for a refused keep.
     */
    public void offerKeep(String pool) {
        preview(pool).ifPresent(keepPending::set);
    }

    /**
     * The user said yes: keeps the pending pool's live Z.I.A. settings on the NAS (with the re-apply
     * hooks), then reads it again; unless what it would write changed since the diff was shown (the
     * NAS was read again meanwhile), when nothing is written and the new preview is pending instead.
     */
    public void confirmKeep() {
        ZiaKeepPreview shown = keepPending.get();
        if (shown == null) {
            return;
        }
        keepPending.set(null);
        Optional<ZiaKeepPreview> now = preview(shown.plan().pool());
        if (now.isEmpty() || !now.get().equals(shown)) {
            now.ifPresent(keepPending::set);
            return;
        }
        String what = KeepZia.keepWhat(shown.plan().pool());
        run(what, n -> new KeepZia(n.agent(), nas.sudoHint()).keep(shown.plan()), (KeepZia.Result r) -> said(Notice.of(r.message())),
                what + " failed");
    }

    /** The user said no: nothing is written. */
    public void cancelKeep() {
        keepPending.set(null);
    }

    /** Sets {@code pool}'s kept Z.I.A. settings again now, then reads the NAS again. */
    public void reapply(String pool) {
        if (busy.get()) {
            return;
        }
        String what = KeepZia.reapplyWhat(Optional.of(pool));
        run(what, n -> new KeepZia(n.agent(), nas.sudoHint()).reapply(Optional.of(pool)), (KeepZia.Result r) -> said(Notice.of(r.message())),
                what + " failed");
    }

    /** The use case's outcome; a notice of the tab only when something went wrong (a done change shows itself). */
    private void said(Notice n) {
        if (n.level() == Notice.Level.INFO) {
            outcome.set(n);
        } else {
            tell(n);
        }
    }

    private <T> void run(String what, NasViewModel.NasWork<T> work, java.util.function.Consumer<T> done, String failedTitle) {
        // busy before asking: on the synchronous executor the answer comes before change() returns
        busy.set(true);
        boolean asked = nas.change(what, work, (T o) -> {
            busy.set(false);
            done.accept(o);
        }, failure -> {
            busy.set(false);
            tell(new Notice(Notice.Level.ERROR, failedTitle, failure));
        });
        if (!asked) {
            busy.set(false);
        }
    }

    private Optional<ZiaKeepPreview> preview(String pool) {
        NasSnapshot s = snapshot();
        Optional<ZiaKeepPlan> plan = keepPlan(pool);
        if (busy.get() || s == null || plan.isEmpty() || plan.get().refusal().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(ZiaKeepPreview.of(s.zia(), plan.get()));
    }

    private NasSnapshot snapshot() {
        return nas.snapshotProperty().get();
    }

    private void tell(Notice n) {
        outcome.set(n);
        nas.notify(n);
    }
}
