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

    static CheckResult kapi(CheckContext c) {
        return flag(c, Check.QAT_KAPI, "ENABLE_KAPI", "qat_service does not load qat_api, the kernel API ZFS uses");
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
        String how = s.qatDefaults().isEmpty() ? DEFAULT_QAT + " does not exist, so " + name + " is off"
                : active != null ? name + "=" + Snippet.quote(active.value()) + " in " + DEFAULT_QAT + " (line "
                        + active.line() + ") is not 1"
                : d.commented().stream().anyMatch(a -> a.name().equals(name)) ? name + " is commented out in " + DEFAULT_QAT
                : name + " is not set in " + DEFAULT_QAT;
        Fix edit = fileFix(DEFAULT_QAT, d.text(), () -> QatDefaultsEditor.edit(d.text(), name, true))
                .orElseGet(() -> new Fix.CommandFix(List.of("vi " + DEFAULT_QAT), "make it set " + name + "=1: it is"
                        + " sourced by qat_service, and only the value 1 counts"));
        return CheckResult.fail(self, how + ": " + consequence, edit,
                Restart.qat(s, "qat_service reads " + DEFAULT_QAT + " when it starts")).withDetails(notes);
    }

    static CheckResult vfBlacklist(CheckContext c) {
        Check self = Check.QAT_VF_BLACKLIST;
        NasSnapshot s = c.snapshot();
        if (c.absent("blacklist")) {
            return CheckResult.pass(self, "no " + BLACKLIST + ": no VF driver is blacklisted there");
        }
        if (s.blacklist().isEmpty()) {
            return CheckResult.warn(self, BLACKLIST + " could not be read: " + c.unreadable("blacklist").orElse("no answer"));
        }
        VfBlacklist b = s.blacklist().get();
        Set<DeviceModel> here = vfModels(s);
        List<DeviceModel> blocked = b.blockedModels().stream().filter(here::contains).toList();
        if (blocked.isEmpty()) {
            String others = b.blockedModels().stream().map(DeviceModel::vfModule).collect(Collectors.joining(", "));
            return CheckResult.pass(self, here.isEmpty() && !others.isEmpty()
                    ? BLACKLIST + " blocks " + others + ", but no VF is used here"
                    : BLACKLIST + (others.isEmpty() ? " blocks no QAT VF driver" : " blocks only " + others
                    + ", not the VF driver of this host's devices"));
        }
        Set<String> modules = blocked.stream().map(DeviceModel::vfModule).collect(Collectors.toCollection(LinkedHashSet::new));
        String names = String.join(", ", modules);
        Fix edit = fileFix(BLACKLIST, b.text(), () -> VfBlacklistEditor.unblock(b.text(), modules))
                .orElseGet(() -> new Fix.CommandFix(List.of("vi " + BLACKLIST), "delete the lines that blacklist " + names));
        return CheckResult.fail(self, BLACKLIST + " blacklists " + names + " (Intel's installer does that for VF"
                        + " passthrough): the host's VFs get no driver, so ZFS gets none of their instances", edit,
                Restart.qat(s, "create the VFs again, now with their driver")).withDetails(b.warnings());
    }

    /** The file fix {@code edit} makes, or empty when no edit has the intended effect (a human must look). */
    private static Optional<Fix> fileFix(String path, String before, Supplier<EtcEdit> edit) {
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
