package org.qatwb.sim.driver;

import java.util.Map;
import java.util.Optional;

/**
 * A QAT 1.x function's banks and rings per bank as the driver's {@code hw_data} init sets them
 * ({@code num_banks}, {@code num_rings_per_bank}; docs/driver/allocator.md section 2, e.g. 4.24
 * qat_c62x/adf_c62x_hw_data.h and qat_c62xvf/adf_c62xvf_hw_data.h). Every VF has one bank; c4xxx
 * banks have 8 rings. The simulator's own table, independent of the product's catalog.
 *
 * @param type         the driver's device name ({@code c6xx}, {@code c6xxvf})
 * @param banks        banks (bundles) of the function
 * @param ringsPerBank 16, or 8 on c4xxx and c4xxxvf
 */
public record Family(String type, int banks, int ringsPerBank) {

    private static final Map<String, Family> KNOWN = Map.ofEntries(
            Map.entry("dh895xcc", new Family("dh895xcc", 32, 16)),
            Map.entry("dh895xccvf", new Family("dh895xccvf", 1, 16)),
            Map.entry("c6xx", new Family("c6xx", 16, 16)),
            Map.entry("c6xxvf", new Family("c6xxvf", 1, 16)),
            Map.entry("c3xxx", new Family("c3xxx", 16, 16)),
            Map.entry("c3xxxvf", new Family("c3xxxvf", 1, 16)),
            Map.entry("d15xx", new Family("d15xx", 16, 16)),
            Map.entry("d15xxvf", new Family("d15xxvf", 1, 16)),
            Map.entry("200xx", new Family("200xx", 16, 16)),
            Map.entry("200xxvf", new Family("200xxvf", 1, 16)),
            Map.entry("c4xxx", new Family("c4xxx", 128, 8)),
            Map.entry("c4xxxvf", new Family("c4xxxvf", 1, 8)));

    public static Optional<Family> of(String type) {
        return Optional.ofNullable(KNOWN.get(type));
    }

    public boolean vf() {
        return type.endsWith("vf");
    }

    /** Ring pairs per service slot: a bank's pairs split in 4 slots ({@code ADF_CFG_NUM_SERVICES}). */
    int pairsPerSlot() {
        return ringsPerBank / 8;
    }

    /** {@code tx_rx_gap}: also the most placements one bank records ({@code max_section}). */
    int maxPerBank() {
        return ringsPerBank / 2;
    }
}
