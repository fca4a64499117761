package org.qatwb.model.irq;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.qatwb.model.etc.IrqbalanceArgs;
import org.qatwb.model.persist.IrqPinUnit;

/**
 * The VF interrupt pins kept after a reboot: qatwb's unit {@code qatwb-irq-pins.service}
 * ({@link IrqPinUnit}) as the snapshot read it, and irqbalance's files that keep irqbalance off them.
 *
 * @param unitText   the unit's text; empty when there is none
 * @param enabled    whether {@code systemctl enable} linked it (only then does a boot run it)
 * @param pins       the pins it holds; empty when there is no unit or it is not one qatwb writes
 * @param irqbalance irqbalance's environment file and qatwb's policy script ({@link IrqbalanceBan})
 */
public record KeptPins(Optional<String> unitText, boolean enabled, List<IrqPin> pins, IrqbalanceFiles irqbalance) {

    public KeptPins {
        Objects.requireNonNull(unitText, "unitText");
        pins = List.copyOf(pins);
        Objects.requireNonNull(irqbalance, "irqbalance");
    }

    public static KeptPins none() {
        return new KeptPins(Optional.empty(), false, List.of(), IrqbalanceFiles.none());
    }

    /** Reads the unit and its state ({@code enabled} or {@code disabled}). */
    public static KeptPins of(Optional<String> unitText, Optional<String> state) {
        return of(unitText, state, IrqbalanceFiles.none());
    }

    /** Reads the unit, its state and irqbalance's files. */
    public static KeptPins of(Optional<String> unitText, Optional<String> state, IrqbalanceFiles irqbalance) {
        List<IrqPin> pins = unitText.flatMap(IrqPinUnit::recognise).orElse(List.of());
        return new KeptPins(unitText, state.map(s -> s.strip().equals("enabled")).orElse(false), pins, irqbalance);
    }

    /** irqbalance's files from an agent output's items ({@code irqbalance_env:PATH}, {@code irqbalance_policy}). */
    public static IrqbalanceFiles irqbalanceFiles(Function<String, Optional<String>> item) {
        Map<String, String> env = new TreeMap<>();
        for (String p : IrqbalanceArgs.PATHS) {
            item.apply("irqbalance_env:" + p).ifPresent(t -> env.put(p, t));
        }
        return new IrqbalanceFiles(env, item.apply("irqbalance_policy"));
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

    /** The pins without the VF whose IRQ is named {@code irqName}. */
    public List<IrqPin> without(String irqName) {
        return IrqPinUnit.sorted(pins.stream().filter(p -> !p.irqName().equals(irqName)).toList());
    }
}
