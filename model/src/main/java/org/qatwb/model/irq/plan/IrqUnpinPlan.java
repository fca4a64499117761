package org.qatwb.model.irq.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.irq.IrqPin;
import org.qatwb.model.irq.IrqbalanceBan;
import org.qatwb.model.irq.KeptPins;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.text.UnifiedDiff;

/**
 * Taking one VF's pin out of those kept ({@code qatwb irq pin CONNECTION VF none}): the unit keeps
 * the others, or is removed with the last; with the last, qatwb's irqbalance ban is undone too
 * (its word taken out of {@code IRQBALANCE_ARGS}, its policy script removed). The IRQ's affinity
 * now is left as it is: the driver's hint comes back at the VF's next restart or boot.
 *
 * @param irqName    the VF's IRQ name
 * @param pins       the pins kept afterwards (empty: the unit goes)
 * @param diff       the unit's diff, then irqbalance's; "" when nothing changes
 * @param irqbalance the ban's change, if any
 * @param caution    one line when irqbalance's configuration cannot be changed safely
 */
public record IrqUnpinPlan(String irqName, List<IrqPin> pins, String diff, Optional<IrqbalanceBan> irqbalance,
                           Optional<String> caution) {

    public IrqUnpinPlan {
        Objects.requireNonNull(irqName, "irqName");
        pins = List.copyOf(pins);
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(irqbalance, "irqbalance");
        Objects.requireNonNull(caution, "caution");
    }

    /**
     * @param vfBsf the VF's address ({@link IrqPin}'s shape)
     * @throws IllegalArgumentException when the address is not one, or no pin of that VF is kept
     */
    public static IrqUnpinPlan of(NasSnapshot s, String vfBsf) {
        String name = new IrqPin(vfBsf, 0).irqName();
        KeptPins kept = s.irqPins();
        if (kept.pins().stream().noneMatch(p -> p.irqName().equals(name))) {
            throw new IllegalArgumentException("no pin of " + name + " (" + vfBsf + ") is kept"
                    + (kept.foreign() ? ": " + kept.where() + " was not written by qatwb as it is" : ""));
        }
        List<IrqPin> pins = kept.without(name);
        String oldText = kept.unitText().orElse("");
        String newText = kept.textFor(pins);
        String diff = UnifiedDiff.of(kept.where(), kept.where(), oldText, newText);
        IrqbalanceBan.Decision ban = IrqbalanceBan.of(kept.irqbalance(), IrqPinPlan.irqbalanceActive(s), pins);
        return new IrqUnpinPlan(name, pins, diff + ban.ban().map(IrqbalanceBan::diff).orElse(""), ban.ban(), ban.caution());
    }
}
