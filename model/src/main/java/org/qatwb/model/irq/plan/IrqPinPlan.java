package org.qatwb.model.irq.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.irq.IrqPin;
import org.qatwb.model.irq.IrqPinInit;
import org.qatwb.model.irq.IrqPinUnit;
import org.qatwb.model.irq.IrqbalanceBan;
import org.qatwb.model.irq.IrqbalancePolicy;
import org.qatwb.model.irq.KeptPins;
import org.qatwb.model.irq.QatInterrupts;
import org.qatwb.model.irq.QatIrq;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.text.UnifiedDiff;

/**
 * Pinning one VF's completion interrupt to a CPU, decided against a snapshot: the one use case
 * behind {@code qatwb irq pin} and the layout editor's pin. Every value is checked before it can
 * reach the NAS: the address's shape ({@link IrqPin}), that it is a VF {@code adf_ctl} lists, and
 * that the CPU is online. The plan holds the whole set of pins the unit will keep (this one added
 * to those kept, or put in place of the VF's old one), where irqbalance runs the ban that keeps it
 * off them ({@link IrqbalanceBan}), and the diffs of both, shown before anything is written.
 *
 * @param pin        the new pin
 * @param device     the VF
 * @param current    its IRQ now; empty when the VF is not up (the unit pins it at the next boot)
 * @param pins       every pin the unit will keep
 * @param oldText    the unit's text now ("" for none); on TrueNAS the init script's fields
 * @param newText    the unit's text to write; on TrueNAS the init script's fields
 * @param diff       unified diffs: the unit's, then irqbalance's environment file's and policy script's; "" when none
 * @param caution    set when the unit there was not written by qatwb as it is (it is replaced), or when
 *                   irqbalance runs and cannot be kept off the pins
 * @param irqbalance the ban to write, where irqbalance runs (or qatwb's ban is in place already)
 * @param kept       what keeps the pins now, as the snapshot read it: where the new text goes and
 *                   whether it replaces a hand edit
 */
public record IrqPinPlan(IrqPin pin, QatDevice device, Optional<QatIrq> current, List<IrqPin> pins, String oldText,
                         String newText, String diff, Optional<String> caution, Optional<IrqbalanceBan> irqbalance,
                         KeptPins kept) {

    public IrqPinPlan {
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(irqbalance, "irqbalance");
        Objects.requireNonNull(kept, "kept");
        pins = List.copyOf(pins);
    }

    /** Where the pins are kept: the unit's path, or on TrueNAS the init script's label. */
    public String where() {
        return kept.where();
    }

    /** The unit (or init script) there was not written by qatwb as it is: the pin replaces a hand edit. */
    public boolean replacesHandEdit() {
        return kept.foreign();
    }

    /**
     * What the agent's {@code irq-pin} runs on the NAS for this plan, in order, as the user reads it
     * before saying yes (qatwb-agent-keep.sh {@code irq_pin_cmd}, {@code irq_pin_init},
     * {@code irq_balance_ban}).
     */
    public List<String> steps() {
        List<String> out = new ArrayList<>();
        current.ifPresent(i -> out.add("echo " + pin.cpu() + " > /proc/irq/" + i.number() + "/smp_affinity_list"));
        if (kept.trueNas()) {
            out.add("midclt call initshutdownscript." + (kept.unitText().isPresent() ? "update" : "create")
                    + " (POSTINIT, comment '" + IrqPinInit.COMMENT + "')");
        } else {
            out.add("write " + IrqPinUnit.PATH);
            out.add("systemctl daemon-reload");
            out.add("systemctl enable " + IrqPinUnit.NAME);
        }
        irqbalance.ifPresent(b -> {
            b.policyText().ifPresent(t -> out.add("write " + IrqbalancePolicy.PATH
                    + " (when it differs)"));
            if (b.envChanges()) {
                out.add("edit " + b.envPath() + ": " + b.change());
            }
            out.add("systemctl restart irqbalance (when either changed and it is active)");
        });
        return List.copyOf(out);
    }

    /**
     * The plan, or why not, in one line.
     *
     * @throws IllegalArgumentException for an address or CPU that cannot be pinned (the message says why)
     */
    public static IrqPinPlan of(NasSnapshot s, String vfBsf, int cpu) {
        IrqPin pin = new IrqPin(vfBsf, cpu);
        pin.check(s.cpu());
        QatDevice device = s.devices().flatMap(d -> d.devices().stream().filter(x -> x.bsf().equals(vfBsf)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("adf_ctl status lists no device at " + vfBsf));
        if (!device.vf()) {
            throw new IllegalArgumentException(vfBsf + " (" + device.name() + ") is a PF: its bank interrupts follow its"
                    + " instances' CoreAffinity; only a VF's interrupt is pinned here");
        }
        Optional<QatIrq> current = s.interrupts().flatMap(i -> i.byName(pin.irqName()));
        KeptPins kept = s.irqPins();
        List<IrqPin> pins = kept.with(pin);
        if (pins.size() > IrqPinUnit.MAX_PINS) {
            throw new IllegalArgumentException("at most " + IrqPinUnit.MAX_PINS + " pins are kept");
        }
        String oldText = kept.unitText().orElse("");
        String newText = kept.textFor(pins);
        String diff = UnifiedDiff.of(kept.where(), kept.where(), oldText, newText);
        List<String> cautions = new ArrayList<>();
        if (kept.foreign()) {
            cautions.add(kept.where() + " was not written by qatwb as it is (edited by hand?): it is replaced");
        }
        IrqbalanceBan.Decision ban = IrqbalanceBan.of(kept.irqbalance(), irqbalanceActive(s), pins);
        ban.caution().ifPresent(cautions::add);
        Optional<String> caution = cautions.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", cautions));
        return new IrqPinPlan(pin, device, current, pins, oldText, newText,
                diff + ban.ban().map(IrqbalanceBan::diff).orElse(""), caution, ban.ban(), kept);
    }

    static boolean irqbalanceActive(NasSnapshot s) {
        return s.interrupts().flatMap(QatInterrupts::irqbalance).orElse(false);
    }
}
