package org.qatwb.model.layout;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whole layouts for a NAS's hardware, each a pure function of its devices, NUMA nodes and cores.
 * They set every QAT 1.x device with the kernel API (c6xx, dh895xcc and their kin) and the host
 * switches for them; other devices stay as they are.
 */
public enum Preset {
    /**
     * ZFS compression only: {@code ServicesEnabled = dc} everywhere; one interrupt-mode Dc
     * instance per core of the card's NUMA node, spread over the PFs (one per VF, PF after PF,
     * before any VF gets a second, which goes on the VF's first core: a VF's bank serves one core);
     * at most 48 (ZFS's cap) and at most what a VF's bank holds (the driver model's ring map); the
     * other VFs stay unused.
     */
    ZFS_COMPRESSION("zfs-compression", "ZFS compression only: one interrupt-mode instance per core, spread across PFs,"
            + " NUMA-local"),
    /**
     * ZFS all services: {@code ServicesEnabled = cy;dc}; each VF one interrupt-mode Cy and one Dc
     * instance, both on one core (the driver binds the VF's one bank to the core of its first
     * interrupt-mode instance and refuses a second core), VFs taken PF after PF up to 48 of each
     * kind, the VFs round the cores of the card's NUMA node.
     */
    ZFS_ALL("zfs-all", "ZFS all services: one Cy and one Dc interrupt-mode instance per VF on one core, up to 48"
            + " of each, NUMA-local"),
    /**
     * What Intel's installer writes for an SR-IOV host build with the kernel API
     * ({@code --enable-icp-sriov=host --enable-kapi}): PFs that only host VFs, each VF with one Cy
     * and one Dc instance in {@code [KERNEL_QAT]}, polled, on core 0 ({@code <type>vf_dev0.conf.vm.km}),
     * SR-IOV and the kernel API on, and the VF driver blacklisted. Its findings show why it does
     * not serve ZFS as it is.
     */
    INSTALLER_DEFAULTS("installer-defaults", "what Intel's installer writes (SR-IOV host with the kernel API):"
            + " polled instances, VF driver blacklisted");

    private final String id;
    private final String summary;

    Preset(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    /** The name on the command line ({@code zfs-compression}). */
    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }

    public static Optional<Preset> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    /** The preset for the layout's hardware; what the devices are configured with now does not matter. */
    public Layout apply(Layout layout) {
        return switch (this) {
            case ZFS_COMPRESSION -> SpreadPreset.compressionOnly(layout);
            case ZFS_ALL -> SpreadPreset.allServices(layout);
            case INSTALLER_DEFAULTS -> InstallerDefaults.apply(layout);
        };
    }
}
