/**
 * Z.I.A., the hpc/zfs fork's ZFS Interface for Accelerators (DOMAIN.md section 10): its pool
 * properties ({@link org.qatwb.model.zia.ZiaProperty}), a validated change to one of them
 * ({@link org.qatwb.model.zia.ZiaChange}), what the host keeps
 * ({@link org.qatwb.model.zia.ZiaHost}), and what the agent's {@code zpool-set} did
 * ({@link org.qatwb.model.zia.ZiaSetOutcome}). The snapshot reads these facts; the use case that
 * decides over a whole snapshot is in {@code model.zia.plan}, above it.
 */
package org.qatwb.model.zia;
