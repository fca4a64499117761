package org.qatwb.model.layout;

import java.util.List;
import org.qatwb.model.lint.SectionKind;

/**
 * The layout Intel's installer leaves on an SR-IOV host built with the kernel API: the PFs get
 * {@code <type>pf_dev0.conf} (no instances) and every VF {@code <type>vf_dev0.conf.vm.km}
 * (QAT.L.4.24.0: {@code [KERNEL_QAT]} with {@code IPSec0} and {@code IPComp0}, polled, on core 0),
 * {@code /etc/default/qat} sets {@code SRIOV_ENABLE=1} and {@code ENABLE_KAPI=1}, and
 * {@code blacklist-qat-vfs.conf} blocks the VF driver (the samples in {@code ../shared/samples}).
 */
final class InstallerDefaults {

    private static final String SERVICES = "cy;dc";
    private static final Instance CY = Instance.of("IPSec0", Instance.POLLED, 0);
    private static final Instance DC = Instance.of("IPComp0", Instance.POLLED, 0);

    private InstallerDefaults() {
    }

    static Layout apply(Layout layout) {
        Layout out = layout;
        for (PresetDevices.NodeGroup g : PresetDevices.groups(layout)) {
            for (Device pf : g.pfs()) {
                out = out.withConfig(pf.key(), new DeviceConfig(SERVICES, List.of()));
            }
            for (Device vf : g.vfs()) {
                out = out.withConfig(vf.key(), new DeviceConfig(SERVICES,
                        List.of(new InstanceSection(SectionKind.KERNEL_QAT_NAME, List.of(CY), List.of(DC)))));
            }
        }
        return out.withHost(PresetDevices.host(out, true));
    }
}
