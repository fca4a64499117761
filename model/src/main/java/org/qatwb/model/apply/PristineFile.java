package org.qatwb.model.apply;

import java.util.Objects;
import java.util.Optional;

/**
 * The first backup qatwb made of a file it writes, kept on the NAS until the user removes it
 * ({@code /var/lib/qatwb/pristine/NAME}): the file as it was before any transaction touched it.
 *
 * @param name   the file's name (the backups' names: a conf file's, {@code qat}, {@code blacklist-qat-vfs.conf})
 * @param sha256 what it held, or empty when it did not exist (nothing to put back: remove it)
 * @param txId   the transaction that made the backup
 */
public record PristineFile(String name, Optional<String> sha256, String txId) {

    public PristineFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(txId, "txId");
    }

    /** Where it is kept on the NAS. */
    public String path() {
        return "/var/lib/qatwb/pristine/" + name;
    }
}
