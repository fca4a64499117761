package org.qatwb.model.doctor;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard's one line from the kernel checks: whether the next boot would lose QAT, and which
 * kernel. Read from a {@link DoctorReport}, so that the dashboard and the Doctor tab never disagree.
 */
public final class NextBootGuard {

    /** The checks whose failure means the kernel that boots next (or the running one rebooted) loses QAT. */
    static final Set<Check> KERNEL_CHECKS = EnumSet.of(Check.KERNEL_QAT_DRIVER_BUILD, Check.KERNEL_ZFS_QAT_BUILD,
            Check.KERNEL_INITRAMFS);

    private NextBootGuard() {
    }

    /**
     * The first failing kernel check's message (it names the kernel), empty where no kernel check
     * fails: a warning about a kernel that does not boot next is the Doctor tab's, not the dashboard's.
     */
    public static Optional<String> warning(DoctorReport report) {
        return report.results().stream()
                .filter(r -> KERNEL_CHECKS.contains(r.check()) && r.status() == CheckStatus.FAIL)
                .findFirst()
                .map(r -> "The next boot would lose QAT: " + r.message() + " (Doctor: " + r.id() + ")");
    }
}
