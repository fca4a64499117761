package org.qatwb.model.fuzz;

import java.util.List;

/**
 * One reader of hostile input, as the suite and the benchmark drive it.
 *
 * @param name      the reader, as reported
 * @param seeds     valid inputs, from the project's own fixtures
 * @param words     the format's own vocabulary (markers, keys, item names) for mutations to insert
 * @param read      the reader, from bytes to the messages its result carries (warnings, reasons)
 * @param refusals  the exceptions the reader documents for bad input; anything else is a finding
 */
public record FuzzTarget(String name, List<byte[]> seeds, List<byte[]> words, Read read,
                         List<Class<? extends Exception>> refusals) {

    public FuzzTarget {
        seeds = List.copyOf(seeds);
        words = List.copyOf(words);
        refusals = List.copyOf(refusals);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException(name + ": no seed");
        }
    }

    /** The messages a reader's result holds for a user to read; refusals come as exceptions. */
    @FunctionalInterface
    public interface Read {
        List<String> messages(byte[] input) throws Exception;
    }

    public boolean refuses(Throwable t) {
        return refusals.stream().anyMatch(c -> c.isInstance(t));
    }

    @Override
    public String toString() {
        return name;
    }
}
