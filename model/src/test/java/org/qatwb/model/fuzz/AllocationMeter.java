package org.qatwb.model.fuzz;

import java.lang.management.ManagementFactory;

/**
 * Bytes the current thread allocated, as the JVM counts them (TLAB and outside): deterministic
 * for a given input, unlike heap use or time, so a bound on it can be asserted.
 */
public final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    public static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    public static boolean supported() {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }
}
