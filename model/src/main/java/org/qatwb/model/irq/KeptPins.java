package org.qatwb.model.irq;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.qatwb.model.etc.IrqbalanceArgs;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.persist.InitScript;
import org.qatwb.model.irq.IrqPinInit;
import org.qatwb.model.irq.IrqPinUnit;

/**
 * The VF interrupt pins kept after a reboot, as the snapshot read them: qatwb's unit
 * {@code qatwb-irq-pins.service} ({@link IrqPinUnit}), or on TrueNAS its init script
 * ({@link IrqPinInit}); and irqbalance's files that keep irqbalance off them.
 *
 * @param unitText   the unit's text, or on TrueNAS the init scripts with qatwb's comment as a diff shows
 *                   them; empty when there is none
 * @param enabled    whether it runs at boot (the unit linked by {@code systemctl enable}; the init script enabled)
 * @param pins       the pins it holds; empty when there is none or it is not one qatwb writes
 * @param irqbalance irqbalance's environment file and qatwb's policy script ({@link IrqbalanceBan})
 * @param trueNas    whether the NAS is TrueNAS, where the init script keeps the pins
 */
public record KeptPins(Optional<String> unitText, boolean enabled, List<IrqPin> pins, IrqbalanceFiles irqbalance,
                       boolean trueNas) {

    public KeptPins {
        Objects.requireNonNull(unitText, "unitText");
        pins = List.copyOf(pins);
        Objects.requireNonNull(irqbalance, "irqbalance");
    }

    public static KeptPins none() {
        return new KeptPins(Optional.empty(), false, List.of(), IrqbalanceFiles.none(), false);
    }

    /** Reads the unit and its state ({@code enabled} or {@code disabled}). */
    public static KeptPins of(Optional<String> unitText, Optional<String> state) {
        return of(unitText, state, IrqbalanceFiles.none());
    }

    /** Reads the unit, its state and irqbalance's files. */
    public static KeptPins of(Optional<String> unitText, Optional<String> state, IrqbalanceFiles irqbalance) {
        List<IrqPin> pins = unitText.flatMap(IrqPinUnit::recognise).orElse(List.of());
        return new KeptPins(unitText, state.map(s -> s.strip().equals("enabled")).orElse(false), pins, irqbalance, false);
    }

    /**
     * On TrueNAS: reads midclt's answer to qatwb's query ({@code irq_init}); an answer that is not one is
     * read as a foreign entry, shown whole.
     */
    public static KeptPins ofInit(String answer, IrqbalanceFiles irqbalance) {
        List<InitScript> entries;
        try {
            entries = InitScript.parseQuery(answer);
        } catch (ParseException e) {
            return new KeptPins(Optional.of(org.qatwb.model.parse.Snippet.output(answer)), false, List.of(), irqbalance, true);
        }
        if (entries.isEmpty()) {
            return new KeptPins(Optional.empty(), false, List.of(), irqbalance, true);
        }
        List<IrqPin> pins = IrqPinInit.recognise(entries).orElse(List.of());
        return new KeptPins(Optional.of(IrqPinInit.display(entries)), entries.stream().allMatch(InitScript::enabled), pins,
                irqbalance, true);
    }

    /**
     * From an agent output's items: on TrueNAS ({@code irq_init} present) the init script, else the unit.
     *
     * @param item an item's text when it is there and {@code ok}
     */
    public static KeptPins read(Function<String, Optional<String>> item) {
        IrqbalanceFiles files = irqbalanceFiles(item);
        Optional<String> init = item.apply("irq_init");
        if (init.isPresent()) {
            return ofInit(init.get(), files);
        }
        return of(item.apply("irq_unit"), item.apply("irq_unit_state"), files);
    }

    /** irqbalance's files from an agent output's items ({@code irqbalance_env:PATH}, {@code irqbalance_policy}). */
    public static IrqbalanceFiles irqbalanceFiles(Function<String, Optional<String>> item) {
        Map<String, String> env = new TreeMap<>();
        for (String p : IrqbalanceArgs.PATHS) {
            item.apply("irqbalance_env:" + p).ifPresent(t -> env.put(p, t));
        }
        return new IrqbalanceFiles(env, item.apply("irqbalance_policy"));
    }

    /** A unit (or init script) is there that qatwb did not write as it is (edited by hand): replacing it loses the edit. */
    public boolean foreign() {
        return unitText.isPresent() && pins.isEmpty();
    }

    /** Where the pins are kept, as a diff names it. */
    public String where() {
        return trueNas ? IrqPinInit.LABEL : IrqPinUnit.PATH;
    }

    /** The text the keeper would have for {@code pins} ("" for none), comparable with {@link #unitText}. */
    public String textFor(List<IrqPin> newPins) {
        if (newPins.isEmpty()) {
            return "";
        }
        return trueNas ? IrqPinInit.forPins(newPins).display() : IrqPinUnit.text(newPins);
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
