package org.qatwb.model.bench;

import java.util.OptionalLong;

/**
 * The {@code cpu} line of /proc/stat (proc(5)): every CPU's time in USER_HZ ticks, summed.
 * Busy is user + nice + system + irq + softirq + steal: not idle, not waiting for I/O. guest and
 * guest_nice are left out because the kernel counts them inside user and nice already
 * (kernel/sched/cputime.c account_guest_time).
 */
public final class CpuTicks {

    private CpuTicks() {
    }

    /** The busy ticks of a {@code cpu  user nice system idle iowait irq softirq steal ...} line; empty when it is not one. */
    public static OptionalLong busy(String line) {
        String[] w = line.strip().split("\\s+");
        if (w.length < 8 || !w[0].equals("cpu")) {
            return OptionalLong.empty();
        }
        long sum = 0;
        int[] busy = {1, 2, 3, 6, 7, 8};
        for (int i : busy) {
            if (i >= w.length) {
                continue; // steal came with Linux 2.6.11
            }
            try {
                long v = Long.parseLong(w[i]);
                if (v < 0) {
                    return OptionalLong.empty();
                }
                sum = Math.addExact(sum, v);
            } catch (NumberFormatException | ArithmeticException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(sum);
    }
}
