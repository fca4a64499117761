package org.qatwb.model.doctor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfEditor;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.lint.DeviceSetLinter;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.Rule;
import org.qatwb.model.lint.RuleSource;
import org.qatwb.model.lint.SectionKind;
import org.qatwb.model.lint.Severity;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.SnapshotIssue;
import org.qatwb.model.zfs.ZfsParam;

/**
 * Link 5, the conf files, from the snapshot's lint reports: {@code qat.conf-valid} (what the driver
 * refuses), {@code qat.kernel-instances} (what ZFS can use), {@code zfs.instance-cap}.
 */
final class ConfChecks {

    private ConfChecks() {
    }

    static CheckResult confValid(CheckContext c) {
        Check self = Check.QAT_CONF_VALID;
        NasSnapshot s = c.snapshot();
        List<String> unread = s.confIssues().stream().map(SnapshotIssue::line).toList();
        List<String> missing = s.devices().map(a -> a.devices().stream().map(QatDevice::confPath)
                .filter(p -> p != null && !s.confFiles().containsKey(p)).toList()).orElse(List.of());
        if (s.confFiles().isEmpty()) {
            return unread.isEmpty()
                    ? CheckResult.fail(self, "no conf file /etc/<type>_dev<N>.conf: the driver has nothing to configure",
                            new Fix.CommandFix(List.of(Restart.COMMAND), "write one conf file per device first (the"
                                    + " workbench's layout editor does), with the [KERNEL_QAT] instances on the VFs"))
                    : CheckResult.warn(self, "the conf files could not be read: " + unread.get(0)).withDetails(unread);
        }
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (FileReport r : s.lintReports().values()) {
            for (Finding f : r.findings()) {
                // ZFS's own rules are the next checks' business: the driver accepts those files
                if (f.rule().source() == RuleSource.OPENZFS) {
                    continue;
                }
                (f.severity() == Severity.ERROR ? errors : warnings).add(r.path() + ":" + f.line() + ": " + f.message()
                        + " [" + f.rule().id() + "]");
            }
        }
        List<String> details = new ArrayList<>();
        missing.forEach(p -> details.add(p + ": missing; a listed device reads it"));
        details.addAll(errors);
        details.addAll(warnings);
        details.addAll(unread);
        if (!missing.isEmpty() || !errors.isEmpty()) {
            String what = !missing.isEmpty() ? missing.size() + " device(s) without their conf file (" + missing.get(0)
                    + (missing.size() > 1 ? ", ..." : "") + ")" : errors.size() + " error(s) the driver refuses, first "
                    + errors.get(0);
            return CheckResult.fail(self, what, new Fix.CommandFix(List.of(Restart.COMMAND), "correct each line as its"
                    + " finding says (details), then restart so the driver reads the files again")).withDetails(details);
        }
        if (!warnings.isEmpty() || !unread.isEmpty()) {
            return CheckResult.warn(self, s.confFiles().size() + " conf file(s) without errors, but " + warnings.size()
                    + " warning(s)" + (unread.isEmpty() ? "" : " and " + unread.size() + " file(s) not read")
                    + (warnings.isEmpty() ? "" : ", first " + warnings.get(0))).withDetails(details);
        }
        return CheckResult.pass(self, s.confFiles().size() + " conf file(s), one for every listed device, nothing the"
                + " driver refuses");
    }

