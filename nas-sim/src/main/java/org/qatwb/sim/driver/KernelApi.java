package org.qatwb.sim.driver;

import org.qatwb.model.conf.InstanceKind;

/**
 * What the kernel QAT API ({@code qat_api}) offers ZFS right now.
 *
 * @param available   the API answers: ENABLE_KAPI was on when qat.service started and a device is up
 *                    ({@code cpaDcGetNumInstances} succeeds)
 * @param cy          Cy instances of the up devices' {@code [KERNEL_QAT]} sections
 * @param dc          Dc instances
 * @param cyInterrupt of those, interrupt-driven ({@code IsPolled = 0})
 * @param dcInterrupt of those, interrupt-driven
 */
public record KernelApi(boolean available, int cy, int dc, int cyInterrupt, int dcInterrupt) {

    public static final KernelApi NONE = new KernelApi(false, 0, 0, 0, 0);

    public int instances(InstanceKind kind) {
        return kind == InstanceKind.CY ? cy : dc;
    }

    public int interrupt(InstanceKind kind) {
        return kind == InstanceKind.CY ? cyInterrupt : dcInterrupt;
    }
}
