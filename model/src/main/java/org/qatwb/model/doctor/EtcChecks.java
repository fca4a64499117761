package org.qatwb.model.doctor;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.etc.EtcEdit;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.QatDefaultsEditor;
import org.qatwb.model.etc.ShellAssignment;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.etc.VfBlacklistEditor;
import org.qatwb.model.lint.DeviceFileName;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.snapshot.ModuleFacts;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * Links 3 and 4, the small files of {@code /etc}: {@code qat.kapi}, {@code qat.sriov}
 * ({@code /etc/default/qat}) and {@code qat.vf-blacklist} ({@code blacklist-qat-vfs.conf}).
 */
final class EtcChecks {

    static final String DEFAULT_QAT = "/etc/default/qat";
    static final String BLACKLIST = "/etc/modprobe.d/blacklist-qat-vfs.conf";

    private EtcChecks() {
    }

    /**
     * {@code ENABLE_KAPI} only decides whether qat_service runs {@code modprobe qat_api} (QAT 1.7
     * quickassist/build_system/build_files/qat_service, case start); a zfs.ko built with QAT
     * depends on qat_api, so modprobe loads it with zfs.ko whatever the flag says (DOMAIN.md section 1).
     * Off is then a warning: it matters to other kernel-API users, not to ZFS.
     */
    static CheckResult kapi(CheckContext c) {
        CheckResult r = flag(c, Check.QAT_KAPI, "ENABLE_KAPI", "qat_service does not load qat_api, the kernel API ZFS uses");
        if (r.status() != CheckStatus.FAIL) {
            return r;
        }
        ModuleFacts m = c.snapshot().modules();
        Optional<String> needs = m.loaded().filter(l -> l.holds("qat_api", "zfs"))
                .map(l -> "/sys/module/qat_api/holders/zfs: the loaded zfs.ko uses qat_api")
                .or(() -> m.zfsDepends().filter(d -> d.contains("qat_api"))
                        .map(d -> "modules.dep: zfs.ko depends on qat_api"));
        if (needs.isPresent()) {
            NasSnapshot s = c.snapshot();
            String how = how(s, s.qatDefaults().orElseGet(() -> new QatDefaults(Map.of(), List.of(), List.of(), "")),
                    "ENABLE_KAPI");
            return new CheckResult(Check.QAT_KAPI, CheckStatus.WARN, how + ", but ZFS is not cut off: " + needs.get()
                    + ", so modprobe loads qat_api with zfs.ko; qat_service's own modprobe qat_api, which ENABLE_KAPI=1"
                    + " asks for, matters only to other kernel-API users", r.fixes().subList(0, 1), r.details());
        }
        boolean zfsWithout = m.zfsDepends().filter(d -> !d.contains("qat_api")).isPresent()
                || (m.loaded().filter(l -> !l.loaded("qat_api")).isPresent() && c.snapshot().itemStatus()
                .get(ZfsChecks.ZFS_MODULE_ITEM) == org.qatwb.model.agent.ItemStatus.OK);
        return zfsWithout ? r.withDetails(List.of("zfs.ko does not depend on qat_api here (modules.dep, /sys/module):"
                + " nothing but qat_service loads it")) : r;
    }

    static CheckResult sriov(CheckContext c) {
        Check self = Check.QAT_SRIOV;
        boolean on = c.snapshot().qatDefaults().map(QatDefaults::sriovEnabled).orElse(false);
        if (!on && vfModels(c.snapshot()).isEmpty()) {
            return CheckResult.pass(self, "SR-IOV is off and no VF conf file exists: the PFs carry the kernel instances");
        }
        return flag(c, self, "SRIOV_ENABLE", "qat_service creates no VFs, so the instances of the VF conf files never exist");
    }

