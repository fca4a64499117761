package org.qatwb.model.adf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.device.DeviceRef;

/**
 * A physical function and the virtual functions it hosts, as the dashboard groups devices.
 *
 * @param pf  the PF; empty for the group of VFs whose PF {@code adf_ctl status} did not list
 *            (the PF driver's devices are not always shown, e.g. a PF given to a VM)
 * @param vfs its VFs in {@code adf_ctl} order
 */
public record PfGroup(Optional<QatDevice> pf, List<QatDevice> vfs) {

    public PfGroup {
        Objects.requireNonNull(pf, "pf");
        vfs = List.copyOf(vfs);
    }

    /**
     * Groups devices by PF. The driver numbers VFs in blocks of the model's VFs per PF, in PF
     * order (inst_id / VFs per PF is the PF's inst_id on a host with one card model), which is
     * the pairing the device-set lint uses too. PFs come in {@code adf_ctl} order; unpaired VFs
     * last, in one group without a PF.
     */
    public static List<PfGroup> of(List<QatDevice> devices) {
        Map<QatDevice, List<QatDevice>> byPf = new LinkedHashMap<>();
        for (QatDevice d : devices) {
            if (!d.vf()) {
                byPf.put(d, new ArrayList<>());
            }
        }
        List<QatDevice> orphans = new ArrayList<>();
        for (QatDevice vf : devices) {
            if (vf.vf()) {
                hostOf(vf, byPf.keySet()).map(byPf::get).orElse(orphans).add(vf);
            }
        }
        List<PfGroup> groups = new ArrayList<>();
        byPf.forEach((pf, vfs) -> groups.add(new PfGroup(Optional.of(pf), vfs)));
        if (!orphans.isEmpty()) {
            groups.add(new PfGroup(Optional.empty(), orphans));
        }
        return groups;
    }

    private static Optional<QatDevice> hostOf(QatDevice vf, Iterable<QatDevice> pfs) {
        Optional<DeviceModel> model = DeviceRef.of(vf.type()).model();
        if (model.isEmpty() || model.get().vfsPerPf() <= 0) {
            return Optional.empty();
        }
        int pfInst = vf.instId() / model.get().vfsPerPf();
        for (QatDevice pf : pfs) {
            if (pf.instId() == pfInst && DeviceRef.of(pf.type()).model().equals(model)) {
                return Optional.of(pf);
            }
        }
        return Optional.empty();
    }
}
