package org.qatwb.model.apply;

import java.util.Objects;
import java.util.Optional;

/**
 * One file of a transaction, as its manifest on the NAS says.
 *
 * @param path   the file on the NAS
 * @param before the sha256 of the file before the transaction; empty when there was none
 * @param after  the sha256 the transaction gives it; empty when it removes the file (a restore)
 * @param action what the transaction does to it
 */
public record TxFile(String path, Optional<String> before, Optional<String> after, Action action) {

    public enum Action {
        WRITE, DELETE, KEEP
    }

    public TxFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(action, "action");
    }
}
