package org.qatwb.app.workbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.qatwb.model.adf.DeviceState;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsParam;

/**
 * The dashboard's summary of a host, derived from one snapshot: the QAT service, the devices,
 * {@code /etc/default/qat}, the VF blacklist, whether ZFS has QAT at all, the conf files' lint.
 * A pure function of the snapshot, so the view only draws it.
 */
public final class HostSummary {

    private HostSummary() {
    }

    public static List<StatusLine> of(NasSnapshot s) {
        List<StatusLine> lines = new ArrayList<>();
        lines.add(system(s));
        lines.add(qatService(s));
        lines.add(devices(s));
        lines.add(confFiles(s));
        lines.add(defaults(s));
        lines.add(blacklist(s));
        lines.add(zfsQat(s));
        return lines;
    }

    private static StatusLine system(NasSnapshot s) {
        String os = s.truenasVersion().map(v -> "TrueNAS " + v.strip())
                .or(() -> s.osRelease().flatMap(o -> o.prettyName().or(o::name)))
                .orElse("unknown system");
        String cpu = s.cpu().cores().stream().mapToObj(c -> c + " cores").findFirst().orElse("cores unknown")
                + s.cpu().nodeCount().stream().mapToObj(n -> ", " + n + " NUMA node" + (n == 1 ? "" : "s")).findFirst().orElse("");
        String who = s.user().map(u -> ", logged in as " + u.name()).orElse("");
        return new StatusLine("system", "System", os, Tone.NEUTRAL, cpu + who);
    }

    private static StatusLine qatService(NasSnapshot s) {
        Optional<String> state = s.qatService();
        if (state.isEmpty() && s.itemStatus().get("adf_status") == ItemStatus.ABSENT) {
            return new StatusLine("qat.service", "qat.service", "not installed", Tone.WARN,
                    "it comes with Intel's QAT driver, which is not installed (no adf_ctl)");
        }
        if (state.isEmpty()) {
            return new StatusLine("qat.service", "qat.service", statusWord(s, "qat_service"), Tone.WARN,
                    "neither systemd nor the QAT init script answered");
        }
        String word = state.get().strip();
        Tone tone = switch (word) {
            case "active" -> Tone.GOOD;
            case "failed" -> Tone.BAD;
            default -> Tone.WARN;
        };
        String detail = switch (word) {
            case "active" -> "";
            case "failed" -> "the driver refused to start: see the kernel log and the conf files' findings";
            default -> s.itemStatus().get("adf_status") == ItemStatus.ABSENT
                    ? "no QAT driver here (no adf_ctl): qat.service comes with it" : "QAT devices are not started";
        };
        return new StatusLine("qat.service", "qat.service", word, tone, detail);
    }

    private static StatusLine devices(NasSnapshot s) {
        if (s.devices().isEmpty() && s.itemStatus().get("adf_status") == ItemStatus.ABSENT) {
            return new StatusLine("devices", "QAT devices", "no driver", Tone.WARN,
                    "no adf_ctl: install Intel's QAT driver (the Doctor tab has the commands)");
        }
        if (s.devices().isEmpty()) {
            return new StatusLine("devices", "QAT devices", statusWord(s, "adf_status"), Tone.WARN,
                    "adf_ctl status gave no answer (is the QAT driver installed?)");
        }
        List<QatDevice> all = s.devices().get().devices();
        long pfs = all.stream().filter(d -> !d.vf()).count();
        long vfs = all.size() - pfs;
        long down = all.stream().filter(d -> d.state() == DeviceState.DOWN).count();
        String value = pfs + " PF" + (pfs == 1 ? "" : "s") + " + " + vfs + " VF" + (vfs == 1 ? "" : "s");
        if (all.isEmpty()) {
            return new StatusLine("devices", "QAT devices", "none", Tone.BAD, "adf_ctl lists no QAT device");
        }
        return down == 0
                ? new StatusLine("devices", "QAT devices", value, Tone.GOOD, "all up")
                : new StatusLine("devices", "QAT devices", value, Tone.BAD, down + " down");
    }

    private static StatusLine confFiles(NasSnapshot s) {
        int files = s.lintReports().size();
        int errors = s.lintReports().values().stream().mapToInt(FileReport::errors).sum();
        int warnings = s.lintReports().values().stream().mapToInt(FileReport::warnings).sum();
        if (files == 0) {
            return new StatusLine("conf", "Conf files", "none", Tone.WARN, "no /etc/*_dev*.conf on the host");
        }
        Tone tone = errors > 0 ? Tone.BAD : warnings > 0 ? Tone.WARN : Tone.GOOD;
        String value = errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s");
        return new StatusLine("conf", "Conf files", value, tone, files + " file" + (files == 1 ? "" : "s") + " checked");
    }

