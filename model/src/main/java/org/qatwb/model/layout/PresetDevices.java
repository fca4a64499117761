package org.qatwb.model.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.qatwb.model.device.DeviceModel;

/**
 * The devices a preset configures, grouped by NUMA node: the PFs of QAT 1.x models with the
 * kernel API, and their VFs in spread order (VF 0 of each PF, then VF 1 of each...), so that taking
 * VFs from the front spreads the load over the PFs' separate accelerators.
 */
final class PresetDevices {

    private PresetDevices() {
    }

    /** One NUMA node's PFs and their VFs in spread order; node -1 for devices whose node is unknown. */
    record NodeGroup(int node, List<Device> pfs, List<Device> vfs) {
    }

    static boolean eligible(Device pf) {
        Optional<DeviceModel> m = pf.key().device().model();
        return !pf.vf() && m.isPresent() && m.get().kernelApi() && m.get().type().equals(pf.key().type());
    }

    static List<NodeGroup> groups(Layout layout) {
        Map<Integer, List<Device>> byNode = new TreeMap<>();
        for (Device d : layout.devices()) {
            if (eligible(d)) {
                byNode.computeIfAbsent(d.info().node().orElse(-1), n -> new ArrayList<>()).add(d);
            }
        }
        List<NodeGroup> out = new ArrayList<>();
        byNode.forEach((node, pfs) -> {
            List<List<Device>> vfs = pfs.stream().map(pf -> layout.vfsOf(pf.key())).toList();
            List<Device> spread = new ArrayList<>();
            int most = vfs.stream().mapToInt(List::size).max().orElse(0);
            for (int round = 0; round < most; round++) {
                for (List<Device> l : vfs) {
                    if (round < l.size()) {
                        spread.add(l.get(round));
                    }
                }
            }
            out.add(new NodeGroup(node, pfs, spread));
        });
        return out;
    }

    static List<Integer> cores(Layout layout, NodeGroup g) {
        return LocalCores.of(layout.cpu(), g.node() < 0 ? OptionalInt.empty() : OptionalInt.of(g.node()));
    }

    /**
     * How many of each group's slots to fill when all groups together may fill at most {@code cap}:
     * the largest group gives one up until the total fits, so that every node keeps its share.
     */
    static int[] capped(int[] wanted, int cap) {
        int[] n = wanted.clone();
        int total = 0;
        for (int w : n) {
            total += w;
        }
        while (total > cap) {
            int largest = 0;
            for (int i = 1; i < n.length; i++) {
                if (n[i] >= n[largest]) {
                    largest = i;
                }
            }
            n[largest]--;
            total--;
        }
        return n;
    }

    /**
     * The host switches every configured model needs: SR-IOV and the kernel API on, VF drivers as
     * given. With no device to configure (no QAT card, or none with the kernel API) the host stays
     * as it is: a preset must not write {@code /etc/default/qat} for a driver the NAS does not have.
     */
    static HostSettings host(Layout layout, boolean blockVfDrivers) {
        List<NodeGroup> groups = groups(layout);
        if (groups.isEmpty()) {
            return layout.host();
        }
        HostSettings h = layout.host().withSriov(true).withKapi(true);
        for (NodeGroup g : groups) {
            for (Device pf : g.pfs()) {
                h = h.withVfDriverBlocked(pf.key().device().model().orElseThrow().vfModule(), blockVfDrivers);
            }
        }
        return h;
    }
}
