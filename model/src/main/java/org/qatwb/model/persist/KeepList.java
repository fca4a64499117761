package org.qatwb.model.persist;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.qatwb.model.zfs.ZfsParam;

/**
 * The parameters to keep at 0 after a reboot, as one word: {@code none}, or their short names in
 * {@link ZfsParam} order joined by commas ({@code compress,checksum}). The agent's
 * {@code persist-params} takes exactly these eight words, so nothing but them reaches its shell.
 */
public final class KeepList {

    public static final String NONE = "none";

    private KeepList() {
    }

    /** The word for a set of parameters. */
    public static String word(Set<ZfsParam> keep) {
        if (keep.isEmpty()) {
            return NONE;
        }
        StringJoiner j = new StringJoiner(",");
        for (ZfsParam p : ZfsParam.values()) {
            if (keep.contains(p)) {
                j.add(p.shortName());
            }
        }
        return j.toString();
    }

    /** The set a word names; empty for anything but the eight words {@link #word} makes. */
    public static Optional<Set<ZfsParam>> parse(String word) {
        for (Set<ZfsParam> s : allSets()) {
            if (word(s).equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Every set of parameters, the empty one first, then in {@link ZfsParam} order. */
    public static List<Set<ZfsParam>> allSets() {
        ZfsParam[] all = ZfsParam.values();
        List<Set<ZfsParam>> sets = new ArrayList<>();
        for (int bits = 0; bits < 1 << all.length; bits++) {
            EnumSet<ZfsParam> s = EnumSet.noneOf(ZfsParam.class);
            for (int i = 0; i < all.length; i++) {
                if ((bits & (1 << i)) != 0) {
                    s.add(all[i]);
                }
            }
            sets.add(Collections.unmodifiableSet(s));
        }
        return List.copyOf(sets);
    }

    /** An unmodifiable copy in {@link ZfsParam} order. */
    static Set<ZfsParam> copy(Set<ZfsParam> keep) {
        return Collections.unmodifiableSet(keep.isEmpty() ? EnumSet.noneOf(ZfsParam.class) : EnumSet.copyOf(keep));
    }
}
