package org.qatwb.app.workbench;

import java.util.Arrays;
import java.util.Optional;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.doctor.CheckResult;
import org.qatwb.model.doctor.CheckStatus;
import org.qatwb.model.doctor.Doctor;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsParam;

/**
 * Why a view has nothing to show, and what to do next, on a host that is not (yet) a QAT NAS:
 * no QAT driver, no device, no ZFS, ZFS without QAT. Derived from what the snapshot says
 * (adf_ctl absent, no {@code /sys/module/zfs}, no {@code zfs_qat_*} parameter...) and from the
 * doctor's first failing link, so a view never shows a bare "No content" or offers a control
 * that cannot act. Pure functions of the snapshot: the views only draw them.
 */
public final class EmptyStates {

    /** A heading and a sentence or two saying why and what next. */
    public record Why(String title, String detail) {
    }

    private EmptyStates() {
    }

    /**
     * The host in a few words, for the status bar, when it is not (yet) a QAT NAS:
     * "not a QAT NAS yet: no QAT driver, ZFS not loaded (the Doctor tab says what to do)".
     */
    public static Optional<String> notYet(NasSnapshot s) {
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (noDevices(s).isPresent()) {
            missing.add(s.itemStatus().get("adf_status") == ItemStatus.ABSENT ? "no QAT driver"
                    : s.devices().isPresent() ? "no QAT device" : "QAT devices not read");
        }
        if (noZfsQat(s).isPresent()) {
            missing.add(!zfsLoaded(s) ? "ZFS not loaded" : forkParams(s) > 0 ? "ZFS's QAT parameters are a fork's" : "ZFS without QAT");
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("not a QAT NAS yet: " + String.join(", ", missing) + " (the Doctor tab says what to do)");
    }

    /** Why the device table is empty; empty when it is not. */
    public static Optional<Why> noDevices(NasSnapshot s) {
        if (s.devices().map(a -> !a.devices().isEmpty()).orElse(false)) {
            return Optional.empty();
        }
        ItemStatus adf = s.itemStatus().get("adf_status");
        String next = nextStep(s).map(n -> " " + n).orElse("");
        if (s.devices().isPresent()) {
            return Optional.of(new Why("The QAT driver lists no device",
                    "adf_ctl status names no QAT device: is a QAT card (or a QAT-capable CPU) in this host, and is"
                            + " qat.service started (systemctl start qat)?" + next));
        }
        if (adf == ItemStatus.ABSENT) {
            return Optional.of(new Why("No QAT driver on this host",
                    "adf_ctl is not installed, so there is no QAT device to show. Install Intel's out-of-tree QAT"
                            + " driver with the kernel API (./configure --enable-kapi), then start qat.service:"
                            + " the Doctor tab has the commands."));
        }
        return Optional.of(new Why("QAT devices not read",
                "adf_ctl status: " + (adf == null ? "not read" : adf.wire()) + " (the NAS's warnings say why)." + next));
    }

    /**
     * Why the ZFS offload switches cannot act; empty when ZFS has its QAT parameters. No
     * {@code /sys/module/zfs} means ZFS is not loaded at all, which "built without QAT" would misname.
     */
    public static Optional<String> noZfsQat(NasSnapshot s) {
        if (!s.params().isEmpty() || Arrays.stream(ZfsParam.values())
                .map(p -> s.itemStatus().get(p.itemName())).anyMatch(st -> st != null && st != ItemStatus.ABSENT)) {
            return Optional.empty();
        }
        if (!zfsLoaded(s)) {
            return Optional.of("ZFS is not loaded on this host (no /sys/module/zfs): install OpenZFS built with QAT"
                    + " (./configure --with-qat=<the QAT driver's source>) and load it (modprobe zfs)");
        }
        int own = forkParams(s);
        if (own > 0) {
            // a fork with QAT parameters of its own (TheTDD/zfs: zfs_qat_disable_compression...): not "without QAT"
            return Optional.of("this zfs.ko has none of OpenZFS's zfs_qat_*_disable parameters but " + own
                    + " zfs_qat_* parameter" + (own == 1 ? "" : "s") + " of its own (a ZFS fork, listed below as the NAS"
                    + " has them): the switches act on OpenZFS's three only");
        }
        return Optional.of("this zfs.ko was built without QAT (no zfs_qat_* parameters, no /proc/spl/kstat/zfs/qat):"
                + " rebuild OpenZFS with ./configure --with-qat=<the QAT driver's source>");
    }

    /** How many {@code zfs_qat_*} parameters the NAS has (read when none of OpenZFS's three is there: a fork's). */
    public static int forkParams(NasSnapshot s) {
        return s.qatParameters().map(p -> p.parameters().size()).orElse(0);
    }

    /** Whether zfs.ko is loaded; unknown (an older agent) counts as loaded, the older reading. */
    public static boolean zfsLoaded(NasSnapshot s) {
        return s.itemStatus().get("zfs_module") != ItemStatus.ABSENT;
    }

    /** Why "Keep after reboot" has nothing to keep; empty when it has. */
    public static Optional<String> nothingToKeep(NasSnapshot s) {
        return noZfsQat(s).map(why -> "Nothing to keep: " + (zfsLoaded(s) ? "this zfs.ko has" : "without ZFS there are")
                + " no zfs_qat_* parameters to set at boot");
    }

    /** Why a device has no conf file to show, when the host has none at all. */
    public static Optional<String> noConfFiles(NasSnapshot s) {
        if (!s.confFiles().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(s.itemStatus().get("adf_status") == ItemStatus.ABSENT
                ? "No conf file: the QAT driver installs /etc/<type>_dev<N>.conf, one per device; it is not installed."
                : "No /etc/<type>_dev<N>.conf on the host: the driver reads one per device.");
    }

    /**
     * The doctor's first failing check, as what to do next: "The doctor's first failing link (2. ...): message".
     * Empty when nothing fails.
     */
    public static Optional<String> nextStep(NasSnapshot s) {
        return firstFailure(Doctor.examine(s, Optional.empty()))
                .map(c -> "Next, the Doctor tab's first failing link" + c.check().link().number().stream()
                        .mapToObj(n -> " (" + n + ". " + c.check().link().title() + ")").findFirst().orElse("")
                        + ": " + c.message() + ".");
    }

    /** The first check that fails, in chain order: fixing it is what unblocks the checks after it. */
    public static Optional<CheckResult> firstFailure(DoctorReport r) {
        return r.results().stream().filter(c -> c.status() == CheckStatus.FAIL).findFirst();
    }
}
