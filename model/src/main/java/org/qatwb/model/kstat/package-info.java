/**
 * SPL kstat files ({@code /proc/spl/kstat/<module>/<name>}) and the QAT view over
 * {@code /proc/spl/kstat/zfs/qat} (DOMAIN.md section 5).
 *
 * <p>{@link org.qatwb.model.kstat.KstatParser} reads any <em>named</em> kstat into a
 * {@link org.qatwb.model.kstat.NamedKstat}; {@link org.qatwb.model.kstat.QatKstat} picks the
 * counters ZFS's QAT code publishes out of it. Values stay exact: uint64 counters are kept as
 * decimal strings and read back as unsigned longs or {@link java.math.BigInteger}s.
 */
package org.qatwb.model.kstat;
