package org.qatwb.model.driver;

import java.util.Optional;
import org.qatwb.model.device.DeviceRef;

/**
 * Banks of one function and rings per bank (allocator.md section 2, from each family's
 * {@code hw_data}). Every VF has one bank; c4xxx and its VF have 8-ring banks, the rest 16.
 */
public record BankGeometry(int banks, int ringsPerBank) {

    /** Ring pairs per service slot: a bank's pairs split in 4 slots ({@code ADF_CFG_NUM_SERVICES}). */
    public int pairsPerSlot() {
        return ringsPerBank / 8;
    }

    /** The geometry of a QAT 1.x function; empty for Gen 4 and unknown types, which this model does not cover. */
    public static Optional<BankGeometry> of(DeviceRef device) {
        if (device.model().isEmpty() || !device.model().get().kernelApi() || device.banks() <= 0) {
            return Optional.empty();
        }
        int rings = device.model().get().type().equals("c4xxx") ? 8 : 16;
        return Optional.of(new BankGeometry(device.banks(), rings));
    }
}
