package org.qatwb.model.lint;

import static org.qatwb.model.lint.RuleSource.FIELD_REPORT;
import static org.qatwb.model.lint.RuleSource.INFERENCE;
import static org.qatwb.model.lint.RuleSource.INTEL_SAMPLES;

import java.util.Map;
import java.util.Optional;

/**
 * How many instances one ring bank holds, per {@code ServicesEnabled} (DOMAIN.md section 4).
 *
 * <p>Kept as data, each figure with its source, because these numbers are the least certain
 * knowledge in the product: correct them here when better evidence arrives. A VF has one bank;
 * a PF has its model's bank count.
 */
public final class CapacityTable {

    /**
     * Per-bank limits.
     *
     * @param polledCy    Cy instances per bank when every instance is polled
     * @param polledDc    Dc instances per bank when every instance is polled
     * @param interruptCy Cy instances per bank when any instance is interrupt-driven (IsPolled = 0)
     * @param interruptDc Dc instances per bank in interrupt mode
     * @param source      where the figures come from
     * @param note        the evidence, in a few words
     */
    public record PerBank(int polledCy, int polledDc, int interruptCy, int interruptDc, RuleSource source, String note) {

        public int cy(boolean interrupt) {
            return interrupt ? interruptCy : polledCy;
        }

        public int dc(boolean interrupt) {
            return interrupt ? interruptDc : polledDc;
        }
    }

    private static final PerBank CY_DC = new PerBank(2, 2, 1, 1, INTEL_SAMPLES,
            "Intel's c6xxvf sample ships 2 Cy + 2 Dc polled; the Intel guide, per a field report, gives"
                    + " 1 Cy + 1 Dc for interrupt-mode instances");
    private static final PerBank SYM_DC = new PerBank(2, 2, 1, 1, FIELD_REPORT,
            "Intel guide, per a field report: 2 Cy + 2 Dc only when polled, 1 Cy + 1 Dc in interrupt mode");
    private static final PerBank CY = new PerBank(4, 0, 4, 0, INFERENCE,
            "ring allocator: a Cy instance takes 4 of the bank's 16 rings");
    private static final PerBank SYM_OR_ASYM = new PerBank(8, 0, 8, 0, INFERENCE,
            "ring allocator: a sym or asym instance takes 2 of the bank's 16 rings");
    private static final PerBank DC = new PerBank(0, 8, 0, 8, INFERENCE,
            "ring allocator: a Dc instance takes 2 of the bank's 16 rings");

    private static final Map<String, PerBank> BY_SERVICES = Map.ofEntries(
            Map.entry("cy;dc", CY_DC),
            Map.entry("dc;sym", SYM_DC),
            Map.entry("asym;dc", SYM_DC),
            Map.entry("cy", CY),
            Map.entry("sym", SYM_OR_ASYM),
            Map.entry("asym", SYM_OR_ASYM),
            Map.entry("dc", DC));

    private CapacityTable() {
    }

    /** The per-bank limits for a ServicesEnabled value in any order, if the table knows it. */
    public static Optional<PerBank> perBank(String servicesEnabled) {
        return Optional.ofNullable(BY_SERVICES.get(Services.canonical(servicesEnabled)));
    }
}
