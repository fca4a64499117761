package org.qatwb.model.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.driver.BankGeometry;
import org.qatwb.model.driver.RingMap;
import org.qatwb.model.lint.DeviceSetLinter;
import org.qatwb.model.lint.SectionKind;

/**
 * The two ZFS presets: interrupt-mode kernel instances on VFs, spread over PFs, on local cores,
 * every VF's instances on one core (the driver binds a VF's one bank to one core).
 */
final class SpreadPreset {

    private static final String COMPRESSION = "dc";
    private static final String ALL = "cy;dc";

    private SpreadPreset() {
    }

    /**
     * One Dc instance per local core, one per VF before any VF gets a second, within what a VF's
     * bank holds and ZFS's cap. A VF's interrupt-mode instances all need its bank's one core
     * (allocator.md section 4), so a VF's second instance goes on its first one's core.
     */
    static Layout compressionOnly(Layout layout) {
        List<PresetDevices.NodeGroup> groups = PresetDevices.groups(layout);
        int[] wanted = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            wanted[g] = Math.min(PresetDevices.cores(layout, groups.get(g)).size(),
                    holds(groups.get(g).vfs(), COMPRESSION, InstanceKind.DC));
        }
        int[] counts = PresetDevices.capped(wanted, DeviceSetLinter.ZFS_INSTANCE_CAP);
        Map<DeviceKey, List<Instance>> dc = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Device> vfs = groups.get(g).vfs();
            List<Integer> cores = PresetDevices.cores(layout, groups.get(g));
            for (int i = 0; i < counts[g]; i++) {
                int v = i % vfs.size();
                List<Instance> list = dc.computeIfAbsent(vfs.get(v).key(), k -> new ArrayList<>());
                list.add(Instance.of(name("ZFS_DC", list.size()), Instance.INTERRUPT, cores.get(v % cores.size())));
            }
        }
        return configure(layout, groups, COMPRESSION, Map.of(), dc);
    }

    /**
     * One Cy and one Dc instance per VF, both on one core (the VF's one bank is bound to the core
     * of its first interrupt-mode instance), VFs in spread order up to ZFS's cap, VFs round the
     * local cores.
     */
    static Layout allServices(Layout layout) {
        List<PresetDevices.NodeGroup> groups = PresetDevices.groups(layout);
        int[] wanted = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            List<Device> vfs = groups.get(g).vfs();
            wanted[g] = Math.min(vfs.size(), Math.min(holds(vfs, ALL, InstanceKind.CY), holds(vfs, ALL, InstanceKind.DC)));
        }
        int[] counts = PresetDevices.capped(wanted, DeviceSetLinter.ZFS_INSTANCE_CAP);
        Map<DeviceKey, List<Instance>> cy = new HashMap<>();
        Map<DeviceKey, List<Instance>> dc = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Device> vfs = groups.get(g).vfs();
            List<Integer> cores = PresetDevices.cores(layout, groups.get(g));
            for (int v = 0; v < counts[g]; v++) {
                DeviceKey vf = vfs.get(v).key();
                int core = cores.get(v % cores.size());
                cy.put(vf, List.of(Instance.of(name("ZFS_CY", 0), Instance.INTERRUPT, core)));
                dc.put(vf, List.of(Instance.of(name("ZFS_DC", 0), Instance.INTERRUPT, core)));
            }
        }
        return configure(layout, groups, ALL, cy, dc);
    }

    /** How many instances of a kind the VFs' banks hold together under a ServicesEnabled (the driver model's ring map). */
    private static int holds(List<Device> vfs, String services, InstanceKind kind) {
        RingMap map = RingMap.of(services).orElseThrow();
        int n = 0;
        for (Device vf : vfs) {
            n += BankGeometry.of(vf.key().device()).map(g -> map.perBank(kind, g) * g.banks()).orElse(0);
        }
        return n;
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