    /** A flag qat_service tests with {@code [ $NAME == 1 ]}: pass when on, else the edit that turns it on. */
    private static CheckResult flag(CheckContext c, Check self, String name, String consequence) {
        NasSnapshot s = c.snapshot();
        if (s.qatDefaults().isEmpty() && !c.absent("default_qat")) {
            return CheckResult.warn(self, DEFAULT_QAT + " could not be read: "
                    + c.unreadable("default_qat").orElse("no answer"));
        }
        QatDefaults d = s.qatDefaults().orElseGet(() -> new QatDefaults(Map.of(), List.of(), List.of(), ""));
        List<String> notes = d.warnings().stream().filter(w -> w.contains(name)).toList();
        ShellAssignment active = d.active().get(name);
        if (d.enabled(name)) {
            return CheckResult.pass(self, name + "=1 in " + DEFAULT_QAT + " (line " + active.line() + ")");
        }
        String how = how(s, d, name);
        Fix edit = fileFix(DEFAULT_QAT, d.text(), () -> QatDefaultsEditor.edit(d.text(), name, true))
                .orElseGet(() -> new Fix.CommandFix(List.of("vi " + DEFAULT_QAT), "make it set " + name + "=1: it is"
                        + " sourced by qat_service, and only the value 1 counts"));
        return CheckResult.fail(self, how + ": " + consequence, edit,
                Restart.qat(s, "qat_service reads " + DEFAULT_QAT + " when it starts")).withDetails(notes);
    }

    /** Why a flag is off, in one clause ("ENABLE_KAPI is commented out in /etc/default/qat"). */
    private static String how(NasSnapshot s, QatDefaults d, String name) {
        ShellAssignment active = d.active().get(name);
        return s.qatDefaults().isEmpty() ? DEFAULT_QAT + " does not exist, so " + name + " is off"
                : active != null ? name + "=" + Snippet.quote(active.value()) + " in " + DEFAULT_QAT + " (line "
                        + active.line() + ") is not 1"
                : d.commented().stream().anyMatch(a -> a.name().equals(name)) ? name + " is commented out in " + DEFAULT_QAT
                : name + " is not set in " + DEFAULT_QAT;
    }

    /**
     * What is loaded and bound decides, not the file (DOMAIN.md sections 1 and 4). Intel's installer
     * blacklists the VF driver for a host SR-IOV build (Makefile.in, install: blacklist-qat-vfs.conf)
     * so that udev does not bind new VFs, which stay free for guests; its qat_service_vfs loads the
     * driver with an explicit modprobe, which a blacklist does not stop, and qat_service loads it on
     * a guest only. So where ZFS's instances are on VFs, good is: the VF driver loaded and bound to
     * every VF; where they are on the PFs, the host needs no VF driver at all.
     */
    static CheckResult vfBlacklist(CheckContext c) {
        Check self = Check.QAT_VF_BLACKLIST;
        NasSnapshot s = c.snapshot();
        if (!c.absent("blacklist") && s.blacklist().isEmpty()) {
            return CheckResult.warn(self, BLACKLIST + " could not be read: " + c.unreadable("blacklist").orElse("no answer"));
        }
        ModuleFacts m = s.modules();
        if (m.loaded().isEmpty() || m.vfs().isEmpty()) {
            return VfDriverVerdict.fileOnly(c);
        }
        Set<DeviceModel> here = vfModels(s);
        if (here.isEmpty()) {
            return VfDriverVerdict.pfLayout(s);
        }
        return VfDriverVerdict.vfLayout(c, here);
    }

    /** The file fix {@code edit} makes, or empty when no edit has the intended effect (a human must look). */
    static Optional<Fix> fileFix(String path, String before, Supplier<EtcEdit> edit) {
        try {
            EtcEdit e = edit.get();
            return Optional.of(new Fix.FileFix(path, before, e.text(), StandardCharsets.UTF_8, e.change()));
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
    }

    /** The device models whose VFs this host uses: VF conf files for the driver, or VFs adf_ctl lists. */
    static Set<DeviceModel> vfModels(NasSnapshot s) {
        Set<DeviceModel> models = new LinkedHashSet<>();
        s.confFiles().keySet().stream().filter(KernelInstances::kernelApiFile).map(DeviceFileName::of)
                .flatMap(Optional::stream).filter(n -> n.device().vf()).map(n -> n.device().model())
                .flatMap(Optional::stream).forEach(models::add);
        s.devices().ifPresent(a -> a.devices().stream().filter(QatDevice::vf).filter(d -> d.type() != null)
                .map(d -> DeviceRef.of(d.type()).model()).flatMap(Optional::stream).forEach(models::add));
        return models;
    }
}
