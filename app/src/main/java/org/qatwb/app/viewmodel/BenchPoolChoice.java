package org.qatwb.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsPool;

/**
 * A pool the form offers: the largest with room (the NAS picks it when planning), or one of the
 * snapshot's pools with the space {@code zpool get -p} read as free. Whether it has room enough is
 * the plan's to say (it refuses under three times the size), not the form's.
 *
 * @param pool the pool's name; empty: the largest pool with room
 * @param free the pool's free bytes as last read; empty when unknown
 */
public record BenchPoolChoice(Optional<String> pool, OptionalLong free) {

    public static final BenchPoolChoice LARGEST = new BenchPoolChoice(Optional.empty(), OptionalLong.empty());

    public BenchPoolChoice {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(free, "free");
    }

    /** The largest with room first, then the snapshot's pools in its order. */
    static List<BenchPoolChoice> of(NasSnapshot s) {
        List<BenchPoolChoice> out = new ArrayList<>();
        out.add(LARGEST);
        if (s != null) {
            for (ZfsPool p : s.pools().values()) {
                out.add(new BenchPoolChoice(Optional.of(p.name()), free(p)));
            }
        }
        return out;
    }

    private static OptionalLong free(ZfsPool p) {
        String v = p.properties().get("free");
        if (v == null || !v.matches("[0-9]{1,19}")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();   // beyond a long: not a size a pool has
        }
    }

    /** How the form's list shows it. */
    public String label() {
        if (pool.isEmpty()) {
            return "The largest pool with room";
        }
        String name = Snippet.output(pool.get());
        return free.isPresent() ? name + "  ·  " + BenchFormat.bytes(free.getAsLong()) + " free" : name;
    }

    @Override
    public String toString() {
        return label();
    }
}
