package org.qatwb.model.irq;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.persist.IrqPinUnit;

/**
 * The VF interrupt pins kept after a reboot: qatwb's unit {@code qatwb-irq-pins.service}
 * ({@link IrqPinUnit}) as the snapshot read it.
 *
 * @param unitText the unit's text; empty when there is none
 * @param enabled  whether {@code systemctl enable} linked it (only then does a boot run it)
 * @param pins     the pins it holds; empty when there is no unit or it is not one qatwb writes
 */
public record KeptPins(Optional<String> unitText, boolean enabled, List<IrqPin> pins) {

    public KeptPins {
        Objects.requireNonNull(unitText, "unitText");
        pins = List.copyOf(pins);
    }

    public static KeptPins none() {
        return new KeptPins(Optional.empty(), false, List.of());
    }

    /** Reads the unit and its state ({@code enabled} or {@code disabled}). */
    public static KeptPins of(Optional<String> unitText, Optional<String> state) {
        List<IrqPin> pins = unitText.flatMap(IrqPinUnit::recognise).orElse(List.of());
        return new KeptPins(unitText, state.map(s -> s.strip().equals("enabled")).orElse(false), pins);
    }

    /** A unit is there that qatwb did not write as it is (edited by hand): replacing it loses the edit. */
    public boolean foreign() {
        return unitText.isPresent() && pins.isEmpty();
    }

    /** The pins with {@code pin} added, or put in place of the same VF's. */
    public List<IrqPin> with(IrqPin pin) {
        List<IrqPin> out = new java.util.ArrayList<>(pins.stream().filter(p -> !p.irqName().equals(pin.irqName())).toList());
        out.add(pin);
        return IrqPinUnit.sorted(out);
    }
}
