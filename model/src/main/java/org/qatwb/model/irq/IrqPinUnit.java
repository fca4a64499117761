package org.qatwb.model.irq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.model.irq.IrqPin;

/**
 * The systemd unit that pins VFs' completion interrupts again after every boot (issue 12,
 * section 4): IRQ numbers change at every boot and a device that restarts requests its IRQ afresh
 * with the driver's hint, so each line finds the IRQ by its NAME, through the directory the kernel
 * makes for each handler ({@code /proc/irq/N/qat_3d:01.00/}, kernel/irq/proc.c,
 * register_handler_proc), after qat.service has brought the VFs up. A line is marked {@code -}:
 * a VF that is not up must not stop the other pins. The lines hold no {@code $} or {@code %},
 * which systemd would expand.
 *
 * <p>The agent's {@code irq-pin} writes exactly {@link #text} from the same validated words; a
 * unit at {@link #PATH} is ours only when it is byte for byte one of these texts.
 */
public final class IrqPinUnit {

    public static final String NAME = "qatwb-irq-pins.service";
    public static final String PATH = "/etc/systemd/system/" + NAME;
    public static final String WANTS_LINK = "/etc/systemd/system/multi-user.target.wants/" + NAME;
    /** At most this many pins: 4 cards of 64 VFs. */
    public static final int MAX_PINS = 256;

    private static final Pattern LINE = Pattern.compile(
            "ExecStart=-/bin/sh -c 'cd /proc/irq/\\*/(qat_[0-9a-f]{2}:[0-9]{2}\\.[0-9]{2})/\\.\\. && echo ([0-9]{1,5}) > smp_affinity_list'");

    private IrqPinUnit() {
    }

    /** The command of one pin. */
    public static String command(IrqPin p) {
        return "cd /proc/irq/*/" + p.irqName() + "/.. && echo " + p.cpu() + " > smp_affinity_list";
    }

    /** The unit's text for a non-empty list of pins, in the order of their IRQ names. */
    public static String text(List<IrqPin> pins) {
        if (pins.isEmpty()) {
            throw new IllegalArgumentException("a unit that pins nothing is no unit: remove it instead");
        }
        StringBuilder t = new StringBuilder()
                .append("# Written by QAT Workbench (qatwb): qatwb irq pin changes it.\n")
                .append("# IRQ numbers change at every boot: each line finds a VF's IRQ by its name.\n")
                .append("[Unit]\n")
                .append("Description=qatwb: QAT VF interrupt pins\n")
                .append("After=qat.service\n")
                .append("Wants=qat.service\n")
                .append("\n")
                .append("[Service]\n")
                .append("Type=oneshot\n")
                .append("RemainAfterExit=yes\n");
        for (IrqPin p : sorted(pins)) {
            t.append("ExecStart=-/bin/sh -c '").append(command(p)).append("'\n");
        }
        return t.append("\n")
                .append("[Install]\n")
                .append("WantedBy=multi-user.target\n")
                .toString();
    }

    /** Pins in the unit's order: by IRQ name. */
    public static List<IrqPin> sorted(List<IrqPin> pins) {
        return pins.stream().sorted(Comparator.comparing(IrqPin::irqName)).toList();
    }

    /**
     * The pins a unit holds, when its text is exactly one that {@link #text} writes; each pin's
     * address is the one its name stands for in PCI domain {@code 0000} (the name has no domain).
     */
    public static Optional<List<IrqPin>> recognise(String text) {
        List<IrqPin> pins = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith("ExecStart=")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches() || pins.size() == MAX_PINS) {
                return Optional.empty();
            }
            Optional<IrqPin> pin = IrqPin.ofIrqName(m.group(1), Integer.parseInt(m.group(2)));
            if (pin.isEmpty()) {
                return Optional.empty();
            }
            pins.add(pin.get());
        }
        if (pins.isEmpty() || !text(pins).equals(text)) {
            return Optional.empty();
        }
        return Optional.of(pins);
    }
}
