package org.qatwb.app.usecase;

import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.zia.ZiaHookOutcome;
import org.qatwb.model.zia.ZiaKeepPlan;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;

/**
 * The fork keeps no Z.I.A. setting over an export/import, a reboot or a module reload: keeping a
 * pool's live settings on the NAS with the hooks that set them again ({@code qatwb zia keep}, the
 * panel's "Keep these settings"), and setting the kept ones again now ({@code qatwb zia reapply},
 * the panel's re-apply). The plan ({@code ZiaUseCase.keep}) and the user's yes to its diff belong
 * to the front end. Blocks.
 */
public final class KeepZia {

    private final AgentClient agent;
    private final SudoHint hint;

    public KeepZia(AgentClient agent, SudoHint hint) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    /** The agent's steps and what it read back, and what the user is told. */
    public record Result(ZiaHookOutcome outcome, UserMessage message) {
        public Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(message, "message");
        }

        public boolean ok() {
            return outcome.failure().isEmpty();
        }
    }

    /** Keeps the plan's settings (a plan with a refusal is not carried out: the caller showed why). */
    public Result keep(ZiaKeepPlan plan) throws NasConnectionException, AgentFailure {
        if (plan.refusal().isPresent()) {
            throw new IllegalArgumentException("a refused keep is not carried out: " + plan.refusal().get());
        }
        ZiaHookOutcome o = agent.keepZia(plan);
        return new Result(o, explain(o, keepWhat(plan.pool()), hint));
    }

    /** Sets the kept settings of {@code pool} (empty: of every kept pool) again now, as the hooks do. */
    public Result reapply(Optional<String> pool) throws NasConnectionException, AgentFailure {
        ZiaHookOutcome o = agent.reapplyZia(pool);
        return new Result(o, explain(o, reapplyWhat(pool), hint));
    }

    /** "Keeping the Z.I.A. settings of pool P": the request in a few words. */
    public static String keepWhat(String pool) {
        return "Keeping the Z.I.A. settings of pool " + pool;
    }

    /** "Setting the kept Z.I.A. settings of pool P again" (or of every kept pool). */
    public static String reapplyWhat(Optional<String> pool) {
        return "Setting the kept Z.I.A. settings " + pool.map(p -> "of pool " + p).orElse("of every kept pool") + " again";
    }

    /** The failed step and why, in one line; or that it was done. */
    public static UserMessage explain(ZiaHookOutcome o, String what, SudoHint hint) {
        Optional<ZiaHookOutcome.Step> f = o.failure();
        if (f.isPresent()) {
            ZiaHookOutcome.Step st = f.get();
            return UserMessage.error(what + " failed", Steps.failed(st.name(), st.status(), 0, st.message(), hint));
        }
        return UserMessage.info(what + ": done", what + ": done");
    }
}
