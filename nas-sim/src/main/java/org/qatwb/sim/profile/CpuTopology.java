package org.qatwb.sim.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulated CPUs: one cpulist per NUMA node, in the kernel's list syntax ({@code 0-13,28-41}).
 *
 * @param nodeCpus the cpulist of node 0, node 1, ...
 */
public record CpuTopology(List<String> nodeCpus) {

    public CpuTopology {
        nodeCpus = List.copyOf(nodeCpus);
        if (nodeCpus.isEmpty()) {
            throw new IllegalArgumentException("at least one NUMA node");
        }
    }

    /** The cores of one node, ascending. */
    public List<Integer> cpusOf(int node) {
        List<Integer> out = new ArrayList<>();
        for (String part : nodeCpus.get(node).split(",")) {
            int dash = part.indexOf('-');
            int lo = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int hi = dash < 0 ? lo : Integer.parseInt(part.substring(dash + 1));
            for (int c = lo; c <= hi; c++) {
                out.add(c);
            }
        }
        return out;
    }

    public int cores() {
        int n = 0;
        for (int node = 0; node < nodeCpus.size(); node++) {
            n += cpusOf(node).size();
        }
        return n;
    }

    public int nodes() {
        return nodeCpus.size();
    }

    /** {@code /sys/devices/system/cpu/online}: the cores are numbered without gaps here. */
    public String onlineList() {
        return cores() == 1 ? "0" : "0-" + (cores() - 1);
    }

    /** {@code /sys/devices/system/node/online}. */
    public String nodeOnlineList() {
        return nodes() == 1 ? "0" : "0-" + (nodes() - 1);
    }
}
