/**
 * Everything read from a NAS in one round trip, as an immutable {@link org.qatwb.model.snapshot.NasSnapshot}
 * built by {@link org.qatwb.model.snapshot.NasSnapshotReader} from the agent's output, plus the
 * small readers it needs that have no other home (CPU lists, {@code zfs get}, {@code zpool get},
 * os-release).
 */
package org.qatwb.model.snapshot;
