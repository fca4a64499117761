/**
 * The configuration the QAT driver actually loaded: a device's debugfs {@code dev_cfg}
 * ({@link DevCfg}, read by {@link DevCfgParser}), what it must show after an apply
 * ({@link DevCfgExpectation}) and the comparison of the two ({@link DevCfgMismatch}).
 * See docs/driver/dev-cfg-and-busy.md for the driver's code this follows.
 */
package org.qatwb.model.devcfg;
