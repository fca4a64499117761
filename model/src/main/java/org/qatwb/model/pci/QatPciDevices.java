package org.qatwb.model.pci;

/**
 * Every QAT PCI device on the NAS with the driver bound to it (issue 16, section 3). Placeholder:
 * the driver-owner work fills it in.
 */
public record QatPciDevices() {
}
