package org.qatwb.model.irq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.model.irq.IrqPin;
import org.qatwb.model.persist.InitScript;

/**
 * On TrueNAS the pins are kept by one of its init/shutdown scripts, as the ZFS parameters are
 * ({@link InitScript}, DOMAIN.md section 8): the middleware keeps it in its configuration database,
 * which survives upgrades, where a unit written into {@code /etc/systemd/system} does not
 * (docs/decisions/0005). A {@code COMMAND} run at {@code POSTINIT}, after qat.service, with the
 * unit's command per pin ({@link IrqPinUnit#command}: each IRQ found by its name) joined by
 * {@code "; "}, so that a VF that is not up does not stop the others; recognised by its
 * {@link #COMMENT}. The agent's {@code irq-pin} builds the same entry from the same validated words.
 */
public final class IrqPinInit {

    public static final String COMMENT = "qatwb: QAT VF interrupt pins";
    /** The filter of {@code initshutdownscript.query}, exactly as the agent passes it. */
    public static final String QUERY_FILTER = "[[\"comment\", \"=\", \"" + COMMENT + "\"]]";
    /** What a diff calls it. */
    public static final String LABEL = "TrueNAS init script (" + COMMENT + ")";

    private static final Pattern COMMAND = Pattern.compile(
            "cd /proc/irq/\\*/(qat_[0-9a-f]{2}:[0-9]{2}\\.[0-9]{2})/\\.\\. && echo ([0-9]{1,5}) > smp_affinity_list");

    private IrqPinInit() {
    }

    /** Ours for a non-empty list of pins. */
    public static InitScript forPins(List<IrqPin> pins) {
        if (pins.isEmpty()) {
            throw new IllegalArgumentException("an init script that pins nothing is no script: delete it instead");
        }
        List<String> commands = IrqPinUnit.sorted(pins).stream().map(IrqPinUnit::command).toList();
        return new InitScript(OptionalLong.empty(), "COMMAND", String.join("; ", commands), "", "POSTINIT", true,
                OptionalLong.of(InitScript.TIMEOUT), COMMENT);
    }

    /** The pins the middleware's entries hold: one entry, ours exactly but for its id and enabled. */
    public static Optional<List<IrqPin>> recognise(List<InitScript> entries) {
        if (entries.size() != 1) {
            return Optional.empty();
        }
        InitScript e = entries.get(0);
        List<IrqPin> pins = new ArrayList<>();
        for (String c : e.command().split("; ", -1)) {
            Matcher m = COMMAND.matcher(c);
            if (!m.matches() || pins.size() == IrqPinUnit.MAX_PINS) {
                return Optional.empty();
            }
            Optional<IrqPin> pin = IrqPin.ofIrqName(m.group(1), Integer.parseInt(m.group(2)));
            if (pin.isEmpty()) {
                return Optional.empty();
            }
            pins.add(pin.get());
        }
        InitScript want = forPins(pins);
        boolean same = want.type().equals(e.type()) && want.command().equals(e.command()) && e.script().isEmpty()
                && want.when().equals(e.when()) && want.timeout().equals(e.timeout()) && want.comment().equals(e.comment());
        return same ? Optional.of(IrqPinUnit.sorted(pins)) : Optional.empty();
    }

    /** The entries one after the other as a diff shows them ("" for none). */
    public static String display(List<InitScript> entries) {
        StringBuilder t = new StringBuilder();
        for (InitScript e : entries) {
            t.append(t.length() == 0 ? "" : "\n").append(e.display());
        }
        return t.toString();
    }
}
