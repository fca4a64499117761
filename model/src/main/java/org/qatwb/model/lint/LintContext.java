package org.qatwb.model.lint;

import java.util.Optional;
import java.util.OptionalInt;
import org.qatwb.model.device.DeviceRef;

/**
 * What the rules may know about a file beyond its text.
 *
 * @param device the device the file configures (from its name, or given by the caller); rules
 *               that need it (capacity, VF sections) are skipped when it is unknown
 * @param cores  the NAS's CPU core count, for {@code affinity.range}; skipped when unknown
 */
public record LintContext(Optional<DeviceRef> device, OptionalInt cores) {

    public static LintContext unknown() {
        return new LintContext(Optional.empty(), OptionalInt.empty());
    }

}
