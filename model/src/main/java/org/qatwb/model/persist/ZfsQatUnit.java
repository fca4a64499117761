package org.qatwb.model.persist;

import java.util.Optional;
import java.util.Set;
import org.qatwb.model.zfs.ZfsParam;

/**
 * The systemd unit that keeps ZFS's QAT parameters at 0 after a reboot, where the NAS is not
 * TrueNAS: a oneshot service ordered after qat.service that writes 0 to each kept parameter
 * (zfs.ko, loaded before QAT was up, forced them to 1; DOMAIN.md section 6).
 *
 * <p>The agent's {@code persist-params} writes exactly {@link #text} (it builds the same lines
 * from the same validated words; a conformance test holds the two together), and a unit at
 * {@link #PATH} is ours only when it is byte for byte one of these texts.
 */
public final class ZfsQatUnit {

    /** The unit's name. */
    public static final String NAME = "qatwb-zfs-qat.service";
    /** Where it is written. */
    public static final String PATH = "/etc/systemd/system/" + NAME;
    /** The link {@code systemctl enable} makes for {@code WantedBy=multi-user.target}. */
    public static final String WANTS_LINK = "/etc/systemd/system/multi-user.target.wants/" + NAME;

    private ZfsQatUnit() {
    }

    /** The shell command that turns one kind of offload on: {@code echo 0 > /sys/module/zfs/parameters/...}. */
    public static String writeZero(ZfsParam p) {
        return "echo 0 > /sys/module/zfs/parameters/" + p.sysfsName();
    }

    /** The unit's text for a non-empty set of parameters. */
    public static String text(Set<ZfsParam> keep) {
        if (keep.isEmpty()) {
            throw new IllegalArgumentException("a unit that keeps nothing is no unit: remove it instead");
        }
        StringBuilder t = new StringBuilder()
                .append("# Written by QAT Workbench (qatwb): qatwb params --keep-after-reboot changes or removes it.\n")
                .append("# zfs.ko loads before qat.service, finds no QAT and sets zfs_qat_*_disable to 1;\n")
                .append("# this writes 0 again once qat.service has started.\n")
                .append("[Unit]\n")
                .append("Description=qatwb: ZFS QAT offload parameters\n")
                .append("After=qat.service\n")
                .append("Wants=qat.service\n")
                .append("\n")
                .append("[Service]\n")
                .append("Type=oneshot\n")
                .append("RemainAfterExit=yes\n");
        for (ZfsParam p : ZfsParam.values()) {
            if (keep.contains(p)) {
                t.append("ExecStart=/bin/sh -c '").append(writeZero(p)).append("'\n");
            }
        }
        return t.append("\n")
                .append("[Install]\n")
                .append("WantedBy=multi-user.target\n")
                .toString();
    }

    /** The parameters a unit keeps, when its text is exactly one that {@link #text} writes. */
    public static Optional<Set<ZfsParam>> recognise(String text) {
        for (Set<ZfsParam> s : KeepList.allSets()) {
            if (!s.isEmpty() && text(s).equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
