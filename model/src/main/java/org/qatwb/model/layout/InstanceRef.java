package org.qatwb.model.layout;

import java.util.Objects;
import org.qatwb.model.conf.InstanceKind;

/**
 * Where an instance is: {@code Dc0} of {@code [KERNEL_QAT]} in {@code c6xxvf_dev3}.
 *
 * @param device  the PF or VF
 * @param section the section
 * @param kind    Cy or Dc
 * @param index   the n of {@code Dc<n>}
 */
public record InstanceRef(DeviceKey device, String section, InstanceKind kind, int index) {

    public InstanceRef {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(kind, "kind");
        if (index < 0) {
            throw new IllegalArgumentException("instance index " + index);
        }
    }

    @Override
    public String toString() {
        return device + " [" + section + "] " + kind.prefix() + index;
    }
}
