package org.qatwb.model.doctor;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.SnapshotIssue;

/**
 * What a check sees: the snapshot, the observation if one was taken, and the results of the checks
 * before it in chain order (so that it can skip when a link it needs failed).
 */
record CheckContext(NasSnapshot snapshot, Optional<Observation> observation, Map<Check, CheckResult> earlier) {

    CheckContext {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(observation, "observation");
        earlier = Collections.unmodifiableMap(earlier.isEmpty() ? new EnumMap<>(Check.class) : new EnumMap<>(earlier));
    }

    /** The status of an earlier check; {@code SKIP} for one that has not run. */
    CheckStatus status(Check c) {
        CheckResult r = earlier.get(c);
        return r == null ? CheckStatus.SKIP : r.status();
    }

    boolean failed(Check c) {
        return status(c) == CheckStatus.FAIL;
    }

    /** Whether the NAS has no such file or tool: an answer, not a failure. */
    boolean absent(String item) {
        return snapshot.itemStatus().get(item) == ItemStatus.ABSENT;
    }

    /** Why an item could not be used (denied, failed, cut, missing, unparseable), as the user reads it. */
    Optional<String> unreadable(String item) {
        return snapshot.issue(item).map(SnapshotIssue::line);
    }

    /** A skip naming the first of {@code self}'s prerequisites that failed, if any did. */
    Optional<CheckResult> skipIfBlocked(Check self) {
        for (Check p : self.prerequisites()) {
            if (failed(p)) {
                return Optional.of(CheckResult.skip(self, "not checked while " + p.id() + " fails"));
            }
        }
        return Optional.empty();
    }
}
