package org.qatwb.app.usecase;

import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.irq.IrqPinOutcome;
import org.qatwb.model.irq.plan.IrqPinPlan;
import org.qatwb.model.irq.IrqbalancePolicy;
import org.qatwb.model.irq.plan.IrqUnpinPlan;
import org.qatwb.model.persist.PersistOutcome;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;

/**
 * A VF's completion interrupt pinned to a CPU, now and after every boot, or its pin taken out:
 * {@code qatwb irq pin} and the layout editor's pin. The plan ({@link IrqPinPlan#of},
 * {@link IrqUnpinPlan#of}) and the user's yes to its diff belong to the front end; this carries it
 * out and checks what the NAS read back: the step that failed, an interrupt not delivered where
 * asked, irqbalance not kept off it, a unit that does not keep the pin. Blocks.
 */
public final class PinIrq {

    static final String PINNED = "Interrupt pinned";
    static final String NOT_PINNED = "Not pinned";
    static final String UNPINNED = "Interrupt unpinned";
    static final String NOT_UNPINNED = "Not unpinned";

    private final AgentClient agent;
    private final SudoHint hint;

    public PinIrq(AgentClient agent, SudoHint hint) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    /** The agent's steps and what it read back, and what the user is told (INFO when all is as planned). */
    public record Result(IrqPinOutcome outcome, UserMessage message) {
        public Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(message, "message");
        }

        public boolean ok() {
            return !message.problem();
        }
    }

    /** Pins as {@code plan} says: every pin the unit keeps, with irqbalance's ban where it runs. */
    public Result pin(IrqPinPlan plan) throws NasConnectionException, AgentFailure {
        IrqPinOutcome o = agent.pinIrqs(plan.pins(), plan.irqbalance());
        return new Result(o, explain(plan, o, hint));
    }

    /** Takes the VF's pin out as {@code plan} says (the last one removes the unit and the ban). */
    public Result unpin(IrqUnpinPlan plan) throws NasConnectionException, AgentFailure {
        IrqPinOutcome o = agent.pinIrqs(plan.pins(), plan.irqbalance());
        return new Result(o, explain(plan, o, hint));
    }

    /** How the pin went, in one line. */
    public static UserMessage explain(IrqPinPlan plan, IrqPinOutcome o, SudoHint hint) {
        String irq = plan.pin().irqName();
        int cpu = plan.pin().cpu();
        Optional<String> failed = failed(o, hint);
        if (failed.isPresent()) {
            return UserMessage.error(NOT_PINNED, failed.get());
        }
        if (plan.current().isPresent() && !o.delivered(irq, cpu)) {
            return UserMessage.error(NOT_PINNED, irq + " is not delivered to CPU " + cpu
                    + " after the write (irqbalance, or the kernel chose another CPU of the list)");
        }
        if (plan.irqbalance().isPresent() && !o.kept().irqbalance().banning()) {
            return UserMessage.error(NOT_PINNED, plan.irqbalance().get().envPath() + " read back without "
                    + IrqbalancePolicy.ARG + ": irqbalance may move the pin of " + irq);
        }
        if (o.kept().pins().stream().noneMatch(k -> k.irqName().equals(irq) && k.cpu() == cpu)) {
            return UserMessage.error(NOT_PINNED, "the unit read back does not keep the pin of " + irq + " to CPU " + cpu);
        }
        return UserMessage.info(PINNED, irq + " (" + plan.pin().vfBsf() + ") "
                + (plan.current().isPresent() ? "is delivered to CPU " + cpu + ", and pinned again at every boot"
                : "is not up now; it is pinned to CPU " + cpu + " at every boot")
                + (plan.irqbalance().isPresent() ? "; irqbalance leaves it alone (qatwb's policy script)" : ""));
    }

    /** How the unpin went, in one line. */
    public static UserMessage explain(IrqUnpinPlan plan, IrqPinOutcome o, SudoHint hint) {
        Optional<String> failed = failed(o, hint);
        if (failed.isPresent()) {
            return UserMessage.error(NOT_UNPINNED, failed.get());
        }
        if (o.kept().pins().stream().anyMatch(k -> k.irqName().equals(plan.irqName()))
                || plan.pins().isEmpty() && o.kept().irqbalance().banning()) {
            return UserMessage.error(NOT_UNPINNED, "the NAS read back still keeps " + plan.irqName());
        }
        return UserMessage.info(UNPINNED, plan.irqName() + " is no longer pinned at boot" + (plan.pins().isEmpty()
                ? "; no pin is left, so the unit is gone" : ""));
    }

    private static Optional<String> failed(IrqPinOutcome o, SudoHint hint) {
        return o.failure().map((PersistOutcome.Step f) -> Steps.failed(f.name(), f.status(), f.rc(), f.message(), hint));
    }
}
