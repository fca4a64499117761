package org.qatwb.app.usecase;

import java.util.Objects;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaDecision;
import org.qatwb.model.zia.ZiaSetOutcome;
import org.qatwb.model.zia.ZpoolRefusal;
import org.qatwb.model.zia.plan.ZiaUseCase;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;

/**
 * One Z.I.A. pool property set: {@code qatwb zia set} and the doctor's Z.I.A. panel. The change is
 * first decided on the NAS as last read ({@link #check}: refused on a pool with encryption or
 * dedup in use, with its consequences otherwise); only an allowed change is made. Blocks.
 */
public final class SetPoolProperty {

    private final AgentClient agent;
    private final SudoHint hint;

    public SetPoolProperty(AgentClient agent, SudoHint hint) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    /** What zpool did, read back, and what the user is told (INFO when the pool reads the new value). */
    public record Result(ZiaSetOutcome outcome, UserMessage message) {
        public Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(message, "message");
        }

        public boolean ok() {
            return outcome.ok();
        }
    }

    /** Whether {@code change} may be made on the NAS as {@code s} read it, and what it brings along. */
    public static ZiaDecision check(NasSnapshot s, ZiaChange change) {
        return ZiaUseCase.check(s, change);
    }

    /** Makes a change {@link #check} allowed and reads the pool back. */
    public Result set(ZiaDecision.Allowed allowed) throws NasConnectionException, AgentFailure {
        ZiaSetOutcome o = agent.setPoolProperty(allowed.change());
        return new Result(o, explain(o, hint));
    }

    /** A change refused before it was tried, in the same shape. */
    public static UserMessage refused(ZiaDecision.Refused r) {
        return UserMessage.warning(title(r.change()), r.reason());
    }

    /**
     * How the set went, in one line: zpool's own refusal (it names pool and property) with what it
     * means, a missing right or zpool, or a value zpool took that the pool does not read back.
     */
    public static UserMessage explain(ZiaSetOutcome o, SudoHint hint) {
        ZiaChange c = o.change();
        String what = c.command();
        if (o.ok()) {
            return UserMessage.info(c.property().wire() + " changed", "pool " + c.pool() + " reads "
                    + c.property().wire() + "=" + c.value() + " now");
        }
        String explained = ZpoolRefusal.explain(o.message());
        return UserMessage.error(title(c), switch (o.status()) {
            case OK -> what + " was taken, but pool " + c.pool() + " reads " + o.after()
                    .map(p -> p.properties().getOrDefault(c.property().wire(), "nothing")).orElse("nothing back")
                    + ", not " + c.value();
            case DENIED -> what + ": not permitted" + (explained.isEmpty() ? "" : ": " + explained) + hint.suffix();
            case ABSENT -> what + ": this NAS has no zpool command";
            default -> explained.isEmpty() ? what + ": " + o.status().wire() : explained;
        });
    }

    private static String title(ZiaChange c) {
        return c.property().wire() + " not changed";
    }
}
