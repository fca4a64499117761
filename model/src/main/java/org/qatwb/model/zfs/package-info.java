/**
 * ZFS's own names and tables that every layer shares: {@link org.qatwb.model.zfs.ZfsParam}, the QAT
 * module parameters; {@link org.qatwb.model.zfs.ZfsPropertyTable}, a {@code zfs get -H} or
 * {@code zpool get -H} table, read into {@link org.qatwb.model.zfs.ZfsDataset}s and
 * {@link org.qatwb.model.zfs.ZfsPool}s. It sits below {@code snapshot} (which reads their values),
 * {@code persist} (which keeps the parameters after a reboot) and {@code zia} (whose outcomes read
 * the pools back), so that none of them depends on another for a ZFS name or table.
 */
package org.qatwb.model.zfs;
