/**
 * Z.I.A., the hpc/zfs fork's ZFS Interface for Accelerators (DOMAIN.md section 10): its pool
 * properties ({@link org.qatwb.model.zia.ZiaProperty}), a validated change to one of them with what
 * it brings along ({@link org.qatwb.model.zia.ZiaChange}), and what the agent's {@code zpool-set}
 * did ({@link org.qatwb.model.zia.ZiaSetOutcome}).
 */
package org.qatwb.model.zia;
