package org.qatwb.model.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.zfs.ZfsParam;

/**
 * What the agent's {@code persist-params} did: each step it ran, and what it read back afterwards.
 *
 * @param target where it worked (the agent's {@code persist_target})
 * @param keep   the parameters it was asked to keep at 0 after boot
 * @param steps  every step it ran, in order; it stops after the first that fails
 * @param after  the state read back at the end
 */
public record PersistOutcome(PersistTarget target, Set<ZfsParam> keep, List<Step> steps, PersistState after) {

    /** The agent's item that names the target. */
    public static final String TARGET_ITEM = "persist_target";

    /**
     * One step ({@code unit_write}, {@code daemon_reload}, {@code unit_enable}, {@code init_create}...).
     *
     * @param name    the agent's item name
     * @param status  {@code OK}, or why not: {@code DENIED} (no permission, or sudo wants a password),
     *                {@code ABSENT} (the tool the step needs is not installed), {@code ERROR}
     * @param rc      the tool's exit status
     * @param message what the tool said, one line; empty when it said nothing
     */
    public record Step(String name, ItemStatus status, int rc, String message) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
        }

        public boolean ok() {
            return status == ItemStatus.OK;
        }
    }

    public PersistOutcome {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(after, "after");
        keep = KeepList.copy(keep);
        steps = List.copyOf(steps);
    }

    /** Whether every step worked and the NAS now keeps exactly {@link #keep()} at boot. */
    public boolean ok() {
        return steps.stream().allMatch(Step::ok) && achieved();
    }

    /** Whether what was read back is what was asked for: ours, enabled, keeping {@link #keep()}; or nothing. */
    public boolean achieved() {
        return keep.isEmpty() ? after instanceof PersistState.None : after.keptAtBoot().equals(keep);
    }

    /** The first step that failed. */
    public Optional<Step> failure() {
        return steps.stream().filter(s -> !s.ok()).findFirst();
    }

    /** Reads a {@code persist-params} output. */
    public static PersistOutcome read(AgentOutput out, Set<ZfsParam> keep) throws ParseException {
        AgentFrame t = out.frame(TARGET_ITEM)
                .orElseThrow(() -> new ParseException(0, "the agent's answer has no " + TARGET_ITEM + " item"));
        PersistTarget target = PersistTarget.ofWire(t.text().strip())
                .orElseThrow(() -> new ParseException(0, TARGET_ITEM + ": not a target: " + Snippet.quote(t.text())));
        List<Step> steps = new ArrayList<>();
        for (AgentFrame f : out.frames()) {
            if (!f.name().equals(TARGET_ITEM) && !PersistReader.ITEMS.contains(f.name())) {
                steps.add(new Step(f.name(), f.status(), f.rc(), Snippet.output(f.text())));
            }
        }
        return new PersistOutcome(target, keep, steps, PersistReader.read(out, target));
    }
}
