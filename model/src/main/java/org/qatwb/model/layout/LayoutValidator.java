package org.qatwb.model.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.etc.BlacklistEntry;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.QatDefaultsParser;
import org.qatwb.model.etc.ShellAssignment;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.etc.VfBlacklistParser;
import org.qatwb.model.lint.ConfFile;
import org.qatwb.model.lint.DeviceSetLinter;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.LintContext;
import org.qatwb.model.lint.Rule;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * Checks a compiled layout with the rules the driver and ZFS apply: the lint catalog over the
 * compiled conf files as one device set (with the NAS's core count), and the host switches read
 * back from the compiled {@code /etc/default/qat} and blacklist, as qat_service and kmod read them.
 */
final class LayoutValidator {

    private LayoutValidator() {
    }

    /**
     * @param docs       the compiled conf document of every device that has one
     * @param defaultQat the compiled {@code /etc/default/qat} ("" when there is none; empty when it
     *                   could not be read, and the checks that need it are skipped)
     * @param blacklist  the compiled blacklist, the same way
     */
    static List<LayoutFinding> validate(Layout before, Layout layout, Map<DeviceKey, ConfDocument> docs,
            Optional<String> defaultQat, Optional<String> blacklist) {
        List<LayoutFinding> out = new ArrayList<>();
        conf(layout, docs, out);
        numa(before, layout, docs, out);
        if (defaultQat.isPresent() && blacklist.isPresent()) {
            host(layout, docs, read(defaultQat.get()), readBlacklist(blacklist.get()), out);
        }
        return out;
    }

    private static void conf(Layout layout, Map<DeviceKey, ConfDocument> docs, List<LayoutFinding> out) {
        OptionalInt cores = layout.cpu().cores();
        List<DeviceKey> keys = new ArrayList<>(docs.keySet());
        // PFs first, as the snapshot lints them: the ZFS cap warns from the file where the count passes 48
        keys.sort(Comparator.comparing(DeviceKey::vf).thenComparing(DeviceKey::type).thenComparingInt(DeviceKey::instId));
        List<ConfFile> files = new ArrayList<>(keys.size());
        for (DeviceKey k : keys) {
            // each file as the release that read it (the NAS's for its files; templates read alike in every release)
            files.add(new ConfFile(k.confPath(), docs.get(k), new LintContext(Optional.of(k.device()), cores)
                    .withRelease(docs.get(k).release()),
                    OptionalInt.of(k.instId())));
        }
        List<FileReport> reports = DeviceSetLinter.lint(files);
        for (int i = 0; i < keys.size(); i++) {
            DeviceKey k = keys.get(i);
            for (Finding f : reports.get(i).findings()) {
                out.add(new LayoutFinding(k.confPath(), f, FindingElements.of(layout, k, docs.get(k), f)));
            }
        }
    }

    /**
     * An instance whose interrupts land on a core of another NUMA node than its device's: every
     * completion then crosses the node interconnect (Intel's guide: keep affinity NUMA-local).
     * Only where both the device's node and the node map are known, and only for an affinity the
     * edit set: the editor says so as a core is picked, without judging every file the NAS holds.
     */
    private static void numa(Layout before, Layout layout, Map<DeviceKey, ConfDocument> docs, List<LayoutFinding> out) {
        if (layout.cpu().nodes().isEmpty()) {
            return;
        }
        for (Device d : layout.devices()) {
            ConfDocument doc = docs.get(d.key());
            if (doc == null || d.info().node().isEmpty()) {
                continue;
            }
            int node = d.info().node().getAsInt();
            var local = layout.cpu().nodes().get(node);
            if (local == null) {
                continue;
            }
            for (InstanceSection s : d.config().sections()) {
                for (InstanceKind k : InstanceKind.values()) {
                    List<Instance> list = s.instances(k);
                    for (int i = 0; i < list.size(); i++) {
                        OptionalInt core = list.get(i).core();
                        InstanceRef ref = new InstanceRef(d.key(), s.name(), k, i);
                        if (core.isEmpty() || before.instance(ref).map(Instance::core).equals(Optional.of(core))
                                || local.contains(core.getAsInt()) || layout.cpu().nodes().values().stream()
                                .noneMatch(l -> l.contains(core.getAsInt()))) {
                            continue; // local, or no known core at all (affinity.range says so)
                        }
                        String key = k.prefix() + i + "CoreAffinity";
                        int line = doc.section(s.name()).flatMap(sec -> sec.entry(key)).map(e -> e.raw().number()).orElse(1);
                        out.add(new LayoutFinding(d.key().confPath(), new Finding(Rule.AFFINITY_REMOTE_NODE, line, s.name(), key,
                                key + " = " + core.getAsInt() + " is a core of another NUMA node; " + d.key() + " is on node "
                                        + node + " (cores " + local + "): its interrupts cross nodes; pick one of those cores"),
                                new ElementRef.OfInstance(ref)));
                    }
                }
            }
        }
    }

    private static void host(Layout layout, Map<DeviceKey, ConfDocument> docs, QatDefaults defaults,
            VfBlacklist blacklist, List<LayoutFinding> out) {
        List<Device> vfsInUse = layout.devices().stream().filter(HostNeeds::sriov).toList();
        if (!vfsInUse.isEmpty() && !defaults.sriovEnabled()) {
            out.add(host(QatDefaults.PATH, Rule.HOST_SRIOV, line(defaults, "SRIOV_ENABLE"), "SRIOV_ENABLE",
                    HostSetting.SRIOV, vfsInUse.size() + " VF(s) have instances (" + vfsInUse.get(0).key()
                            + " first) but SRIOV_ENABLE is not 1: qat_service creates no VF; set SRIOV_ENABLE=1"));
        }
        List<Device> kernel = layout.devices().stream().filter(HostNeeds::kapi).toList();
        if (!kernel.isEmpty() && !defaults.kapiEnabled()) {
            out.add(host(QatDefaults.PATH, Rule.HOST_KAPI, line(defaults, "ENABLE_KAPI"), "ENABLE_KAPI",
                    HostSetting.KAPI, kernel.size() + " device(s) have [KERNEL_QAT] instances (" + kernel.get(0).key()
                            + " first) but ENABLE_KAPI is not 1: qat_service does not load qat_api, and ZFS cannot use"
                            + " QAT; set ENABLE_KAPI=1"));
        }
        vfsInUse.stream().map(d -> d.key().device().model()).flatMap(Optional::stream).distinct()
                .filter(m -> blacklist.blocks(m.vfModule()))
                .forEach(m -> out.add(host(VfBlacklist.PATH, Rule.HOST_VF_BLACKLISTED, entryLine(blacklist, m), null,
                        HostSetting.VF_DRIVER, m.vfModule() + " is blacklisted, but " + m.vfType()
                                + " VFs have instances: the VFs never get a driver; remove the line")));
        if (defaults.sriovEnabled()) {
            for (Device d : layout.devices()) {
                boolean created = d.vf() && d.info().pf().isPresent()
                        && d.key().device().model().filter(m -> !blacklist.blocks(m.vfModule())).isPresent();
                if (created && !docs.containsKey(d.key())) {
                    out.add(new LayoutFinding(d.key().confPath(), new Finding(Rule.LAYOUT_VF_WITHOUT_CONF, 1, null, null,
                            "SR-IOV creates " + d.key() + " but it has no conf file: the driver cannot start it"
                                    + " ('Cannot open " + d.key().confPath() + "'); give it a role or services so that"
                                    + " one is written"), new ElementRef.OfDevice(d.key())));
                }
            }
        }
    }

    private static LayoutFinding host(String path, Rule rule, int line, String key, HostSetting setting, String message) {
        return new LayoutFinding(path, new Finding(rule, line, null, key, Snippet.oneLine(message)),
                new ElementRef.OfHost(setting));
    }

    /** The line that sets the flag, else the last that comments it out, else line 1. */
    private static int line(QatDefaults d, String name) {
        ShellAssignment a = d.active().get(name);
        if (a != null) {
            return a.line();
        }
        return d.commented().stream().filter(c -> c.name().equals(name)).mapToInt(ShellAssignment::line).max().orElse(1);
    }

    private static int entryLine(VfBlacklist b, DeviceModel m) {
        return b.entries().stream().filter(e -> e.module().equals(m.vfModule())).mapToInt(BlacklistEntry::line)
                .findFirst().orElse(1);
    }

    private static QatDefaults read(String text) {
        try {
            return QatDefaultsParser.parse(text);
        } catch (ParseException e) {
            throw new IllegalStateException("the parser reads any text", e);
        }
    }

    private static VfBlacklist readBlacklist(String text) {
        try {
            return VfBlacklistParser.parse(text);
        } catch (ParseException e) {
            throw new IllegalStateException("the parser reads any text", e);
        }
    }
}
