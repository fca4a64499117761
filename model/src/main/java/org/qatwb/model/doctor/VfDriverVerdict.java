package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.etc.VfBlacklistEditor;
import org.qatwb.model.snapshot.LoadedModules;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.VfBinding;

/**
 * {@code qat.vf-blacklist} judged on what is loaded and bound ({@link EtcChecks#vfBlacklist}): for
 * each device model whose VFs carry ZFS's instances, the VF driver module ({@code /sys/module/qat_c62xvf})
 * and each VF's driver ({@code /sys/bus/pci/drivers/c6xxvf/<BSF>}), with the blacklist file as the
 * reason or as a risk. The driver's PCI name is the VF type (ADF_C62XVF_DEVICE_NAME, {@code c6xxvf}),
 * the module's is not ({@code qat_c62xvf}).
 */
final class VfDriverVerdict {

    private static final String BLACKLIST = EtcChecks.BLACKLIST;
    /** VF addresses named in one detail line at most. */
    private static final int LISTED = 6;

    private VfDriverVerdict() {
    }

    /** One model's outcome, to be combined with the others'. */
    private record Part(CheckStatus status, String message, List<Fix> fixes, List<String> details) {
    }

    /** ZFS's instances are on VFs: the VF driver must be loaded and bound to every VF. */
    static CheckResult vfLayout(CheckContext c, Set<DeviceModel> models) {
        NasSnapshot s = c.snapshot();
        LoadedModules loaded = s.modules().loaded().orElseThrow();
        List<VfBinding> vfs = s.modules().vfs().orElseThrow();
        List<Part> parts = new ArrayList<>();
        for (DeviceModel m : models) {
            parts.add(judge(s, m, loaded.loaded(m.vfModule()),
                    vfs.stream().filter(v -> v.vfType().filter(m.vfType()::equals).isPresent()).toList()));
        }
        Part worst = parts.stream().max(Comparator.comparingInt(p -> p.status().rank())).orElseThrow();
        List<Fix> fixes = new ArrayList<>();
        List<String> details = new ArrayList<>();
        parts.stream().filter(p -> p.status() == worst.status()).forEach(p -> {
            p.fixes().stream().filter(f -> !fixes.contains(f)).forEach(fixes::add);
            details.addAll(p.details());
        });
        String message = parts.stream().map(Part::message).collect(Collectors.joining("; "));
        return new CheckResult(Check.QAT_VF_BLACKLIST, worst.status(), message, fixes, details);
    }

    private static Part judge(NasSnapshot s, DeviceModel m, boolean loaded, List<VfBinding> vfs) {
        String module = m.vfModule();
        boolean blocked = s.blacklist().filter(b -> b.blocks(module)).isPresent();
        List<VfBinding> bound = vfs.stream().filter(VfBinding::boundToQat).toList();
        List<VfBinding> elsewhere = vfs.stream().filter(v -> v.driver().isPresent() && !v.boundToQat()).toList();
        List<VfBinding> none = vfs.stream().filter(v -> v.driver().isEmpty()).toList();
        String blacklisted = module + " is blacklisted in " + BLACKLIST;
        if (vfs.isEmpty()) {
            if (blocked && !loaded) {
                return new Part(CheckStatus.FAIL, blacklisted + " and not loaded: the VFs qat_service creates will get no"
                        + " driver, so ZFS gets none of their instances (a blacklist stops udev's automatic loading)",
                        unblockAndRestart(s, List.of(module)), List.of());
            }
            return new Part(CheckStatus.PASS, "no " + m.vfType() + " VF exists yet (qat.sriov, qat.devices-up); "
                    + (loaded ? module + " is loaded and binds them when they appear"
                    : "nothing blacklists " + module + " there, so udev loads it for them"), List.of(), List.of());
        }
        List<String> details = new ArrayList<>();
        elsewhere.stream().map(v -> v.driver().orElseThrow()).distinct().forEach(d -> details.add(listed(
                elsewhere.stream().filter(v -> v.driver().orElseThrow().equals(d)).toList()) + " bound to " + d));
        if (!none.isEmpty()) {
            details.add(listed(none) + " without a driver");
        }
        String of = " of the " + vfs.size() + " " + m.vfType() + " VF(s)";
        if (!elsewhere.isEmpty()) {
            String drivers = elsewhere.stream().map(v -> v.driver().orElseThrow()).distinct().collect(Collectors.joining(", "));
            return new Part(bound.isEmpty() ? CheckStatus.FAIL : CheckStatus.WARN, elsewhere.size() + of + " are bound"
                    + " to " + drivers + " (passed through to guests): the host's ZFS cannot use their instances",
                    List.of(new Fix.CommandFix(List.of("driverctl list-overrides", "lspci -k -d 8086:" + id(m)),
                            "give those VFs back to " + m.vfType() + " (remove the passthrough override or the VM's"
                                    + " hostdev), or move their conf files' instances to VFs the host keeps")), details);
        }
        if (!none.isEmpty()) {
            if (!loaded && blocked) {
                return new Part(CheckStatus.FAIL, blacklisted + " and not loaded: " + none.size() + of + " have no driver,"
                        + " so ZFS gets none of their instances", unblockAndRestart(s, List.of(module)), details);
            }
            if (!loaded) {
                return new Part(CheckStatus.FAIL, module + " is not loaded although " + BLACKLIST + " does not block it: "
                        + none.size() + of + " have no driver (another modprobe.d file or modprobe.blacklist= on the kernel"
                        + " command line may block it, or it failed to load: see the kernel log)",
                        List.of(new Fix.CommandFix(List.of("modprobe " + module, Restart.COMMAND),
                                "load the VF driver, then restart QAT so that the VFs read their conf files")), details);
            }
            return new Part(CheckStatus.WARN, module + " is loaded but " + none.size() + of + " have no driver (unbound by"
                    + " hand, or their probe failed: see the kernel log)", List.of(Restart.qat(s,
                    "create and bind the VFs again")), details);
        }
        if (blocked) {
            List<Fix> fixes = new ArrayList<>();
            unblock(s.blacklist().orElseThrow(), List.of(module)).ifPresent(fixes::add);
            return new Part(CheckStatus.WARN, blacklisted + ", but loaded and bound to all " + vfs.size() + " VF(s):"
                    + " a blacklist stops only udev's automatic loading, so something loaded it explicitly (Intel's"
                    + " qat_service_vfs, a modprobe) or the initramfs lacks the blacklist; ZFS has its VFs now, and after"
                    + " a reboot only if that happens again", fixes, List.of());
        }
        return new Part(CheckStatus.PASS, module + " is loaded and bound to all " + vfs.size() + " " + m.vfType()
                + " VF(s)", List.of(), List.of());
    }

