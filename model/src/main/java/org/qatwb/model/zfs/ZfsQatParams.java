package org.qatwb.model.zfs;

/**
 * Every {@code zfs_qat_*} module parameter the NAS exposes, known or not (issue 16, section 4).
 * Placeholder: the ZFS-forks work fills it in.
 */
public record ZfsQatParams() {
}
