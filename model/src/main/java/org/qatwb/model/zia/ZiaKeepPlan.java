package org.qatwb.model.zia;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code keep} would write for one pool.
 *
 * @param pool    the pool
 * @param values  its live values, kept as they are (all off: the pool is dropped from the file)
 * @param after   the whole kept file afterwards
 * @param refusal why it is not kept; empty when it may be
 */
public record ZiaKeepPlan(String pool, Map<ZiaProperty, String> values, ZiaKept after, Optional<String> refusal) {

    public ZiaKeepPlan {
        Objects.requireNonNull(pool, "pool");
        values = Map.copyOf(values);
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(refusal, "refusal");
    }

    /** A plan that keeps nothing, and why. */
    public static ZiaKeepPlan refused(String pool, String why) {
        return new ZiaKeepPlan(pool, Map.of(), ZiaKept.empty(), Optional.of(why));
    }

    /** The words the agent's {@code zia-keep} takes for this pool ({@code PROPERTY=VALUE}; none: forget it). */
    public List<String> words() {
        return after.words(pool);
    }
}
