package org.qatwb.app.viewmodel;

import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import org.qatwb.app.usecase.CounterObservation;
import org.qatwb.app.usecase.Diagnose;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.doctor.Fix;
import org.qatwb.model.doctor.Observation;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.StreamSample;

/**
 * The Doctor view: the chain examined on the NAS's latest snapshot and, for
 * {@code zfs.offload-active}, on what the counters did over the next
 * {@link CounterObservation#DEFAULT} of the NAS's clock in the live stream (no extra request: the
 * stream is already running), the rule and span {@code qatwb doctor} observes with too. Every snapshot the tab shows is
 * examined ("Run again" asks for one); its Z.I.A. panel is the tab's {@link NasViewModel#zia()}.
 */
public final class DoctorViewModel {

    private final NasViewModel nas;
    private final ReadOnlyObjectWrapper<DoctorReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper observing = new ReadOnlyBooleanWrapper();
    /** The counters being watched (one rule for the CLI and the window: {@link CounterObservation}); null when not. */
    private CounterObservation watch;
    private NasSnapshot examined;
    private final ChangeListener<StreamSample> watcher = (o, a, sample) -> observed(sample);

    public DoctorViewModel(NasViewModel nas) {
        this.nas = Objects.requireNonNull(nas, "nas");
        // every snapshot shown is examined, whoever asked for it (Run again, a fix, a switch on the
        // dashboard, a Z.I.A. change): the verdict is always about the NAS as last read
        nas.snapshotOrderProperty().addListener((o, a, b) -> {
            if (nas.snapshotProperty().get() != null) {
                examine(nas.snapshotProperty().get());
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

    /** Reads the NAS again, then examines it. */
    public void runAgain() {
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
        if (fix instanceof Fix.ParamFix p) {
            nas.offload().paramSwitch(p.param()).request(p.value() == 0);
            return true;
        }
        if (fix instanceof Fix.PersistFix p) {
            nas.offload().keep(p.plan(), replaceEdited);
            return true;
        }
        return false;
    }

    private void examine(NasSnapshot s) {
        examined = s;
        stopObserving();
        DoctorReport r = Diagnose.examine(s);
        report.set(r);
        StreamSample now = nas.lastSampleProperty().get();
        if (Diagnose.worthWatching(s, r) && now != null) {
            watch = new CounterObservation();
            watch.offer(now);
            observing.set(true);
            nas.lastSampleProperty().addListener(watcher);
        }
    }

    /** The next sample of the live stream, to the same rule and span as {@code qatwb doctor --observe}. */
    private void observed(StreamSample later) {
        if (later == null || watch == null) {
            return;
        }
        Optional<Observation> o = watch.offer(later);
        if (o.isPresent()) {
            stopObserving();
            report.set(Diagnose.examine(examined, o.get()));
        }
    }

    private void stopObserving() {
        nas.lastSampleProperty().removeListener(watcher);
        observing.set(false);
        watch = null;
    }
}
