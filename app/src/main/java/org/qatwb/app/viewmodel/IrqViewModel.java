package org.qatwb.app.viewmodel;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.qatwb.app.usecase.PinIrq;
import org.qatwb.model.irq.IrqPinOutcome;
import org.qatwb.model.irq.IrqRateTracker;
import org.qatwb.model.irq.IrqRates;
import org.qatwb.model.irq.plan.IrqPinPlan;
import org.qatwb.model.snapshot.StreamSample;

/**
 * Where QAT's completion interrupts land, live, for the layout editor's core view (issue 12,
 * section 4): per CPU, QAT interrupts per second from the stream's {@code /proc/interrupts}
 * counts (a reset or a tick without them is a gap: no rates until the next tick), and pinning a
 * VF's interrupt to a CPU through {@link IrqPinPlan}, the use case {@code qatwb irq pin} shares:
 * {@link #pinningProperty()} while it runs, {@link #pinResultProperty()} what came of it. FX thread only.
 */
public final class IrqViewModel {

    private final NasViewModel nas;
    private final IrqRateTracker tracker = new IrqRateTracker();
    private final ReadOnlyObjectWrapper<SortedMap<Integer, Double>> rates =
            new ReadOnlyObjectWrapper<>(Collections.emptySortedMap());
    private final ReadOnlyBooleanWrapper pinning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<PinResult> pinResult = new ReadOnlyObjectWrapper<>();
    /** Whether a view shows the rates: while none does, samples are only kept, not computed. */
    private boolean watched = true;
    /** While not watched, the two latest samples: enough to give, once watched, the rates it would have had. */
    private StreamSample before;
    private StreamSample latest;

    public IrqViewModel(NasViewModel nas) {
        this.nas = nas;
        nas.lastSampleProperty().addListener((o, a, s) -> {
            if (s == null) {
                return;
            }
            if (watched) {
                accept(s);
            } else {
                before = latest;
                latest = s;
            }
        });
    }

    /**
     * Whether a view shows the rates (the layout editor's core strip, while on screen). Every
     * second's rates over 56 CPUs cost the UI thread allocations for nothing while the Layout tab is
     * hidden (docs/benchmarks.md, "Cost at rest"); watched again, the rates are those of the two
     * latest samples, as if they had been computed all along.
     */
    public void setWatched(boolean on) {
        if (on == watched) {
            return;
        }
        watched = on;
        if (on) {
            // one sample missed: the tracker still holds the one before it; more: the last two suffice
            if (before != null) {
                tracker.reset();
                accept(before);
            }
            if (latest != null) {
                accept(latest);
            }
        }
        before = null;
        latest = null;
    }

    /** QAT interrupts per second by CPU since the previous tick; empty when there is no rate (yet). */
    public ReadOnlyObjectProperty<SortedMap<Integer, Double>> ratesProperty() {
        return rates.getReadOnlyProperty();
    }

    /** One stream tick: its counts against the previous tick's. */
    void accept(StreamSample s) {
        if (s.interrupts().isEmpty() || s.uptimeNanos().isEmpty()) {
            tracker.reset();
            rates.set(Collections.emptySortedMap());
            return;
        }
        Optional<IrqRates> r = tracker.next(s.uptimeNanos().getAsLong(), s.interrupts().get());
        rates.set(r.map(x -> Collections.unmodifiableSortedMap(new TreeMap<>(x.perCpu())))
                .orElse(Collections.emptySortedMap()));
    }

    /**
     * The plan to pin the VF at {@code vfBsf} to {@code cpu}, checked against the latest snapshot.
     *
     * @throws IllegalArgumentException with one line saying why it cannot be pinned
     */
    public IrqPinPlan plan(String vfBsf, int cpu) {
        if (nas.snapshotProperty().get() == null) {
            throw new IllegalArgumentException("the NAS has not been read yet");
        }
        return IrqPinPlan.of(nas.snapshotProperty().get(), vfBsf, cpu);
    }

    /** A pin is on its way to the NAS. */
    public ReadOnlyBooleanProperty pinningProperty() {
        return pinning.getReadOnlyProperty();
    }

    /** What came of the latest pin: null before the first. */
    public ReadOnlyObjectProperty<PinResult> pinResultProperty() {
        return pinResult.getReadOnlyProperty();
    }

    /**
     * What came of a pin: the NAS's outcome (empty when the NAS could not be asked: not connected,
     * connection lost), and what the user is told, in the words of {@code qatwb irq pin}.
     */
    public record PinResult(IrqPinPlan plan, Optional<IrqPinOutcome> outcome, Notice message) {
    }

    /**
     * Pins a VF's completion interrupt as {@code plan} says (now, and after every boot) through
     * {@link PinIrq}, the use case {@code qatwb irq pin} runs, then reads the NAS again; the result
     * is {@link #pinResultProperty()}, and a notice of the tab.
     */
    public void pin(IrqPinPlan plan) {
        pinning.set(true);
        boolean asked = nas.change("Pinning " + plan.pin().irqName() + " to CPU " + plan.pin().cpu(),
                n -> new PinIrq(n.agent(), nas.sudoHint()).pin(plan), (PinIrq.Result r) -> {
                    Notice said = Notice.of(r.message());
                    nas.notify(said);
                    finished(new PinResult(plan, Optional.of(r.outcome()), said));
                }, failure -> {
                    Notice said = new Notice(Notice.Level.ERROR, "Not pinned", failure);
                    nas.notify(said);
                    finished(new PinResult(plan, Optional.empty(), said));
                });
        if (!asked) {
            finished(new PinResult(plan, Optional.empty(), new Notice(Notice.Level.ERROR, "Not pinned", "not connected to the NAS")));
        }
    }

    private void finished(PinResult r) {
        pinning.set(false);
        pinResult.set(r);
    }
}
