/** The device catalog: QAT device families, their VFs, banks and accepted services. */
package org.qatwb.model.device;