    /** ZFS's instances are on the PFs: the host needs no VF driver, and a blacklist keeps the VFs for guests. */
    static CheckResult pfLayout(NasSnapshot s) {
        Set<String> blocked = s.blacklist().map(b -> b.blockedModels().stream().map(DeviceModel::vfModule)
                .collect(Collectors.toCollection(LinkedHashSet::new))).orElseGet(LinkedHashSet::new);
        return CheckResult.pass(Check.QAT_VF_BLACKLIST, "no VF carries kernel instances, so the host needs no VF driver"
                + (blocked.isEmpty() ? "" : "; " + BLACKLIST + " blocks " + String.join(", ", blocked)
                + ", which keeps the VFs free for guests (what Intel's installer means it for)"));
    }

    /** An older agent: only the file can be judged, as before. */
    static CheckResult fileOnly(CheckContext c) {
        Check self = Check.QAT_VF_BLACKLIST;
        NasSnapshot s = c.snapshot();
        if (c.absent("blacklist")) {
            return CheckResult.pass(self, "no " + BLACKLIST + ": no VF driver is blacklisted there");
        }
        VfBlacklist b = s.blacklist().orElseThrow();
        Set<DeviceModel> here = EtcChecks.vfModels(s);
        List<DeviceModel> blocked = b.blockedModels().stream().filter(here::contains).toList();
        if (blocked.isEmpty()) {
            String others = b.blockedModels().stream().map(DeviceModel::vfModule).collect(Collectors.joining(", "));
            return CheckResult.pass(self, here.isEmpty() && !others.isEmpty()
                    ? BLACKLIST + " blocks " + others + ", but no VF is used here"
                    : BLACKLIST + (others.isEmpty() ? " blocks no QAT VF driver" : " blocks only " + others
                    + ", not the VF driver of this host's devices"));
        }
        List<String> modules = blocked.stream().map(DeviceModel::vfModule).distinct().toList();
        String names = String.join(", ", modules);
        List<Fix> fixes = unblockAndRestart(s, modules);
        return new CheckResult(self, CheckStatus.FAIL, BLACKLIST + " blacklists " + names + " (Intel's installer does"
                + " that for VF passthrough): unless something loads it explicitly, the host's VFs get no driver and ZFS"
                + " none of their instances (what is loaded could not be read)", fixes, b.warnings());
    }

    private static List<Fix> unblockAndRestart(NasSnapshot s, List<String> modules) {
        VfBlacklist b = s.blacklist().orElseThrow();
        Fix edit = unblock(b, modules).orElseGet(() -> new Fix.CommandFix(List.of("vi " + BLACKLIST),
                "delete the lines that blacklist " + String.join(", ", modules)));
        return List.of(edit, Restart.qat(s, "create the VFs again, now with their driver"));
    }

    private static Optional<Fix> unblock(VfBlacklist b, List<String> modules) {
        return EtcChecks.fileFix(BLACKLIST, b.text(), () -> VfBlacklistEditor.unblock(b.text(), Set.copyOf(modules)));
    }

    /** Some VFs in one line: the first few addresses and how many more (a C62x has 48, a c4xxx 128). */
    private static String listed(List<VfBinding> vfs) {
        String first = vfs.stream().limit(LISTED).map(VfBinding::bsf).collect(Collectors.joining(", "));
        return vfs.size() + " VF(s): " + first + (vfs.size() > LISTED ? " and " + (vfs.size() - LISTED) + " more" : "");
    }

    private static String id(DeviceModel m) {
        return VfBinding.VF_DEVICE_IDS.getOrDefault(m.vfType(), "0x").substring(2);
    }
}
