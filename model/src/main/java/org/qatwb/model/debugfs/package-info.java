/**
 * The QAT driver's debugfs files ({@code /sys/kernel/debug/qat_<type>_<bsf>/}, DOMAIN.md section 9),
 * so far {@code fw_counters}: requests and responses per acceleration engine.
 */
package org.qatwb.model.debugfs;
