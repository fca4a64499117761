package org.qatwb.model.layout;

import java.util.Objects;
import java.util.Optional;

/**
 * A host file as the snapshot read it, for byte-preserving edits: its text, or that it does not
 * exist, or why it could not be read (then nothing may be written over it).
 *
 * @param path    the path on the NAS
 * @param text    the content as the snapshot decoded it (UTF-8); empty when absent or unreadable
 * @param problem why the file could not be read; empty when it was read or does not exist
 */
public record BaseFile(String path, Optional<String> text, Optional<String> problem) {

    public BaseFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(problem, "problem");
    }

    public boolean readable() {
        return problem.isEmpty();
    }
}
