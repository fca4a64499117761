package org.qatwb.model.zia;

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
 * What the agent's {@code zpool-set} did.
 *
 * @param change  what was asked
 * @param status  {@code OK}; {@code DENIED} (not root, or sudo wants a password); {@code ABSENT}
 *                (no {@code zpool} on the NAS); {@code ERROR} (zpool refused: its words are the message)
 * @param message what zpool or sudo said, one line; empty when it said nothing
 * @param after   the pool's properties read back afterwards, when they could be read
 */
public record ZiaSetOutcome(ZiaChange change, ItemStatus status, String message, Optional<ZfsPool> after) {

    /** The agent's item for the write; the read-back is {@code zpool_get}, as in a snapshot. */
    public static final String ITEM = "zpool_set";

    public ZiaSetOutcome {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(after, "after");
    }

    /** zpool took it and the pool now reads the new value. */
    public boolean ok() {
        return status == ItemStatus.OK && achieved();
    }

    /** Whether the pool reads back the value asked for. */
    public boolean achieved() {
        return after.map(p -> change.value().equals(p.properties().get(change.property().wire()))).orElse(false);
    }

    /** Reads a {@code zpool-set} output. */
    public static ZiaSetOutcome read(AgentOutput out, ZiaChange change) throws ParseException {
        AgentFrame set = out.frame(ITEM)
                .orElseThrow(() -> new ParseException(0, "the agent's answer has no " + ITEM + " item"));
        Optional<ZfsPool> after = Optional.empty();
        Optional<AgentFrame> get = out.frame("zpool_get").filter(AgentFrame::readable).filter(f -> !f.tooManyLines());
        if (get.isPresent()) {
            after = Optional.ofNullable(ZfsPropertyTable.parse(get.get().text()).rows().get(change.pool()))
                    .map(props -> new ZfsPool(change.pool(), props));
        }
        return new ZiaSetOutcome(change, set.status(), Snippet.output(set.text()), after);
    }
}
