package org.qatwb.model.kstat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed named kstat file.
 *
 * @param header   line 1, absent for captures that lost it (the rows still count)
 * @param entries  every row, in file order, duplicates included
 * @param warnings one-line remarks about the input ({@code "line N: ..."} where a line applies);
 *                 the rows are usable despite them
 */
public record NamedKstat(Optional<KstatHeader> header, List<KstatEntry> entries, List<String> warnings) {

    public NamedKstat {
        Objects.requireNonNull(header, "header");
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /** The first row with this name (a warning reports any later duplicate). */
    public Optional<KstatEntry> entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
