package org.qatwb.model.bench;

import java.util.Objects;

/**
 * A pool as the benchmark sees it.
 *
 * @param name      the pool's name
 * @param sizeBytes zpool's size
 * @param freeBytes zpool's free (raw, before redundancy)
 * @param available what a new dataset on it can use: {@code zfs get available} of the pool's root
 *                  dataset (after redundancy and reservations); -1 when zfs did not say. The
 *                  three-times rule uses this one.
 * @param health    ONLINE, DEGRADED...
 */
public record PoolSpace(String name, long sizeBytes, long freeBytes, long available, String health) {

    public PoolSpace {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(health, "health");
    }
}
