package org.qatwb.model.layout;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the NAS says about a PF or VF, which a layout does not change: where it is and whether it
 * has a conf file. VFs that SR-IOV would create but that do not exist now are listed too (the
 * layout can give them a role), without an address.
 *
 * @param key         the device as its conf file names it
 * @param pf          the PF that hosts a VF (by the driver's numbering: inst_id / VFs per PF)
 * @param bsf         the PCI address, when {@code adf_ctl status} lists the device
 * @param node        the NUMA node (a VF's is its PF's)
 * @param state       {@code up} or {@code down}, when listed
 * @param confPresent whether {@code /etc/<key>.conf} exists
 */
public record DeviceInfo(DeviceKey key, Optional<DeviceKey> pf, Optional<String> bsf, OptionalInt node,
        Optional<String> state, boolean confPresent) {

    public DeviceInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(pf, "pf");
        Objects.requireNonNull(bsf, "bsf");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(state, "state");
    }
}
