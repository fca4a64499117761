/**
 * Which driver owns each QAT PCI device (issue 16, section 3): every QAT function of every
 * generation with its bound driver, the QAT modules' origins (in-kernel or out-of-tree, which share
 * their names), what ZFS can use of each function, and where the two drivers collide. The facts
 * only, read by the snapshot; the doctor's {@code qat.driver-owner} judges them.
 */
package org.qatwb.model.pci;