    static CheckResult kernelInstances(CheckContext c) {
        Check self = Check.QAT_KERNEL_INSTANCES;
        NasSnapshot s = c.snapshot();
        KernelInstances k = KernelInstances.of(s);
        if (k.files().isEmpty()) {
            return CheckResult.skip(self, "no conf file of a device with the kernel API (qat.conf-valid)");
        }
        int cy = k.usable(InstanceKind.CY);
        int dc = k.usable(InstanceKind.DC);
        String counts = cy + " Cy + " + dc + " Dc interrupt-mode [KERNEL_QAT] instance(s) in " + k.files().size()
                + " conf file(s)";
        if (!k.polled().isEmpty()) {
            KernelInstances.Polled first = k.polled().get(0);
            List<String> details = k.polled().stream().map(p -> p.path() + ":" + p.finding().line() + ": "
                    + p.finding().message()).toList();
            List<Fix> fixes = new ArrayList<>(unpoll(s, k.polled()));
            fixes.add(Restart.qat(s, "the driver reads the conf files when it starts"));
            return new CheckResult(self, CheckStatus.FAIL, k.polled().size() + " polled [KERNEL_QAT] instance(s), first "
                    + first.finding().key() + " in " + first.path() + " (line " + first.finding().line() + "): ZFS never"
                    + " polls, so a ZFS thread that sends a request there blocks forever (no timeout since ZFS 0.8.2, no failure counted); " + counts + " otherwise", fixes, details);
        }
        if (cy + dc == 0) {
            return CheckResult.fail(self, "no interrupt-mode [KERNEL_QAT] instance in " + k.files().size()
                            + " conf file(s): ZFS has nothing to offload to, even where its parameters read 0",
                    new Fix.CommandFix(List.of(Restart.COMMAND), "give the devices ZFS uses (the VFs, or the PFs without"
                            + " VFs) NumberCyInstances and NumberDcInstances in [KERNEL_QAT] with IsPolled = 0, then restart"));
        }
        List<String> gaps = new ArrayList<>();
        boolean needed = false;
        for (InstanceKind kind : InstanceKind.values()) {
            if (k.usable(kind) == 0) {
                List<ZfsParam> on = paramsOn(s, kind);
                needed |= !on.isEmpty();
                gaps.add("no " + kind.prefix() + " instance: " + (kind == InstanceKind.DC ? "compression" : "checksums and"
                        + " encryption") + " cannot be offloaded" + (on.isEmpty() ? "" : " although ZFS has "
                        + on.stream().map(ZfsParam::shortName).collect(Collectors.joining(" and ")) + " on"));
            }
        }
        if (!gaps.isEmpty()) {
            String message = counts + "; " + String.join("; ", gaps);
            Fix fix = new Fix.CommandFix(List.of(Restart.COMMAND), "add the missing kind to [KERNEL_QAT] (with"
                    + " IsPolled = 0, and its service in ServicesEnabled), then restart");
            return needed ? CheckResult.fail(self, message, fix) : CheckResult.warn(self, message, fix);
        }
        return CheckResult.pass(self, counts + ", none polled");
    }

    static CheckResult instanceCap(CheckContext c) {
        Check self = Check.ZFS_INSTANCE_CAP;
        NasSnapshot s = c.snapshot();
        KernelInstances k = KernelInstances.of(s);
        if (k.files().isEmpty()) {
            return CheckResult.skip(self, "no conf file of a device with the kernel API (qat.conf-valid)");
        }
        int cap = DeviceSetLinter.ZFS_INSTANCE_CAP;
        Map<InstanceKind, Integer> over = new LinkedHashMap<>();
        for (InstanceKind kind : InstanceKind.values()) {
            if (k.declared(kind) > cap) {
                over.put(kind, k.declared(kind));
            }
        }
        String declared = k.declared(InstanceKind.CY) + " Cy and " + k.declared(InstanceKind.DC) + " Dc [KERNEL_QAT]"
                + " instance(s) declared";
        if (over.isEmpty()) {
            return CheckResult.pass(self, declared + ": within ZFS's " + cap + " of each kind");
        }
        List<String> details = new ArrayList<>();
        s.lintReports().values().forEach(r -> r.findings().stream().filter(f -> f.rule() == Rule.ZFS_INSTANCE_CAP)
                .forEach(f -> details.add(r.path() + ":" + f.line() + ": " + f.message())));
        String idle = over.entrySet().stream().map(e -> (e.getValue() - cap) + " " + e.getKey().prefix())
                .collect(Collectors.joining(" and "));
        return CheckResult.warn(self, declared + ": ZFS uses at most " + cap + " of each kind, so " + idle
                        + " instance(s) stay idle while holding rings",
                new Fix.CommandFix(List.of(Restart.COMMAND), "lower the [KERNEL_QAT] counts (the details name the file"
                        + " from which on they are idle) to at most " + cap + " per kind across all devices, then restart"))
                .withDetails(details);
    }

    /** One file fix per conf file with polled instances: each {@code IsPolled} set to 0 on its own line. */
    private static List<Fix> unpoll(NasSnapshot s, List<KernelInstances.Polled> polled) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        polled.forEach(p -> byFile.computeIfAbsent(p.path(), x -> new ArrayList<>()).add(p.finding()));
        List<Fix> fixes = new ArrayList<>();
        byFile.forEach((path, findings) -> {
            ConfDocument doc = s.confFiles().get(path);
            ConfEditor editor = new ConfEditor(doc);
            findings.forEach(f -> editor.set(SectionKind.KERNEL_QAT_NAME, f.key(), "0"));
            fixes.add(new Fix.FileFix(path, doc.text(), editor.toDocument().text(),
                    StandardCharsets.ISO_8859_1, "set " + findings.stream().map(f -> f.key() + " = 0"
                    + " (line " + f.line() + ")").collect(Collectors.joining(", ")) + " in [KERNEL_QAT]"));
        });
        return fixes;
    }

    /** The parameters that are on (0) and need instances of this kind. */
    static List<ZfsParam> paramsOn(NasSnapshot s, InstanceKind kind) {
        List<ZfsParam> on = new ArrayList<>();
        for (ZfsParam p : ZfsParam.values()) {
            if (p.instanceKind() == kind && s.param(p).orElse(1) == 0) {
                on.add(p);
            }
        }
        return on;
    }
}
