package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsParam;

/** Link 7, {@code zfs.built-with-qat} (DOMAIN.md section 1); link 8's {@code zfs.params} is {@link ParamsCheck}. */
final class ZfsChecks {

    /** The parameters to leave off where the requests-pending message was seen (DOMAIN.md section 8). */
    static final Set<ZfsParam> CY_PARAMS = EnumSet.of(ZfsParam.CHECKSUM, ZfsParam.ENCRYPT);

    /**
     * The agent's item for {@code /sys/module/zfs}: absent when zfs.ko is not loaded. An older agent
     * does not send it, and then the check cannot tell "not loaded" from "built without QAT".
     */
    static final String ZFS_MODULE_ITEM = "zfs_module";

    private static final Pattern ZFS_VERSION = Pattern.compile("ZFS: Loaded module v([^,\\s]+)");

    private ZfsChecks() {
    }

    static CheckResult builtWithQat(CheckContext c) {
        Check self = Check.ZFS_BUILT_WITH_QAT;
        NasSnapshot s = c.snapshot();
        String zfs = zfsVersion(s).map(v -> "ZFS " + v).orElse("ZFS");
        if (!s.params().isEmpty() || s.kstat().isPresent()) {
            return CheckResult.pass(self, zfs + " has QAT support: " + s.params().size() + " zfs_qat_* parameter(s)"
                    + (s.kstat().isPresent() ? " and /proc/spl/kstat/zfs/qat" : ", no kstat"));
        }
        List<String> unread = new ArrayList<>();
        for (ZfsParam p : ZfsParam.values()) {
            c.unreadable(p.itemName()).ifPresent(unread::add);
        }
        c.unreadable("kstat_qat").ifPresent(unread::add);
        if (!unread.isEmpty()) {
            return CheckResult.warn(self, "the zfs_qat_* parameters and the kstat could not be read: " + unread.get(0))
                    .withDetails(unread);
        }
        if (c.absent(ZFS_MODULE_ITEM)) {
            // zfs.ko creates /sys/module/zfs when it loads (the kernel's module sysfs): without it the missing
            // parameters say nothing about how ZFS was built
            return CheckResult.fail(self, "ZFS is not loaded: no /sys/module/zfs, so whether it was built with QAT cannot"
                    + " be seen", new Fix.CommandFix(List.of("modprobe zfs"), "load ZFS (it is loaded at boot where a"
                    + " pool is imported), then run the doctor again"));
        }
        List<String> own = s.qatParameters().map(p -> p.parameters().stream().map(q -> q.name()).toList()).orElse(List.of());
        if (!own.isEmpty()) {
            // a fork with a QAT interface of its own (TheTDD/zfs: zfs_qat_disable_compression..., its counters
            // in zfs/qat-dc and zfs/qat-cy): built with QAT, but not with the interface the checks read
            return CheckResult.warn(self, zfs + " has " + own.size() + " zfs_qat_* parameter(s) of its own (" + own.get(0)
                    + (own.size() > 1 ? ", ..." : "") + ") but none of OpenZFS's zfs_qat_*_disable and no"
                    + " /proc/spl/kstat/zfs/qat: a ZFS fork whose QAT interface qatwb does not read; the checks that"
                    + " follow cannot judge its offload").withDetails(own);
        }
        boolean trueNas = s.truenasVersion().isPresent();
        return CheckResult.fail(self, zfs + " is built without QAT: no zfs_qat_* parameters, no /proc/spl/kstat/zfs/qat"
                        + (trueNas ? " (stock TrueNAS SCALE is not built with QAT; its maintainers declined)" : ""),
                new Fix.CommandFix(List.of("./configure --with-qat=<QAT driver source directory> && make && make install"),
                        (trueNas ? "rebuild the TrueNAS SCALE image's ZFS" : "rebuild ZFS") + " with QAT, so that zfs.ko"
                                + " depends on qat_api, and reboot"));
    }

    static Optional<String> zfsVersion(NasSnapshot s) {
        for (String line : s.kernelLog()) {
            Matcher m = ZFS_VERSION.matcher(line);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    static String names(List<ZfsParam> params) {
        return params.stream().map(ZfsParam::shortName).collect(Collectors.joining(", "));
    }
}
