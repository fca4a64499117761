package org.qatwb.app.viewmodel;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.qatwb.model.irq.IrqPinOutcome;
import org.qatwb.model.irq.IrqPinPlan;
import org.qatwb.model.irq.IrqRateTracker;
import org.qatwb.model.irq.IrqRates;
import org.qatwb.model.snapshot.StreamSample;

/**
 * Where QAT's completion interrupts land, live, for the layout editor's core view (issue 12,
 * section 4): per CPU, QAT interrupts per second from the stream's {@code /proc/interrupts}
 * counts (a reset or a tick without them is a gap: no rates until the next tick), and pinning a
 * VF's interrupt to a CPU through {@link IrqPinPlan}, the use case {@code qatwb irq pin} shares.
 * FX thread only.
 */
public final class IrqViewModel {

    private final NasViewModel nas;
    private final IrqRateTracker tracker = new IrqRateTracker();
    private final ReadOnlyObjectWrapper<SortedMap<Integer, Double>> rates =
            new ReadOnlyObjectWrapper<>(Collections.emptySortedMap());

    public IrqViewModel(NasViewModel nas) {
        this.nas = nas;
        nas.lastSampleProperty().addListener((o, a, s) -> {
            if (s != null) {
                accept(s);
            }
        });
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

    /** Pins as {@code plan} says; {@code done} gets the outcome once the NAS was read again. */
    public void pin(IrqPinPlan plan, Consumer<IrqPinOutcome> done) {
        nas.pinIrq(plan, done);
    }

    /** The same; {@code failed} gets one line when the NAS could not be asked. */
    public void pin(IrqPinPlan plan, Consumer<IrqPinOutcome> done, Consumer<String> failed) {
        nas.pinIrq(plan, done, failed);
    }
}
