package org.qatwb.model.lint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qatwb.model.conf.ConfSection;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.driver.Allocator;
import org.qatwb.model.driver.DeviceConf;
import org.qatwb.model.driver.DeviceVerdict;
import org.qatwb.model.driver.DriverMessage;
import org.qatwb.model.driver.PfOffer;
import org.qatwb.model.driver.RingMap;

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
            LintContext ctx = withPf(f, files);
            List<Finding> all = new ArrayList<>(ConfLinter.lint(f.doc(), ctx));
            all.addAll(cross.get(f).sorted());
            all.addAll(refusedUnsaid(f, ctx, all));
            all.sort(Comparator.comparingInt(Finding::line));
            out.add(new FileReport(f.path(), f.device(), all));
        }
        return out;
    }

    /**
     * A VF's context with what its PF's driver sends it (ring map and capabilities), when the PF is
     * in the set: read from the PF's file as the driver reads it (model.driver.Allocator#offer).
     */
    private static LintContext withPf(ConfFile f, List<ConfFile> files) {
        if (f.ctx().pfOffer().isPresent()) {
            return f.ctx();
        }
        Optional<PfOffer> offer = files.stream().filter(p -> hosts(p, f)).findFirst().map(p -> offer(p, f.ctx()));
        return offer.isPresent() ? f.ctx().withPfOffer(offer) : f.ctx();
    }

    private static PfOffer offer(ConfFile pf, LintContext vfCtx) {
        return Allocator.offer(new DeviceConf(pf.path(), pf.device().orElseThrow(), 0, pf.doc(), Optional.empty()),
                vfCtx.release());
    }

    /**
     * Errors that do not mean the device stays down: ZFS's or the workbench's own stricter
     * judgement (zfs.polled, affinity.range), or a line adf_ctl reads otherwise than written but
     * still accepts (syntax.empty, syntax.no-equals, syntax.indented-section, key.duplicate).
     * An error of any other rule says the device is refused.
     */
    private static final Set<Rule> NOT_A_REFUSAL = EnumSet.of(Rule.ZFS_POLLED, Rule.AFFINITY_RANGE, Rule.SYNTAX_EMPTY,
            Rule.SYNTAX_NO_EQUALS, Rule.SYNTAX_INDENTED_SECTION, Rule.KEY_DUPLICATE);

    /**
     * {@code driver.refused}: the driver model (model.driver.Allocator, held to the simulator's
     * independent driver by nas-sim's DriverDifferentialTest and LintDifferentialTest) refuses the
     * device, and no error found so far says the device is refused. Without it lint would be
     * silent where the driver leaves the device down (allocator.md section 9).
     */
    private static List<Finding> refusedUnsaid(ConfFile f, LintContext ctx, List<Finding> found) {
        Optional<DeviceRef> dev = f.device();
        if (dev.isEmpty() || dev.get().banks() == 0 || found.stream()
                .anyMatch(x -> x.severity() == Severity.ERROR && !NOT_A_REFUSAL.contains(x.rule()))) {
            return List.of();
        }
        DeviceVerdict v = Allocator.place(new DeviceConf(f.path(), dev.get(), 0, f.doc(), Optional.empty()),
                CapacityCheck.offer(f.doc(), ctx), ctx.release());
        if (!(v instanceof DeviceVerdict.Refused r)) {
            return List.of();
        }
        Optional<ConfSection> section = r.section().flatMap(f.doc()::section);
        int line = section.map(s -> s.firstHeader().number()).orElse(1);
        String logged = r.messages().stream().filter(m -> !m.text().startsWith("Failed to config"))
                .findFirst().map(m -> "; " + (m.where() == DriverMessage.Where.KERNEL_LOG ? "the kernel logs" : "adf_ctl prints")
                        + " '" + m.text() + "'").orElse("");
        Findings out = new Findings();
        out.add(Rule.DRIVER_REFUSED, line, section.map(ConfSection::name).orElse(null), null,
                "driver " + ctx.release().label() + " refuses this device: " + r.why() + logged);
        return out.sorted();
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
            Optional<RingMap> vfMap = vfServices.flatMap(RingMap::of);
            if (vfMap.isEmpty() || pfServices.isEmpty()) {
                continue;
            }
            // what the PF's driver really grants (it keeps the default when its file is refused
            // early, and 4.8 trims asym for PkeServiceDisabled): allocator.md section 10.1-10.3
            PfOffer offer = offer(pf.get(), vf.ctx());
            if (!offer.grants(vfMap.get())) {
                int line = vf.doc().section(SectionKind.GENERAL_NAME).flatMap(g -> g.entry("ServicesEnabled"))
                        .map(e -> e.number()).orElse(1);
                out.get(vf).add(Rule.VF_SERVICES_SUBSET, line, SectionKind.GENERAL_NAME, "ServicesEnabled",
                        "this VF (inst_id " + vf.instId().getAsInt() + ") enables " + vfServices.get() + ", but its PF "
                                + pf.get().path() + " (inst_id " + pfInst + ", which hosts " + model.vfType() + " "
                                + (pfInst * model.vfsPerPf()) + ".." + ((pfInst + 1) * model.vfsPerPf() - 1)
                                + ") enables " + pfServices.get() + " and grants its VFs only " + offer.capabilityNames()
                                + ": the VF cannot offer a service its PF lacks, the driver logs 'Unsupported device"
                                + " configuration' and the VF stays down; enable the service on the PF or remove it here");
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
