package org.qatwb.model.layout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.qatwb.model.cpu.CpuList;
import org.qatwb.model.cpu.CpuTopology;

/**
 * The cores an instance of a device should interrupt: those of the device's NUMA node, so that
 * the interrupt is handled next to the memory the card writes to. Where the node or the topology
 * is unknown, every online core; where even that is unknown, core 0.
 */
final class LocalCores {

    private LocalCores() {
    }

    static List<Integer> of(CpuTopology cpu, OptionalInt node) {
        if (node.isPresent()) {
            CpuList cores = cpu.nodes().get(node.getAsInt());
            if (cores != null && cores.size() > 0) {
                return cores.stream().boxed().toList();
            }
        }
        List<Integer> online = cpu.online().map(c -> c.stream().boxed().toList()).orElse(List.of());
        return online.isEmpty() ? List.of(0) : online;
    }

    /** The least used of a device's local cores (fewest instances steered to it), the lowest on a tie. */
    static int leastUsed(Layout layout, DeviceInfo device) {
        Map<Integer, Integer> load = new HashMap<>();
        for (Device d : layout.devices()) {
            for (InstanceSection s : d.config().sections()) {
                for (Instance i : s.cy()) {
                    i.core().ifPresent(c -> load.merge(c, 1, Integer::sum));
                }
                for (Instance i : s.dc()) {
                    i.core().ifPresent(c -> load.merge(c, 1, Integer::sum));
                }
            }
        }
        int best = -1;
        for (int core : of(layout.cpu(), device.node())) {
            if (best < 0 || load.getOrDefault(core, 0) < load.getOrDefault(best, 0)) {
                best = core;
            }
        }
        return best;
    }
}
