package org.qatwb.model.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.lint.CapacityTable;
import org.qatwb.model.lint.DeviceSetLinter;
import org.qatwb.model.lint.SectionKind;

/** The two ZFS presets: interrupt-mode kernel instances on VFs, spread over PFs, on local cores. */
final class SpreadPreset {

    private static final String COMPRESSION = "dc";
    private static final String ALL = "cy;dc";

    private SpreadPreset() {
    }

    /** One Dc instance per local core, one per VF before any VF gets a second, within capacity and ZFS's cap. */
    static Layout compressionOnly(Layout layout) {
        List<PresetDevices.NodeGroup> groups = PresetDevices.groups(layout);
        int perVf = CapacityTable.perBank(COMPRESSION).orElseThrow().dc(true) * DeviceModel.VF_BANKS;
        int[] wanted = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            wanted[g] = Math.min(PresetDevices.cores(layout, groups.get(g)).size(), groups.get(g).vfs().size() * perVf);
        }
        int[] counts = PresetDevices.capped(wanted, DeviceSetLinter.ZFS_INSTANCE_CAP);
        Map<DeviceKey, List<Instance>> dc = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Device> vfs = groups.get(g).vfs();
            List<Integer> cores = PresetDevices.cores(layout, groups.get(g));
            for (int i = 0; i < counts[g]; i++) {
                List<Instance> list = dc.computeIfAbsent(vfs.get(i % vfs.size()).key(), k -> new ArrayList<>());
                list.add(Instance.of(name("ZFS_DC", list.size()), Instance.INTERRUPT, cores.get(i)));
            }
        }
        return configure(layout, groups, COMPRESSION, Map.of(), dc);
    }

    /** One Cy and one Dc instance per VF, VFs in spread order up to ZFS's cap, interrupts round the local cores. */
    static Layout allServices(Layout layout) {
        List<PresetDevices.NodeGroup> groups = PresetDevices.groups(layout);
        CapacityTable.PerBank perBank = CapacityTable.perBank(ALL).orElseThrow();
        int perVf = Math.min(perBank.cy(true), perBank.dc(true)) * DeviceModel.VF_BANKS;
        int[] wanted = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            wanted[g] = groups.get(g).vfs().size() * perVf;
        }
        int[] counts = PresetDevices.capped(wanted, DeviceSetLinter.ZFS_INSTANCE_CAP);
        Map<DeviceKey, List<Instance>> cy = new HashMap<>();
        Map<DeviceKey, List<Instance>> dc = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Device> vfs = groups.get(g).vfs();
            List<Integer> cores = PresetDevices.cores(layout, groups.get(g));
            int next = 0;
            for (int i = 0; i < counts[g]; i++) {
                DeviceKey vf = vfs.get(i % vfs.size()).key();
                List<Instance> c = cy.computeIfAbsent(vf, k -> new ArrayList<>());
                c.add(Instance.of(name("ZFS_CY", c.size()), Instance.INTERRUPT, cores.get(next++ % cores.size())));
                List<Instance> d = dc.computeIfAbsent(vf, k -> new ArrayList<>());
                d.add(Instance.of(name("ZFS_DC", d.size()), Instance.INTERRUPT, cores.get(next++ % cores.size())));
            }
        }
        return configure(layout, groups, ALL, cy, dc);
    }

    /** Every PF hosts VFs only; every VF gets the services and its instances (or none). */
    private static Layout configure(Layout layout, List<PresetDevices.NodeGroup> groups, String services,
            Map<DeviceKey, List<Instance>> cy, Map<DeviceKey, List<Instance>> dc) {
        Layout out = layout;
        for (PresetDevices.NodeGroup g : groups) {
            for (Device pf : g.pfs()) {
                out = out.withConfig(pf.key(), new DeviceConfig(services, List.of()));
            }
            for (Device vf : g.vfs()) {
                InstanceSection s = new InstanceSection(SectionKind.KERNEL_QAT_NAME,
                        cy.getOrDefault(vf.key(), List.of()), dc.getOrDefault(vf.key(), List.of()));
                out = out.withConfig(vf.key(), new DeviceConfig(services, List.of(s)));
            }
        }
        return out.withHost(PresetDevices.host(out, false));
    }

    /** {@code ZFS_DC} for a VF's first instance, as the project's template names it; then {@code ZFS_DC1}... */
    static String name(String base, int index) {
        return index == 0 ? base : base + index;
    }
}
