package org.qatwb.model.layout;

import java.util.Collection;
import java.util.Optional;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.lint.SectionKind;

/**
 * Which host switches devices need (DOMAIN.md section 1): kernel-API instances need
 * {@code ENABLE_KAPI=1}; a VF with instances needs {@code SRIOV_ENABLE=1} and its driver not
 * blacklisted. Only ever turns switches on: turning one off is the administrator's explicit choice.
 */
final class HostNeeds {

    private HostNeeds() {
    }

    static HostSettings of(HostSettings host, Collection<Device> devices) {
        HostSettings out = host;
        for (Device d : devices) {
            Optional<DeviceModel> model = d.key().device().model();
            if (kapi(d)) {
                out = out.withKapi(true);
            }
            if (sriov(d)) {
                out = out.withSriov(true);
                if (model.isPresent()) {
                    out = out.withVfDriverBlocked(model.get().vfModule(), false);
                }
            }
        }
        return out;
    }

    /** Whether the device has kernel-API instances on a model that offers the kernel API. */
    static boolean kapi(Device d) {
        boolean kernelApi = d.key().device().model().map(DeviceModel::kernelApi).orElse(false);
        return kernelApi && d.config().section(SectionKind.KERNEL_QAT_NAME).isPresent();
    }

    /** Whether the device is a VF with instances, which exists only with SR-IOV on and its driver loaded. */
    static boolean sriov(Device d) {
        return d.vf() && !d.config().sections().isEmpty();
    }
}
