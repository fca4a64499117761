package org.qatwb.model.parse;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warnings (or notes) of one parse, at most {@link #MAX} kept, the rest only counted: a
 * file or item of a million bad lines (the agent sends up to 4 MiB) is one screen of warnings,
 * not a million strings in memory. A drop-in list: {@code add} never refuses, it stops keeping.
 */
public final class Warnings<E> extends AbstractList<E> {

    /** Warnings kept from one input; more than a reader of them would read. */
    public static final int MAX = 100;

    private static final Pattern LINE = Pattern.compile("line \\d+: ");

    private final List<E> kept = new ArrayList<>();
    private E firstDropped;
    private int dropped;

    @Override
    public boolean add(E e) {
        if (kept.size() < MAX) {
            kept.add(e);
        } else {
            if (dropped++ == 0) {
                firstDropped = e;
            }
        }
        return true;
    }

    @Override
    public E get(int index) {
        return kept.get(index);
    }

    @Override
    public E set(int index, E e) {
        return kept.set(index, e);
    }

    @Override
    public int size() {
        return kept.size();
    }

    /** Another list's kept ones added, and its dropped ones counted. */
    public void addAllOf(Warnings<E> other) {
        other.kept.forEach(this::add);
        if (dropped == 0 && other.dropped > 0) {
            firstDropped = other.firstDropped;
        }
        dropped += other.dropped;
    }

    /** How many were not kept. */
    public int dropped() {
        return dropped;
    }

    /**
     * The kept ones as lines, and one line more saying how many were left out, if any; it starts
     * as warnings do, {@code line N: }, at the first one left out.
     */
    public List<String> lines(Function<E, String> line) {
        List<String> out = new ArrayList<>(kept.size() + 1);
        kept.forEach(e -> out.add(line.apply(e)));
        if (dropped > 0) {
            Matcher at = LINE.matcher(line.apply(firstDropped));
            out.add((at.lookingAt() ? at.group() : "") + dropped + " more warning(s) from here on not shown: only the first "
                    + MAX + " are kept");
        }
        return out;
    }

}
