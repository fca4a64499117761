package org.qatwb.sim.driver;

import org.qatwb.model.conf.InstanceKind;

/**
 * What a device that came up offers the kernel QAT API: the instances the driver placed from its
 * {@code [KERNEL_QAT]} section (what {@code qat_api} hands to its callers, ZFS among them).
 *
 * @param cy          Cy instances placed
 * @param dc          Dc instances placed
 * @param cyInterrupt of those, not polled ({@code IsPolled} other than 1): ZFS gets their callbacks
 * @param dcInterrupt of those, not polled
 */
public record LoadedConf(int cy, int dc, int cyInterrupt, int dcInterrupt) {

    public static final LoadedConf NONE = new LoadedConf(0, 0, 0, 0);

    /** The kernel-API instances of a configured device. */
    public static LoadedConf of(KernelResult r) {
        int cy = 0;
        int dc = 0;
        int cyI = 0;
        int dcI = 0;
        for (KernelResult.Placed p : r.placed()) {
            if (!p.section().equals("KERNEL_QAT")) {
                continue;
            }
            boolean interrupt = p.polling() != 1;
            if (p.cy()) {
                cy++;
                cyI += interrupt ? 1 : 0;
            } else {
                dc++;
                dcI += interrupt ? 1 : 0;
            }
        }
        return new LoadedConf(cy, dc, cyI, dcI);
    }

    public int instances(InstanceKind kind) {
        return kind == InstanceKind.CY ? cy : dc;
    }

    public int interrupt(InstanceKind kind) {
        return kind == InstanceKind.CY ? cyInterrupt : dcInterrupt;
    }
}