    private static StatusLine defaults(NasSnapshot s) {
        if (s.qatDefaults().isEmpty()) {
            return new StatusLine("default-qat", "/etc/default/qat", statusWord(s, "default_qat"), Tone.NEUTRAL,
                    "without it the driver uses its built-in defaults (no SR-IOV, no kernel API)");
        }
        QatDefaults d = s.qatDefaults().get();
        String value = "SR-IOV " + (d.sriovEnabled() ? "on" : "off") + ", kernel API " + (d.kapiEnabled() ? "on" : "off");
        // ZFS is a kernel user: without ENABLE_KAPI the kernel instances it needs are never created
        Tone tone = d.kapiEnabled() ? Tone.GOOD : Tone.BAD;
        String detail = d.kapiEnabled() ? "" : "ZFS needs ENABLE_KAPI=1";
        return new StatusLine("default-qat", "/etc/default/qat", value, tone, detail);
    }

    private static StatusLine blacklist(NasSnapshot s) {
        if (s.blacklist().isEmpty()) {
            return new StatusLine("blacklist", "VF blacklist", statusWord(s, "blacklist"), Tone.NEUTRAL, "");
        }
        VfBlacklist b = s.blacklist().get();
        List<DeviceModel> blocked = b.blockedModels();
        boolean hostUsesVfs = s.devices().map(a -> a.devices().stream().anyMatch(QatDevice::vf)).orElse(false)
                || s.qatDefaults().map(QatDefaults::sriovEnabled).orElse(false);
        if (blocked.isEmpty()) {
            return new StatusLine("blacklist", "VF blacklist", "no VF driver blocked", Tone.GOOD, "");
        }
        String models = String.join(", ", blocked.stream().map(DeviceModel::vfType).toList());
        return hostUsesVfs
                ? new StatusLine("blacklist", "VF blacklist", "blocks " + models, Tone.BAD,
                        "the host enables SR-IOV, but the VF driver may not load")
                : new StatusLine("blacklist", "VF blacklist", "blocks " + models, Tone.NEUTRAL, "VFs are not used on this host");
    }

    private static StatusLine zfsQat(NasSnapshot s) {
        boolean kstat = s.kstat().isPresent();
        // a parameter file that exists, whether readable or not, means zfs.ko was built with QAT
        boolean params = Arrays.stream(ZfsParam.values()).map(p -> s.itemStatus().get(p.itemName()))
                .anyMatch(st -> st != null && st != ItemStatus.ABSENT);
        if (!kstat && !params && !EmptyStates.zfsLoaded(s)) {
            return new StatusLine("zfs.qat", "ZFS with QAT", "ZFS not loaded", Tone.BAD,
                    "no /sys/module/zfs: install OpenZFS built with QAT (--with-qat) and load it");
        }
        int own = EmptyStates.forkParams(s);
        if (!params && own > 0) {
            return new StatusLine("zfs.qat", "ZFS with QAT", "a fork's own parameters", Tone.WARN,
                    "none of OpenZFS's zfs_qat_*_disable, but " + own + " zfs_qat_* of its own: the offload card lists them");
        }
        if (!kstat && !params) {
            return new StatusLine("zfs.qat", "ZFS with QAT", "not built with QAT", Tone.BAD,
                    "this zfs.ko has no QAT support: no /proc/spl/kstat/zfs/qat and no zfs_qat_* parameters");
        }
        long off = s.params().values().stream().filter(v -> v != 0).count();
        if (off == ZfsParam.values().length) {
            return new StatusLine("zfs.qat", "ZFS with QAT", "built in, all offload off", Tone.WARN,
                    "every zfs_qat_*_disable is 1: forced at load when QAT was not up, or switched off");
        }
        return new StatusLine("zfs.qat", "ZFS with QAT", "built in", Tone.GOOD, kstat ? "" : "no QAT kstat yet");
    }

    /** An item the snapshot could not use, in a word: absent, denied, error... */
    private static String statusWord(NasSnapshot s, String item) {
        ItemStatus st = s.itemStatus().get(item);
        return st == null ? "not read" : st.wire();
    }
}
