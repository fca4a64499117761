package org.qatwb.model.irq;

import java.util.List;
import org.qatwb.model.irq.IrqPin;

/**
 * The irqbalance policy script that keeps irqbalance from moving the VF interrupts qatwb pins
 * (issue 12, section 4; docs/driver/interrupts.md "irqbalance"). irqbalance runs the script named
 * by {@code --policyscript} once for each IRQ it discovers, as {@code SCRIPT DEVPATH IRQ}, reads
 * {@code key=value} lines from its output, and never changes the affinity of an IRQ answered
 * {@code ban=true} (irqbalance classify.c: get_irq_user_policy, run_script_for_policy,
 * parse_user_policy_key; add_new_irq puts it on the banned list). The script finds each pinned
 * IRQ by its name, as the boot unit does ({@code /proc/irq/IRQ/NAME/}, kernel/irq/proc.c), so it
 * holds across boots, where IRQ numbers change and {@code --banirq} would not. It is a file, not a
 * directory of scripts: directories need irqbalance 1.5.0, a file works from 1.0.5.
 *
 * <p>{@code --banmod} was not taken: irqbalance 1.9.1 (ff48ac9, 725d9b1) compares it with the
 * driver of the PCI device and, for IRQs found under {@code /sys/bus/pci/devices/.../msi_irqs}
 * (a VF's one MSI is), with no name at all (build_one_dev_entry passes a hint without one), so
 * {@code --banmod=qat_3d:01.00} bans nothing there; before 1.9.1 it compared only the name in
 * {@code /proc/interrupts}, so {@code --banmod=c6xxvf} banned nothing. No one word works on both.
 *
 * <p>The agent's {@code irq-pin} writes exactly {@link #text} from the same validated names, mode
 * 0755 in a 0755 directory (irqbalance's upstream unit runs with {@code PrivateUsers=true}, where
 * root's files are other's).
 */
public final class IrqbalancePolicy {

    public static final String DIR = "/var/lib/qatwb/irq";
    public static final String PATH = DIR + "/irqbalance-policy.sh";
    /** The word qatwb adds to {@code IRQBALANCE_ARGS}. */
    public static final String ARG = "--policyscript=" + PATH;

    private IrqbalancePolicy() {
    }

    /** The script for a non-empty list of pins (their names in the unit's order). */
    public static String text(List<IrqPin> pins) {
        if (pins.isEmpty()) {
            throw new IllegalArgumentException("a policy that bans nothing is no policy: remove it instead");
        }
        StringBuilder names = new StringBuilder();
        for (IrqPin p : IrqPinUnit.sorted(pins)) {
            names.append(names.length() == 0 ? "" : " ").append(p.irqName());
        }
        return "#!/bin/sh\n"
                + "# Written by QAT Workbench (qatwb irq pin): irqbalance's --policyscript. irqbalance runs it as\n"
                + "# SCRIPT DEVPATH IRQ for each IRQ; the VF interrupts qatwb pins (qatwb-irq-pins.service) are\n"
                + "# answered ban=true, found by name since IRQ numbers change at every boot.\n"
                + "case ${2-} in ''|*[!0-9]*) exit 0 ;; esac\n"
                + "for name in " + names + "; do\n"
                + "    if [ -d \"${QATWB_ROOT-}/proc/irq/$2/$name\" ]; then echo ban=true; exit 0; fi\n"
                + "done\n"
                + "exit 0\n";
    }
}
