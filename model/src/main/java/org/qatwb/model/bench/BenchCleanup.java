package org.qatwb.model.bench;

import java.util.List;

/**
 * What the NAS did after the passes, whatever happened before: the scratch dataset destroyed, the
 * parameters put back.
 *
 * @param datasetDestroyed the scratch dataset (and its key) is gone, verified on the NAS
 * @param paramsRestored   every ZFS QAT parameter reads what it read before, verified on the NAS
 * @param notes            what did not go as it should, one line each
 */
public record BenchCleanup(boolean datasetDestroyed, boolean paramsRestored, List<String> notes) {

    public BenchCleanup {
        notes = List.copyOf(notes);
    }

    public boolean clean() {
        return datasetDestroyed && paramsRestored;
    }
}
