package org.qatwb.model.debugfs;

import java.util.List;
import java.util.Objects;

/**
 * One device's {@code fw_counters}.
 *
 * @param format   which driver printed it
 * @param engines  the engines in printed order
 * @param warnings one-line notes, each {@code line N: ...}
 */
public record FwCounters(Format format, List<EngineCounters> engines, List<String> warnings) {

    /** The two layouts the drivers print. */
    public enum Format {
        /** Intel's out-of-tree driver: a box, two or three lines per engine. */
        BOX,
        /** The in-kernel (upstream) driver: "AE  Requests  Responses", one row per engine. */
        TABLE
    }

    public FwCounters {
        Objects.requireNonNull(format, "format");
        engines = List.copyOf(engines);
        warnings = List.copyOf(warnings);
    }
}
