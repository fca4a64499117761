package org.qatwb.model.doctor;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The doctor's verdict on one NAS: every check of the catalogue, in chain order.
 *
 * @param results one result per {@link Check}, in catalogue order
 */
public record DoctorReport(List<CheckResult> results) {

    public DoctorReport {
        results = List.copyOf(results);
    }

    /** The result of one check. */
    public Optional<CheckResult> result(Check check) {
        return results.stream().filter(r -> r.check() == check).findFirst();
    }

    /** Whether any link is broken: {@code qatwb doctor} then exits 1. */
    public boolean failed() {
        return results.stream().anyMatch(r -> r.status() == CheckStatus.FAIL);
    }

    /**
     * Whether an observation of the counters could change this report: {@code zfs.offload-active}
     * was not checked for want of one, and none of the links it needs failed. Saves a caller
     * watching the counters on a NAS where they cannot move.
     */
    public boolean wantsObservation() {
        return result(Check.ZFS_OFFLOAD_ACTIVE).filter(r -> r.status() == CheckStatus.SKIP).isPresent()
                && Check.ZFS_OFFLOAD_ACTIVE.prerequisites().stream().noneMatch(c -> result(c)
                .filter(r -> r.status() == CheckStatus.FAIL).isPresent());
    }

    /** How many checks came out each way, every status present. */
    public Map<CheckStatus, Integer> counts() {
        Map<CheckStatus, Integer> n = new EnumMap<>(CheckStatus.class);
        for (CheckStatus s : CheckStatus.values()) {
            n.put(s, 0);
        }
        results.forEach(r -> n.merge(r.status(), 1, Integer::sum));
        return n;
    }
}
