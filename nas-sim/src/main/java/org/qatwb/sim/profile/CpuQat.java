package org.qatwb.sim.profile;

import java.util.Objects;

/**
 * A QAT endpoint built into the CPU (Gen 4: 4xxx on 4th Gen Xeon Scalable), which no out-of-tree driver
 * was installed for: the distribution kernel's in-kernel driver binds it at boot, udev loading the
 * module its PCI id names.
 *
 * @param deviceId the PCI device id ({@code 0x4940})
 * @param bsf      its address ({@code 0000:6b:00.0})
 * @param node     the NUMA node of its socket
 */
public record CpuQat(String deviceId, String bsf, int node) {

    public CpuQat {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(bsf, "bsf");
    }
}
