package org.qatwb.model.irq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.persist.PersistOutcome.Step;

/**
 * What the agent's {@code irq-pin} did: each step ({@code irq_write:NAME} per pin, then
 * {@code irq_unit_write}, {@code daemon_reload}, {@code irq_unit_enable}, or the removal's), and
 * the interrupts and the unit read back afterwards.
 *
 * @param steps      every step, in order (a pin whose VF is not up is an {@code absent} step, not a failure)
 * @param interrupts the interrupts read back; empty when they could not be read
 * @param kept       the unit read back
 */
public record IrqPinOutcome(List<Step> steps, Optional<QatInterrupts> interrupts, KeptPins kept) {

    private static final Set<String> READ_BACK = Set.of("interrupts", "irq_affinity", "irq_unit", "irq_unit_state", "irq_init", "irqbalance",
            "irqbalance_policy", "irqbalance_env:/etc/default/irqbalance", "irqbalance_env:/etc/sysconfig/irqbalance");

    public IrqPinOutcome {
        steps = List.copyOf(steps);
    }

    /** The first step that failed: an {@code absent} IRQ write is not one (the VF is down; the boot pins it). */
    public Optional<Step> failure() {
        return steps.stream().filter(s -> !s.ok() && !(s.status() == ItemStatus.ABSENT && s.name().startsWith("irq_write:")))
                .findFirst();
    }

    /** Whether the IRQ named so is delivered to {@code cpu} now. */
    public boolean delivered(String irqName, int cpu) {
        return interrupts.flatMap(i -> i.byName(irqName)).map(i -> i.effectiveCpu().orElse(-1) == cpu
                || i.effective().isEmpty() && i.allowed().map(a -> a.size() == 1 && a.contains(cpu)).orElse(false))
                .orElse(false);
    }

    /** Reads an {@code irq-pin} output. */
    public static IrqPinOutcome read(AgentOutput out) throws ParseException {
        List<Step> steps = new ArrayList<>();
        for (AgentFrame f : out.frames()) {
            if (!READ_BACK.contains(f.name())) {
                steps.add(new Step(f.name(), f.status(), f.rc(), Snippet.output(f.text())));
            }
        }
        Optional<QatInterrupts> irqs = Optional.empty();
        Optional<AgentFrame> t = out.frame("interrupts").filter(f -> f.status() == ItemStatus.OK);
        if (t.isPresent()) {
            List<String> warnings = new ArrayList<>();
            InterruptTable table = InterruptTable.parse(t.get().text());
            irqs = Optional.of(QatInterrupts.of(table, out.frame("irq_affinity").filter(f -> f.status() == ItemStatus.OK)
                    .map(f -> IrqAffinity.parse(f.text(), warnings)).orElse(java.util.Map.of()), Optional.empty(), warnings)
                    .withIrqbalance(out.frame("irqbalance").filter(f -> f.status() == ItemStatus.OK)
                            .map(f -> f.text().strip().equals("active"))));
        }
        KeptPins kept = KeptPins.read(n -> out.frame(n).filter(f -> f.status() == ItemStatus.OK).map(AgentFrame::text));
        return new IrqPinOutcome(steps, irqs, kept);
    }
}
