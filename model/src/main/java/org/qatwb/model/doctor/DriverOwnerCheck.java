package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.qatwb.model.device.DeviceCatalog;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.pci.DriverConflict;
import org.qatwb.model.pci.DriverOwner;
import org.qatwb.model.pci.OwnedFunction;
import org.qatwb.model.pci.QatGeneration;
import org.qatwb.model.pci.QatPciDevices;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * Links 1-2, {@code qat.driver-owner}: which driver owns each QAT card (issue 16, section 3). ZFS
 * calls Intel's kernel QAT API ({@code qat_api}; OpenZFS {@code config/kernel.m4} ZFS_AC_QAT,
 * {@code module/os/linux/zfs/qat_compress.c} qat_dc_init, {@code qat_crypt.c} qat_cy_init), which only
 * Intel's out-of-tree packages have. The in-kernel drivers use the same module names (intel_qat,
 * qat_c62x, and qat_4xxx for the CPU's Gen 4 endpoints), and the kernel loads one module of a name, so
 * an in-kernel driver loaded first keeps Intel's out: judged on {@code /sys/module/M/taint} ({@code O},
 * kernel/module/main.c), the version and where modules.dep puts the file (Intel's Makefile.in tells
 * the in-tree driver apart the same way: {@code modinfo intel_qat | grep updates}).
 */
final class DriverOwnerCheck {

    private DriverOwnerCheck() {
    }

    /** One verdict among the check's parts. */
    private record Part(CheckStatus status, String message, List<Fix> fixes) {
    }

    static CheckResult check(CheckContext c) {
        Check self = Check.QAT_DRIVER_OWNER;
        NasSnapshot s = c.snapshot();
        if (s.qatPci().isEmpty()) {
            return c.absent("qat_pci") || !s.itemStatus().containsKey("qat_pci")
                    ? CheckResult.skip(self, "the PCI devices were not read (no /sys/bus/pci, or an older agent)")
                    : CheckResult.warn(self, "the PCI devices could not be used: " + c.unreadable("qat_pci").orElse("no answer"));
        }
        QatPciDevices pci = s.qatPci().get();
        List<OwnedFunction> cards = pci.cards();
        if (pci.functions().isEmpty()) {
            return CheckResult.skip(self, "no QAT device on the PCI bus (lspci -d 8086: lists none of QAT's ids)");
        }
        boolean intelInstalled = pci.outOfTreeInstalled() || !c.absent("adf_status");
        List<Part> parts = new ArrayList<>();
        for (DriverConflict k : pci.conflicts()) {
            parts.add(new Part(CheckStatus.FAIL, k.message(), conflictFixes(k)));
        }
        boolean bound = pci.conflicts().stream().anyMatch(k -> k.kind() == DriverConflict.Kind.IN_KERNEL_BOUND);
        for (OwnedFunction card : cards) {
            if (!(bound && card.owner() instanceof DriverOwner.InKernel)) {
                parts.add(judge(card, intelInstalled));
            }
        }
        if (cards.isEmpty()) {
            parts.add(new Part(CheckStatus.WARN, "only QAT VFs on the bus, no PF: a guest's view; the host owns the cards",
                    List.of()));
        }
        CheckStatus worst = parts.stream().map(Part::status).max(Comparator.comparingInt(CheckStatus::rank))
                .orElse(CheckStatus.PASS);
        List<Fix> fixes = new ArrayList<>();
        parts.stream().filter(p -> p.status() == worst).flatMap(p -> p.fixes().stream()).filter(f -> !fixes.contains(f))
                .forEach(fixes::add);
        String message = worst == CheckStatus.PASS ? passMessage(cards)
                : parts.stream().filter(p -> p.status() == worst).map(Part::message).distinct()
                        .collect(Collectors.joining("; "));
        return new CheckResult(self, worst, message, fixes, details(pci));
    }

