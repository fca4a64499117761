package org.qatwb.model.driver;

import java.util.Optional;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.device.DeviceRef;

/**
 * One device of a host as the allocator sees it.
 *
 * @param name   how messages name it (e.g. the conf file name {@code c6xxvf_dev3.conf})
 * @param device its type, PF or VF
 * @param devId  the driver's device number, {@code qat_dev<devId>} in adf_ctl's messages
 * @param conf   the conf file adf_ctl hands to the driver for it
 * @param pf     for a VF: the {@link #name} of its PF in the same set, whose map it receives
 *               (allocator.md section 3); empty for a PF or when the PF is not in the set
 */
public record DeviceConf(String name, DeviceRef device, int devId, ConfDocument conf, Optional<String> pf) {
}
