package org.qatwb.model.zia;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.zfs.ZfsPool;
import org.qatwb.model.zfs.ZfsPropertyTable;

/**
 * What the agent's {@code zia-keep} or {@code zia-reapply} did: each step, and the Z.I.A. state
 * (and for a re-apply the pools) read back afterwards.
 *
 * @param steps every step in order ({@code zia_write_kept}, {@code zia_write_zedlet}, {@code zia_unit_enable},
 *              {@code zia_reapply}...); keep stops after the first that fails
 * @param host  the dpusm module, the kept file and the hooks, read back
 * @param pools the pools read back (re-apply only; empty otherwise or when unreadable)
 */
public record ZiaHookOutcome(List<Step> steps, ZiaHost host, Map<String, ZfsPool> pools) {

    /** One step: its item name, status, and what the tool said (one line). */
    public record Step(String name, ItemStatus status, String message) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
        }

        public boolean ok() {
            return status == ItemStatus.OK;
        }
    }

    public ZiaHookOutcome {
        steps = List.copyOf(steps);
        Objects.requireNonNull(host, "host");
        pools = Collections.unmodifiableMap(new LinkedHashMap<>(pools));
    }

    public boolean ok() {
        return steps.stream().allMatch(Step::ok);
    }

    public Optional<Step> failure() {
        return steps.stream().filter(s -> !s.ok()).findFirst();
    }

    /** Reads the output; a step's words go through {@link ZpoolRefusal#explain} (zpool's provider refusal). */
    public static ZiaHookOutcome read(AgentOutput out) throws ParseException {
        List<Step> steps = new ArrayList<>();
        for (AgentFrame f : out.frames()) {
            if (!ZiaHost.ITEMS.contains(f.name()) && !f.name().equals("zpool_get") && !f.name().equals("agent")) {
                steps.add(new Step(f.name(), f.status(), ZpoolRefusal.explain(Snippet.output(f.text()))));
            }
        }
        if (out.frame(ZiaHost.KEPT_ITEM).isEmpty()) {
            throw new ParseException(0, "the agent's answer has no " + ZiaHost.KEPT_ITEM + " item");
        }
        Map<String, ZfsPool> pools = new LinkedHashMap<>();
        Optional<AgentFrame> get = out.frame("zpool_get").filter(AgentFrame::readable).filter(f -> !f.tooManyLines());
        if (get.isPresent()) {
            ZfsPropertyTable.parse(get.get().text()).rows().forEach((n, props) -> pools.put(n, new ZfsPool(n, props)));
        }
        return new ZiaHookOutcome(steps, ZiaHost.read(out), pools);
    }
}