    /** One card (a PF): whether the driver that owns it is one ZFS can use, and if not, what to do. */
    private static Part judge(OwnedFunction card, boolean intelInstalled) {
        String name = card.name();
        DriverOwner o = card.owner();
        QatGeneration gen = card.function().generation();
        if (gen.qat1()) {
            if (o instanceof DriverOwner.Qat1OutOfTree) {
                return new Part(CheckStatus.PASS, name + ": " + o.label(), List.of());
            }
            String module = pfModule(card);
            if (o instanceof DriverOwner.VfioPci) {
                return new Part(intelInstalled ? CheckStatus.FAIL : CheckStatus.WARN, name + " is bound to vfio-pci (passed"
                        + " through to a guest): the host's ZFS cannot use it", List.of(new Fix.CommandFix(List.of(
                        "driverctl unset-override " + card.bsf(), "echo " + card.bsf() + " > /sys/bus/pci/drivers/vfio-pci/unbind",
                        "modprobe " + module, "echo " + card.bsf() + " > /sys/bus/pci/drivers_probe"),
                        "give the card back to the host: remove the passthrough override (or the VM's hostdev), then let "
                                + module + " of Intel's driver bind it")));
            }
            if (o instanceof DriverOwner.NoDriver) {
                return new Part(intelInstalled ? CheckStatus.FAIL : CheckStatus.WARN, name + " has no driver"
                        + (intelInstalled ? ": Intel's " + module + " is not bound to it" : " (Intel's QAT driver is not installed:"
                        + " qat.driver)"), intelInstalled ? List.of(new Fix.CommandFix(List.of("modprobe " + module,
                        "dmesg | grep -i -e qat -e " + card.bsf()), "load the card's driver; if it stays unbound, the kernel log"
                        + " says why (firmware missing, IOMMU, a failed probe)")) : List.of());
            }
            return new Part(CheckStatus.WARN, name + " is owned by " + o.label() + ": " + card.zfs().why(), List.of());
        }
        // Gen 4: the CPU's endpoints
        if (o instanceof DriverOwner.Qat2OutOfTree) {
            return new Part(CheckStatus.WARN, name + ": " + o.label() + " gives ZFS " + card.zfs().summary() + " ("
                    + card.zfs().why() + ")", List.of());
        }
        return new Part(CheckStatus.WARN, name + " is owned by " + o.label() + ": ZFS cannot use it (" + card.zfs().why()
                + "); kernel-API compression on Gen 4 needs Intel's QAT 2.0 out-of-tree driver, QAT20.L.1.2.30 or later,"
                + " and never checksums or encryption", List.of(new Fix.CommandFix(List.of(
                "printf 'blacklist " + inKernelModule(o) + "\\n' > /etc/modprobe.d/qatwb-gen4-oot.conf",
                "./configure && make && make install", "update-initramfs -u"),
                "only if ZFS's compression is to use this endpoint: keep the in-kernel driver off it, install Intel's QAT 2.0"
                        + " package (QAT20.L.1.2.30 or later) in its unpacked directory and build ZFS --with-qat against it, then"
                        + " reboot")));
    }

    private static List<Fix> conflictFixes(DriverConflict k) {
        List<String> gen4 = k.modules().stream().filter(m -> m.equals("qat_4xxx") || m.equals("qat_420xx")).toList();
        List<String> shared = k.modules().stream().filter(m -> !gen4.contains(m)).toList();
        List<Fix> fixes = new ArrayList<>();
        if (!gen4.isEmpty()) {
            fixes.add(new Fix.CommandFix(List.of("printf '" + gen4.stream().map(m -> "blacklist " + m + "\\n")
                    .collect(Collectors.joining()) + "' > /etc/modprobe.d/qatwb-no-inkernel-qat.conf", "update-initramfs -u",
                    "reboot"), "keep udev from loading the in-kernel " + String.join(", ", gen4) + " for the CPU's Gen 4"
                    + " endpoints: it pulls the in-kernel intel_qat in, and Intel's intel_qat (same name) then cannot load"
                    + " (dracut -f where there is no update-initramfs)"));
        }
        if (!shared.isEmpty() || gen4.isEmpty()) {
            List<String> names = shared.isEmpty() ? k.modules() : shared;
            fixes.add(new Fix.CommandFix(List.of("modinfo -n " + names.get(0), "update-initramfs -u -k $(uname -r)",
                    "systemctl stop qat", "modprobe -r " + String.join(" ", names), "systemctl start qat"),
                    "make the kernel load Intel's modules: modinfo -n must name a file under updates/ (else rebuild and"
                            + " install Intel's driver for this kernel), the initramfs must hold them (it may still hold the"
                            + " kernel's), then reload so that Intel's driver binds the card; ZFS holding QAT must let go"
                            + " first, or reboot instead"));
        }
        return fixes;
    }

    private static String passMessage(List<OwnedFunction> cards) {
        Map<String, Long> owners = cards.stream().collect(Collectors.groupingBy(o -> o.owner().label(), LinkedHashMap::new,
                Collectors.counting()));
        return "each QAT card is owned by the driver ZFS uses: " + owners.entrySet().stream()
                .map(e -> e.getValue() + " PF(s) by " + e.getKey()).collect(Collectors.joining(", "))
                + "; ZFS can use compression, checksums and encryption";
    }

    /** One line per card, then one per kind of VF owner (a C62x card has 48 VFs). */
    private static List<String> details(QatPciDevices pci) {
        List<String> lines = new ArrayList<>();
        for (OwnedFunction card : pci.cards()) {
            lines.add(card.name() + ", node " + card.function().numaNode().stream().mapToObj(String::valueOf).findFirst()
                    .orElse("?") + ": " + card.owner().label() + "; ZFS: " + card.zfs().summary());
        }
        Map<String, Long> vfs = pci.owned().stream().filter(o -> o.function().vf())
                .collect(Collectors.groupingBy(o -> o.function().id().type() + " VF(s) owned by " + o.owner().label(),
                        LinkedHashMap::new, Collectors.counting()));
        vfs.forEach((what, n) -> lines.add(n + " " + what));
        return lines;
    }

    /** The card's PF driver module as Intel's package names it ({@code qat_c62x}: the VF module without its vf). */
    private static String pfModule(OwnedFunction card) {
        return DeviceCatalog.byType(card.function().id().type()).map(DeviceModel::vfModule)
                .map(m -> m.substring(0, m.length() - 2)).orElse("qat_" + card.function().id().type());
    }

    private static String inKernelModule(DriverOwner o) {
        return o instanceof DriverOwner.InKernel k ? k.module() : "qat_4xxx";
    }
}
