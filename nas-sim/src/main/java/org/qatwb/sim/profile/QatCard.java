package org.qatwb.sim.profile;

import java.util.List;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.device.DeviceModel;

/**
 * A QAT card or chipset on the simulated PCI bus.
 *
 * @param type    the PF type as {@code adf_ctl} prints it ({@code c6xx}, {@code dh895xcc})
 * @param pfBuses the PCI bus of each PF, in enumeration order ({@code 3d}): a PF is {@code 0000:BB:00.0},
 *                its VFs follow at {@code 0000:BB:01.0} onwards, eight functions per device, as SR-IOV lays them out
 * @param nodeId  the NUMA node the card hangs off
 */
public record QatCard(String type, List<String> pfBuses, int nodeId) {

    public QatCard {
        pfBuses = List.copyOf(pfBuses);
        if (DeviceCatalog.byType(type).isEmpty()) {
            throw new IllegalArgumentException("unknown QAT device type " + type);
        }
    }

    public DeviceModel model() {
        return DeviceCatalog.byType(type).orElseThrow();
    }

    public String pfBsf(int pf) {
        return "0000:" + pfBuses.get(pf) + ":00.0";
    }

    /** The address of VF {@code vf} (0-based within its PF). */
    public String vfBsf(int pf, int vf) {
        return String.format("0000:%s:%02x.%d", pfBuses.get(pf), 1 + vf / 8, vf % 8);
    }

    public int pfs() {
        return pfBuses.size();
    }
}
