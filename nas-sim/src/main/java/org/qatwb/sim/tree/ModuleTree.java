package org.qatwb.sim.tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.etc.QatDefaultsParser;
import org.qatwb.model.etc.VfBlacklistParser;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.snapshot.VfBinding;
import org.qatwb.sim.profile.Profile;
import org.qatwb.sim.profile.QatCard;

/**
 * What the kernel shows of its modules and PCI devices once the simulated NAS has booted, where the
 * doctor reads it (docs/agent-protocol.md, items {@code qat_modules}, {@code zfs_depends},
 * {@code pci_vfs}, {@code cmdline}): {@code /proc/cmdline}, {@code /proc/sys/kernel/osrelease},
 * {@code /lib/modules/RELEASE/modules.dep}, {@code /sys/module/M/holders/}, and for each QAT function
 * {@code /sys/bus/pci/devices/BSF/} ({@code vendor}, {@code device}, a VF's {@code physfn}) with its
 * driver's link in {@code /sys/bus/pci/drivers/NAME/}.
 *
 * <p>Written at every start from the profile and the files under {@code etc/} as they are then, the
 * way a boot leaves them: a zfs.ko built with QAT depends on qat_api, so qat_api is loaded and held by
 * zfs whatever {@code ENABLE_KAPI} says; with {@code SRIOV_ENABLE=1} the VFs are on the bus, and bound
 * to the VF driver unless a modprobe.d file blacklists it (udev's automatic loading is all that loads it
 * on a host: Intel's qat_service runs modprobe for a VF driver on a guest only).
 */
public final class ModuleTree {

    /** The PCI device id of each PF type, as Intel's qat_service lists them ({@code *_DEVICE_PCI_ID}). */
    private static final Map<String, String> PF_DEVICE_IDS = Map.of("dh895xcc", "0x0435", "c6xx", "0x37c8",
            "c3xxx", "0x19e2", "200xx", "0x18ee", "d15xx", "0x6f54", "c4xxx", "0x18a0");

    private ModuleTree() {
    }

    static void write(RootLayout layout, Profile profile) throws IOException {
        Path root = layout.root();
        String release = profile.os().kernel();
        write(root.resolve("proc/sys/kernel/osrelease"), release + "\n");
        write(root.resolve("proc/cmdline"), "BOOT_IMAGE=/boot/vmlinuz-" + release + " root=ZFS=boot-pool/ROOT ro quiet\n");
        TreeGenerator.deleteTree(root.resolve("lib/modules"));
        KernelTree.write(layout, profile);
        for (String m : moduleNames()) {
            TreeGenerator.deleteTree(root.resolve("sys/module/" + m));
        }
        TreeGenerator.deleteTree(root.resolve("sys/bus/pci"));
        Files.createDirectories(root.resolve("sys/bus/pci/devices"));
        module(root, "spl");
        if (profile.qat().isEmpty()) {
            return;
        }
        QatCard card = profile.qat().get();
        DeviceModel m = card.model();
        boolean sriov = sriovEnabled(layout);
        boolean vfDriver = sriov && !blacklisted(layout, m.vfModule());
        module(root, "intel_qat");
        module(root, pfModule(m));
        holder(root, "intel_qat", pfModule(m));
        if (profile.zfsWithQat() || profile.kapi()) {
            module(root, "qat_api");
            holder(root, "intel_qat", "qat_api");
            if (profile.zfsWithQat()) {
                holder(root, "qat_api", "zfs");
            }
        }
        if (vfDriver) {
            module(root, m.vfModule());
            holder(root, "intel_qat", m.vfModule());
        }
        for (int pf = 0; pf < card.pfs(); pf++) {
            pciDevice(root, card.pfBsf(pf), PF_DEVICE_IDS.get(m.type()), null, m.type());
            if (!sriov) {
                continue;
            }
            for (int vf = 0; vf < m.vfsPerPf(); vf++) {
                pciDevice(root, card.vfBsf(pf, vf), VfBinding.VF_DEVICE_IDS.get(m.vfType()), card.pfBsf(pf),
                        vfDriver ? m.vfType() : null);
            }
        }
    }

    /** The running kernel's modules.dep, as depmod writes it for the modules installed ({@link KernelTree}). */
    static String modulesDep(Profile profile) {
        boolean qat = profile.qat().isPresent();
        return KernelTree.modulesDep(profile,
                new org.qatwb.sim.profile.ExtraKernel(profile.os().kernel(), qat && profile.zfsWithQat(), qat));
    }

    /** The PF driver module: the VF module without its {@code vf} ({@code qat_c62x}). */
    private static String pfModule(DeviceModel m) {
        return m.vfModule().substring(0, m.vfModule().length() - 2);
    }

    private static List<String> moduleNames() {
        List<String> names = new ArrayList<>(List.of("spl", "intel_qat", "qat_api"));
        for (DeviceModel m : DeviceCatalog.all()) {
            names.add(m.vfModule());
            names.add(pfModule(m));
        }
        return names;
    }

    private static void module(Path root, String name) throws IOException {
        Files.createDirectories(root.resolve("sys/module/" + name + "/holders"));
    }

    private static void holder(Path root, String module, String holder) throws IOException {
        Files.createSymbolicLink(root.resolve("sys/module/" + module + "/holders/" + holder), Path.of("../../" + holder));
    }

    private static void pciDevice(Path root, String bsf, String deviceId, String pf, String driver) throws IOException {
        Path dev = root.resolve("sys/bus/pci/devices/" + bsf);
        write(dev.resolve("vendor"), "0x8086\n");
        write(dev.resolve("device"), deviceId + "\n");
        if (pf != null) {
            Files.createSymbolicLink(dev.resolve("physfn"), Path.of("../" + pf));
        }
        if (driver != null) {
            Path drivers = Files.createDirectories(root.resolve("sys/bus/pci/drivers/" + driver));
            Files.createSymbolicLink(drivers.resolve(bsf), Path.of("../../devices/" + bsf));
            Files.createSymbolicLink(dev.resolve("driver"), Path.of("../../drivers/" + driver));
        }
    }

    /** {@code SRIOV_ENABLE=1} as qat_service reads /etc/default/qat (an unreadable file switches nothing on). */
    private static boolean sriovEnabled(RootLayout layout) throws IOException {
        Path p = layout.etc().resolve("default/qat");
        try {
            return Files.isRegularFile(p) && QatDefaultsParser.parse(Files.readString(p, StandardCharsets.ISO_8859_1))
                    .sriovEnabled();
        } catch (ParseException e) {
            return false;
        }
    }

    /** Whether a file of etc/modprobe.d blacklists {@code module}, as kmod reads them. */
    private static boolean blacklisted(RootLayout layout, String module) throws IOException {
        Path dir = layout.etc().resolve("modprobe.d");
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".conf")).toList()) {
                try {
                    if (VfBlacklistParser.parse(Files.readString(p, StandardCharsets.ISO_8859_1)).blocks(module)) {
                        return true;
                    }
                } catch (ParseException ignored) {
                    // a file kmod cannot read blocks nothing
                }
            }
        }
        return false;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
