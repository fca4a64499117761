package org.qatwb.app.viewmodel;

import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.qatwb.model.irq.IrqPinOutcome;
import org.qatwb.model.irq.plan.IrqPinPlan;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.irq.IrqPinUnit;

/**
 * One gesture, a VF dropped on a core in the layout editor, doing both things issue 12 (section 4)
 * asks of it: the VF's completion interrupt pinned there (live now, and kept by the boot unit:
 * {@link IrqViewModel}, {@link IrqPinPlan}), and the one {@code CoreAffinity} its interrupt-mode
 * instances share set to that core as a pending layout edit ({@link LayoutEditorViewModel#setVfCore},
 * applied with the layout). The two take effect differently (a VF's IRQ does not follow
 * {@code CoreAffinity}: docs/driver/interrupts.md), so {@link #reportProperty()} says what happened
 * to each. Nothing changes on a drop: it is held as {@link #pendingProperty()}, whose diff the view
 * shows, until {@link #confirm()} (the user's yes) or {@link #cancel()}. FX thread only.
 */
public final class VfCoreViewModel {

    /**
     * A drop, decided before anything changes: the pin's plan (its unit diff is shown first) or why
     * the interrupt cannot be pinned; the layout side is decided when committed.
     *
     * @param vfBsf      the VF
     * @param core       the core it was dropped on
     * @param pin        the pin's plan; empty when refused
     * @param pinRefusal why not, in one line; empty when there is a plan
     */
    public record Drop(String vfBsf, int core, Optional<IrqPinPlan> pin, Optional<String> pinRefusal) {
        public Drop {
            Objects.requireNonNull(vfBsf, "vfBsf");
            Objects.requireNonNull(pin, "pin");
            Objects.requireNonNull(pinRefusal, "pinRefusal");
        }
    }

    /**
     * What the last drop did, one line each.
     *
     * @param interrupt    the IRQ pin: pending, pinned now and kept, failed, or refused
     * @param coreAffinity the layout edit: changed (to apply) or unchanged and why
     * @param pinned       whether the pin was made (live, and kept by the unit)
     */
    public record Report(String interrupt, String coreAffinity, boolean pinned) {
    }

    private final IrqViewModel irq;
    private final LayoutEditorViewModel editor;
    private final ReadOnlyObjectWrapper<Report> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Drop> pending = new ReadOnlyObjectWrapper<>();
    /** The pin this view model asked for and has not heard back about, with its drop's layout line; null when none. */
    private Committed asked;

    private record Committed(IrqPinPlan plan, String coreAffinity) {
    }

    public VfCoreViewModel(IrqViewModel irq, LayoutEditorViewModel editor) {
        this.irq = Objects.requireNonNull(irq, "irq");
        this.editor = Objects.requireNonNull(editor, "editor");
        // invalidation, not change: a change is judged by equals, and a pin equal to the last one is a new answer still
        irq.pinResultProperty().addListener(o -> {
            IrqViewModel.PinResult r = irq.pinResultProperty().get();
            // the IRQ view model's pins are also other views'; only the one this drop asked for is reported
            if (r != null && asked != null && r.plan() == asked.plan()) {
                String coreAffinity = asked.coreAffinity();
                asked = null;
                report.set(r.outcome().map(outcome -> new Report(pinned(r.plan(), outcome), coreAffinity, outcome.failure().isEmpty()))
                        .orElseGet(() -> new Report("Interrupt not pinned: " + r.message().message(), coreAffinity, false)));
            }
        });
    }

    /** What the last drop did; null before the first. */
    public ReadOnlyObjectProperty<Report> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The drop waiting for the user's yes (its diff is shown); null when none. */
    public ReadOnlyObjectProperty<Drop> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** A VF dropped on a core: decided and held for confirmation; nothing changes yet. */
    public void drop(String vfBsf, int core) {
        pending.set(plan(vfBsf, core));
    }

    /**
     * The user said yes to the pending drop: it is made, unless what it would write changed since its
     * diff was shown (the NAS was read again meanwhile: another pin kept, the unit edited); then
     * nothing is written and the new drop is pending instead, to be shown and confirmed again.
     * Nothing happens when none is pending.
     */
    public void confirm() {
        Drop shown = pending.get();
        if (shown == null) {
            return;
        }
        pending.set(null);
        Drop now = plan(shown.vfBsf(), shown.core());
        if (!sameWrite(shown, now)) {
            pending.set(now);
            return;
        }
        commit(shown);
    }

    private static boolean sameWrite(Drop a, Drop b) {
        return a.pinRefusal().equals(b.pinRefusal()) && a.pin().map(IrqPinPlan::diff).equals(b.pin().map(IrqPinPlan::diff))
                && a.pin().map(IrqPinPlan::pins).equals(b.pin().map(IrqPinPlan::pins));
    }

    /** The user said no: the pending drop is forgotten, nothing changed. */
    public void cancel() {
        pending.set(null);
    }

    private Drop plan(String vfBsf, int core) {
        try {
            return new Drop(vfBsf, core, Optional.of(irq.plan(vfBsf, core)), Optional.empty());
        } catch (IllegalArgumentException e) {
            return new Drop(vfBsf, core, Optional.empty(), Optional.of(Snippet.failure(e)));
        }
    }

    /**
     * Makes the drop: the layout edit at once (pending, applied with the layout), the pin on the NAS
     * in the background; the report is updated after each.
     */
    private void commit(Drop drop) {
        VfCoreEdit edit = editor.setVfCore(drop.vfBsf(), drop.core());
        if (drop.pin().isEmpty()) {
            report.set(new Report("Interrupt not pinned: " + drop.pinRefusal().orElse(""), edit.summary(), false));
            return;
        }
        IrqPinPlan plan = drop.pin().get();
        String irqName = plan.pin().irqName();
        report.set(new Report("Pinning " + irqName + " to core " + drop.core() + "…", edit.summary(), false));
        asked = new Committed(plan, edit.summary());
        irq.pin(plan);
    }

    private static String pinned(IrqPinPlan plan, IrqPinOutcome o) {
        String name = plan.pin().irqName();
        int cpu = plan.pin().cpu();
        if (o.failure().isPresent()) {
            return "Interrupt not pinned: " + o.failure().get().name() + ": " + Snippet.oneLine(o.failure().get().message());
        }
        String kept = o.kept().trueNas() ? "TrueNAS init script" : IrqPinUnit.NAME;
        String balance = plan.irqbalance().isPresent() ? "; irqbalance leaves it alone (qatwb's policy script)"
                : plan.caution().filter(c -> c.contains("irqbalance")).map(c -> "; irqbalance may move it").orElse("");
        if (plan.current().isEmpty()) {
            return name + " is not up now: pinned to core " + cpu + " at the next boot (" + kept + ")" + balance;
        }
        return name + (o.delivered(name, cpu) ? " pinned to core " + cpu + " now" : " written for core " + cpu
                + " but delivered elsewhere") + ", and again at every boot (" + kept + ")" + balance;
    }
}
