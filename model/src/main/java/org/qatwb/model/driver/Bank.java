package org.qatwb.model.driver;

import java.util.ArrayList;
import java.util.List;

/** One bank while a device is being configured (step A5's state); mutable, never leaves the package. */
final class Bank {

    enum Type { FREE, KERNEL, USER }

    /** Polling mode "none" of a free bank. */
    static final long NO_POLLING = -1;

    final int number;
    final List<ServiceType> positions;
    final InstancePlacement[] taken;
    Type type = Type.FREE;
    long polling = NO_POLLING;
    /** The single core of an interrupt-mode bank; -1 while the mask is all CPUs. */
    long core = -1;
    boolean coreSet;
    String firstProcess;
    /** The section of the first instance (a user section's processes have their own process names). */
    String firstSection;
    String firstInstance;
    /** {@code Cy0}, {@code Dc1}: tells the first instance apart when names repeat. */
    String firstKey;
    final List<InstancePlacement> held = new ArrayList<>();

    Bank(int number, List<ServiceType> positions) {
        this.number = number;
        this.positions = List.copyOf(positions);
        this.taken = new InstancePlacement[positions.size()];
    }

    /** {@code adf_cfg_is_interrupt_mode}: epoll, or a kernel bank not polled. */
    boolean interrupt() {
        return polling == 2 || (type == Type.KERNEL && polling != 1);
    }

    boolean maskHas(long cpu) {
        return !coreSet || core == cpu;
    }

    /** The first unused position of {@code type}, or -1. */
    int freePosition(ServiceType t) {
        for (int i = 0; i < positions.size(); i++) {
            if (taken[i] == null && positions.get(i) == t) {
                return i;
            }
        }
        return -1;
    }

    long positionsOf(ServiceType t) {
        return positions.stream().filter(p -> p == t).count();
    }
}
