package org.qatwb.model.agent;

import java.util.Optional;

/**
 * How the agent fared with one item, as its {@code end} line says.
 *
 * <p>{@link #EPERM} is not a read status: only {@code set_param} carries it, when the kernel
 * refused the write with "Operation not permitted", which for the {@code zfs_qat_*_disable}
 * parameters means "QAT initialisation failed" (DOMAIN.md section 6), not a missing permission.
 * It is a status of its own so that nobody reports it as a permission problem.
 */
public enum ItemStatus {
    /** Read; the bytes are the whole item. */
    OK("ok"),
    /** The file or tool does not exist on the NAS: an answer, never a failure. */
    ABSENT("absent"),
    /** The tool ran and failed; the bytes hold what it printed, the rc its exit status. */
    ERROR("error"),
    /** No permission, or {@code sudo -n} wanted a password; the bytes say which. */
    DENIED("denied"),
    /** Larger than {@link AgentProtocol#ITEM_CAP}; the bytes are its beginning. */
    TRUNCATED("truncated"),
    /** A parameter write the kernel refused with EPERM: QAT initialisation failed. */
    EPERM("eperm");

    private final String wire;

    ItemStatus(String wire) {
        this.wire = wire;
    }

    /** The word in the {@code end} line. */
    public String wire() {
        return wire;
    }

    public static Optional<ItemStatus> ofWire(String word) {
        for (ItemStatus s : values()) {
            if (s.wire.equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
