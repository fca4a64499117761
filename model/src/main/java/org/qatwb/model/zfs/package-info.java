/**
 * ZFS's own names that every layer shares: {@link org.qatwb.model.zfs.ZfsParam}, the QAT module
 * parameters. It sits below {@code snapshot} (which reads their values) and {@code persist} (which
 * keeps them after a reboot), so that neither depends on the other for the name of a parameter.
 */
package org.qatwb.model.zfs;
