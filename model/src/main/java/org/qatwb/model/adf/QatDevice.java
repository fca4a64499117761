package org.qatwb.model.adf;

import java.util.Objects;

/**
 * One device line of {@code adf_ctl status}.
 *
 * @param name     {@code qat_devN} (or {@code icp_devN} from QAT 1.5/1.6); N numbers PFs and VFs together
 * @param type     the type as printed ({@code c6xx}, {@code c6xxvf}); null when the tool printed none
 *                 or something that is not a type name
 * @param vf       whether the type names a virtual function
 * @param instId   the index within the type: it names the conf file, N does not
 * @param nodeId   the NUMA node, null when absent or garbage (negative)
 * @param bsf      the PCI address, always {@code DDDD:BB:DD.F} in lower-case hex
 * @param accel    accelerators, null when not printed
 * @param engines  engines, null when not printed
 * @param state    up or down, as printed
 * @param confPath the conf file the driver reads for this device ({@code /etc/<type>_dev<inst_id>.conf},
 *                 {@code /etc/<type>_qa_dev<inst_id>.conf} for the legacy {@code icp_dev} driver);
 *                 null when the type is null
 * @param line     1-based line of the device in the parsed text
 */
public record QatDevice(
        String name,
        String type,
        boolean vf,
        int instId,
        Integer nodeId,
        String bsf,
        Integer accel,
        Integer engines,
        DeviceState state,
        String confPath,
        int line) {

    public QatDevice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bsf, "bsf");
        Objects.requireNonNull(state, "state");
    }
}
