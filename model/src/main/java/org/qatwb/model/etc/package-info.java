/**
 * The two small system files of the QAT chain: {@code /etc/default/qat} (read by Intel's
 * {@code qat_service}) and {@code /etc/modprobe.d/blacklist-qat-vfs.conf} (read by modprobe).
 * Each is read the way its real consumer reads it, not the way it looks.
 */
package org.qatwb.model.etc;
