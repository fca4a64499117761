package org.qatwb.model.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qatwb.model.conf.ConfSection;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.device.DeviceRef;

/**
 * Lints the conf files of one host together: each file's own rules, plus the rules that need the
 * whole set (a VF's services against its PF's; the ZFS cap on kernel instances).
 */
public final class DeviceSetLinter {

    /** OpenZFS's QAT code uses at most this many Dc and this many Cy instances (qat.h, QAT_MAX_INSTANCES). */
    public static final int ZFS_INSTANCE_CAP = 48;

    private DeviceSetLinter() {
    }

    public static List<FileReport> lint(List<ConfFile> files) {
        Map<ConfFile, Findings> cross = new LinkedHashMap<>();
        for (ConfFile f : files) {
            cross.put(f, new Findings());
        }
        vfServices(files, cross);
        pfInstances(files, cross);
        instanceCap(files, cross);
        List<FileReport> out = new ArrayList<>();
        for (ConfFile f : files) {
            List<Finding> all = new ArrayList<>(ConfLinter.lint(f.doc(), withPf(f, files)));
            all.addAll(cross.get(f).sorted());
            all.sort(Comparator.comparingInt(Finding::line));
            out.add(new FileReport(f.path(), f.device(), all));
        }
        return out;
    }

    /** A VF's context with its PF's ServicesEnabled, which gives the VF its ring map, when the PF is in the set. */
    private static LintContext withPf(ConfFile f, List<ConfFile> files) {
        if (f.ctx().pfServices().isPresent()) {
            return f.ctx();
        }
        Optional<String> pf = files.stream().filter(p -> hosts(p, f)).findFirst()
                .flatMap(p -> p.doc().value(SectionKind.GENERAL_NAME, "ServicesEnabled"));
        return pf.isPresent() ? f.ctx().withPfServices(pf) : f.ctx();
    }

    /**
     * A VF offers a subset of its PF's services. VFs are paired with PFs by enumeration order
     * (inst_id / VFs per PF), which is how the driver numbers them on a host with one card.
     */
    private static void vfServices(List<ConfFile> files, Map<ConfFile, Findings> out) {
        for (ConfFile vf : files) {
            Optional<ConfFile> pf = files.stream().filter(f -> hosts(f, vf)).findFirst();
            if (pf.isEmpty()) {
                continue;
            }
            DeviceModel model = vf.device().flatMap(DeviceRef::model).orElseThrow();
            int pfInst = pf.get().instId().getAsInt();
            Optional<String> vfServices = vf.doc().value(SectionKind.GENERAL_NAME, "ServicesEnabled");
            Optional<String> pfServices = pf.flatMap(p -> p.doc().value(SectionKind.GENERAL_NAME, "ServicesEnabled"));
            if (vfServices.isEmpty() || pfServices.isEmpty()) {
                continue;
            }
            if (!Services.expand(pfServices.get()).containsAll(Services.expand(vfServices.get()))) {
                int line = vf.doc().section(SectionKind.GENERAL_NAME).flatMap(g -> g.entry("ServicesEnabled"))
                        .map(e -> e.number()).orElse(1);
                out.get(vf).add(Rule.VF_SERVICES_SUBSET, line, SectionKind.GENERAL_NAME, "ServicesEnabled",
                        "this VF (inst_id " + vf.instId().getAsInt() + ") enables " + vfServices.get() + ", but its PF "
                                + pf.get().path() + " (inst_id " + pfInst + ", which hosts " + model.vfType() + " "
                                + (pfInst * model.vfsPerPf()) + ".." + ((pfInst + 1) * model.vfsPerPf() - 1)
                                + ") enables only " + pfServices.get() + ": the VF cannot offer a service its PF lacks"
                                + " and fails to start; enable the service on the PF or remove it here");
            }
        }
    }

