/**
 * The QAT interrupts of the simulated NAS (issue 12, section 4): {@code /proc/interrupts} and
 * {@code /proc/irq/N/} for the devices that are up, as the QAT 1.7 driver requests them, counting
 * the offloaded requests on the CPU each IRQ is delivered to, with writable affinity.
 */
package org.qatwb.sim.irq;
