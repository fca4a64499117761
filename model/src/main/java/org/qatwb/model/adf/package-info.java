/**
 * {@code adf_ctl status} (and {@code qat_service status}) output: which QAT devices the driver
 * knows, their state, and the conf file each one reads.
 */
package org.qatwb.model.adf;
