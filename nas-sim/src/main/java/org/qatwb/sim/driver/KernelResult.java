package org.qatwb.sim.driver;

import java.util.List;

/**
 * What the kernel did with one device's configuration ({@code adf_config_device}).
 *
 * @param configured every instance placed: the device can start
 * @param log        the kernel log lines, in order, with the device prefix where the driver prints one
 * @param ringMap    a PF's ring map and capabilities after this pass (what its VFs receive); for a VF, its own
 * @param caps       the capabilities the PF announces to its VFs after this pass
 * @param placed     the instances placed, in the driver's order (empty when refused)
 */
public record KernelResult(boolean configured, List<String> log, int ringMap, int caps, List<Placed> placed) {

    public KernelResult {
        log = List.copyOf(log);
        placed = List.copyOf(placed);
    }

    /**
     * One placed instance.
     *
     * @param section the section it came from ({@code KERNEL_QAT})
     * @param process the process name the allocator used ({@code KERNEL_QAT}, {@code SSL_INT_0})
     * @param cy      a Cy instance (else Dc)
     * @param name    its {@code Name}
     * @param polling its {@code IsPolled} as the driver read it
     * @param bank    the bank it took
     * @param core    the core it was given
     */
    public record Placed(String section, String process, boolean cy, String name, long polling, int bank, long core) {
    }
}
