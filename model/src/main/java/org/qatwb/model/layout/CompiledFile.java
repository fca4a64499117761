package org.qatwb.model.layout;

import java.util.Objects;
import org.qatwb.model.apply.FileChange;

/**
 * One file a layout changes, with its unified diff for display.
 *
 * @param change the path and the bytes before and after
 * @param diff   {@code diff -u} of the file ({@code --- /dev/null} for a new one)
 */
public record CompiledFile(FileChange change, String diff) {

    public CompiledFile {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(diff, "diff");
    }

    public String path() {
        return change.path();
    }

    public boolean isNew() {
        return change.before().isEmpty();
    }
}
