/**
 * Everything read from a NAS in one round trip, as an immutable {@link org.qatwb.model.snapshot.NasSnapshot}
 * built by {@link org.qatwb.model.snapshot.NasSnapshotReader} from the agent's output, plus the
 * small readers it needs that have no other home (os-release, uptime, the conf files' split).
 *
 * <p>What it reads with other packages' readers sits below it: the CPUs ({@code model.cpu}), the
 * ZFS tables ({@code model.zfs}), the interrupts' facts ({@code model.irq}) and Z.I.A.'s
 * ({@code model.zia}). What decides over a whole snapshot sits above it ({@code model.irq.plan},
 * {@code model.zia.plan}, the doctor, the layout).
 */
package org.qatwb.model.snapshot;