    /**
     * A PF that hosts VFs carries no instances itself: Intel's SR-IOV PF templates
     * ({@code <type>pf_dev0.conf}) declare none, and every instance belongs on a VF.
     */
    private static void pfInstances(List<ConfFile> files, Map<ConfFile, Findings> out) {
        for (ConfFile pf : files) {
            Optional<DeviceRef> ref = pf.device();
            if (ref.isEmpty() || ref.get().vf() || ref.get().model().isEmpty() || pf.instId().isEmpty()) {
                continue;
            }
            DeviceModel model = ref.get().model().get();
            int first = pf.instId().getAsInt() * model.vfsPerPf();
            long vfs = files.stream().filter(f -> hosts(pf, f)).count();
            if (vfs == 0) {
                continue;
            }
            for (ConfSection s : pf.doc().sections()) {
                int cy = Math.max(0, Instances.count(s, InstanceKind.CY));
                int dc = Math.max(0, Instances.count(s, InstanceKind.DC));
                if (SectionKind.of(s.name()) != SectionKind.GENERAL && cy + dc > 0) {
                    InstanceKind kind = cy > 0 ? InstanceKind.CY : InstanceKind.DC;
                    out.get(pf).add(Rule.PF_INSTANCES_WITH_VFS, Instances.countLine(s, kind), s.name(), kind.countKey(),
                            "this PF hosts " + vfs + " VF(s) of the set (" + model.vfType() + "_dev" + first + ".." + (first
                                    + model.vfsPerPf() - 1) + ") but declares " + cy + " Cy + " + dc + " Dc instance(s) in ["
                                    + s.name() + "]: a PF that hosts VFs carries none (Intel's SR-IOV PF template has"
                                    + " none); set its counts to 0 and put the instances on the VFs");
                    break;
                }
            }
        }
    }

    /**
     * Whether {@code pf} is the PF that hosts {@code vf}: same device model, and the VF's inst_id
     * within the PF's block (inst_id / VFs per PF), the order in which the driver numbers VFs.
     */
    private static boolean hosts(ConfFile pf, ConfFile vf) {
        Optional<DeviceRef> p = pf.device();
        Optional<DeviceRef> v = vf.device();
        if (p.isEmpty() || v.isEmpty() || p.get().vf() || !v.get().vf() || p.get().model().isEmpty()
                || !p.get().model().equals(v.get().model()) || pf.instId().isEmpty() || vf.instId().isEmpty()) {
            return false;
        }
        return vf.instId().getAsInt() / p.get().model().get().vfsPerPf() == pf.instId().getAsInt();
    }

    /** ZFS uses 48 instances of each kind; the ones declared beyond that are never used. */
    private static void instanceCap(List<ConfFile> files, Map<ConfFile, Findings> out) {
        for (InstanceKind kind : InstanceKind.values()) {
            Map<ConfFile, Integer> declared = new LinkedHashMap<>();
            for (ConfFile f : files) {
                boolean kernelApi = f.device().flatMap(DeviceRef::model).map(DeviceModel::kernelApi).orElse(true);
                f.doc().section(SectionKind.KERNEL_QAT_NAME).filter(s -> kernelApi)
                        .ifPresent(s -> declared.put(f, Math.max(0, Instances.count(s, kind))));
            }
            int sum = declared.values().stream().mapToInt(Integer::intValue).sum();
            int total = 0;
            for (Map.Entry<ConfFile, Integer> d : declared.entrySet()) {
                int before = total;
                total += d.getValue();
                if (before <= ZFS_INSTANCE_CAP && total > ZFS_INSTANCE_CAP) {
                    ConfSection kq = d.getKey().doc().section(SectionKind.KERNEL_QAT_NAME).orElseThrow();
                    out.get(d.getKey()).add(Rule.ZFS_INSTANCE_CAP, Instances.countLine(kq, kind),
                            SectionKind.KERNEL_QAT_NAME, kind.countKey(), "the device set declares " + sum
                                    + " [KERNEL_QAT] " + kind.prefix() + " instances but ZFS uses at most "
                                    + ZFS_INSTANCE_CAP + ": " + (sum - ZFS_INSTANCE_CAP) + " of them, from this file on,"
                                    + " stay idle; declare at most " + ZFS_INSTANCE_CAP + " across all devices");
                }
            }
        }
    }
}
