package org.qatwb.model.adf;

import java.util.List;
import java.util.OptionalInt;

/**
 * The current device list from an {@code adf_ctl status} capture.
 *
 * @param devices       the devices of the last status output in the text, in printed order
 * @param declaredCount the count its "There is N ... device(s)" header announced, if it had one
 * @param warnings      one-line notes, each starting {@code line N: } where a line applies
 */
public record AdfStatus(List<QatDevice> devices, OptionalInt declaredCount, List<String> warnings) {

    public AdfStatus {
        devices = List.copyOf(devices);
        warnings = List.copyOf(warnings);
    }
}
