package org.qatwb.model.cpu;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The NAS's CPUs as the conf files' {@code CoreAffinity} sees them.
 *
 * @param online      {@code /sys/devices/system/cpu/online}, when read
 * @param nodesOnline {@code /sys/devices/system/node/online}, when read
 * @param nodes       each NUMA node's CPUs ({@code nodeN/cpulist}), by node number
 */
public record CpuTopology(Optional<CpuList> online, Optional<CpuList> nodesOnline, SortedMap<Integer, CpuList> nodes) {

    public CpuTopology {
        Objects.requireNonNull(online, "online");
        Objects.requireNonNull(nodesOnline, "nodesOnline");
        nodes = Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
    }

    public static CpuTopology unknown() {
        return new CpuTopology(Optional.empty(), Optional.empty(), new TreeMap<>());
    }

    /**
     * The number of logical CPUs online (hyperthreads count: {@code CoreAffinity} numbers them),
     * the bound of the {@code affinity.range} rule.
     */
    public OptionalInt cores() {
        return online.map(c -> OptionalInt.of(c.size())).orElse(OptionalInt.empty());
    }

    /** The number of NUMA nodes: those listed with CPUs, else those online. */
    public OptionalInt nodeCount() {
        if (!nodes.isEmpty()) {
            return OptionalInt.of(nodes.size());
        }
        return nodesOnline.map(c -> OptionalInt.of(c.size())).orElse(OptionalInt.empty());
    }
}
