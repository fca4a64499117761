/**
 * "Keep after reboot" for ZFS's QAT parameters (DOMAIN.md section 6): where it lives
 * ({@link org.qatwb.model.persist.PersistTarget}: a systemd unit, or a TrueNAS init script), what is
 * there now ({@link org.qatwb.model.persist.PersistState}, read by
 * {@link org.qatwb.model.persist.PersistReader}), what a change will write, with its diff
 * ({@link org.qatwb.model.persist.PersistPlan}), and what the agent did
 * ({@link org.qatwb.model.persist.PersistOutcome}). The texts are {@link org.qatwb.model.persist.ZfsQatUnit}
 * and {@link org.qatwb.model.persist.InitScript}; the agent builds the same bytes from the same words.
 */
package org.qatwb.model.persist;
