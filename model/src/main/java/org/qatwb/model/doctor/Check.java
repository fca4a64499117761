package org.qatwb.model.doctor;

import static org.qatwb.model.lint.RuleSource.DRIVER_SOURCE;
import static org.qatwb.model.lint.RuleSource.FIELD_REPORT;
import static org.qatwb.model.lint.RuleSource.INTEL_GUIDE;
import static org.qatwb.model.lint.RuleSource.OPENZFS;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.qatwb.model.lint.RuleSource;

/**
 * The doctor's catalogue, in chain order (DOMAIN.md section 1): the order in which the checks run
 * and are shown, each after the links it needs. Ids are a public interface (CLI.md): never rename one.
 */
public enum Check {
    QAT_DRIVER("qat.driver", ChainLink.DRIVER, DRIVER_SOURCE,
            "Intel's out-of-tree QAT 1.x driver is installed (adf_ctl) and lists devices with the kernel API"),
    QAT_DRIVER_OWNER("qat.driver-owner", ChainLink.DRIVER, DRIVER_SOURCE,
            "every QAT card is owned by the driver ZFS can use (Intel's out-of-tree QAT 1.x, with its kernel API), and no"
                    + " in-kernel QAT driver (same module names) keeps it out; Gen 4 endpoints say what ZFS can use of them"),
    KERNEL_NEXT_BOOT("kernel.next-boot", ChainLink.DRIVER, FIELD_REPORT,
            "the kernel that boots next is known (GRUB's next_entry or default entry, systemd-boot's default, Debian's"
                    + " /boot/vmlinuz link) and installed here, so that the checks below judge it before the reboot"),
    KERNEL_QAT_DRIVER_BUILD("kernel.qat-driver-build", ChainLink.DRIVER, DRIVER_SOURCE,
            "Intel's out-of-tree QAT driver (qat_api, intel_qat under updates/) is installed for the running kernel and"
                    + " for the one that boots next (its installer copies qat_api.ko to the running kernel only:"
                    + " Makefile.in, qat-service-install)", QAT_DRIVER),
    QAT_KAPI("qat.kapi", ChainLink.DEFAULTS, DRIVER_SOURCE,
            "ENABLE_KAPI=1 in /etc/default/qat: qat_service loads qat_api, the kernel API ZFS uses (a zfs.ko built"
                    + " with QAT loads it itself: then only a warning)", QAT_DRIVER),
    QAT_SRIOV("qat.sriov", ChainLink.DEFAULTS, DRIVER_SOURCE,
            "SRIOV_ENABLE=1 in /etc/default/qat where VFs carry the kernel instances", QAT_DRIVER),
    QAT_VF_BLACKLIST("qat.vf-blacklist", ChainLink.VF_DRIVER, DRIVER_SOURCE,
            "where VFs carry ZFS's instances, the VF driver is loaded and bound to every VF (a blacklist, which Intel's"
                    + " installer writes for passthrough, stops only its automatic loading)", QAT_DRIVER),
    QAT_CONF_VALID("qat.conf-valid", ChainLink.CONF_FILES, DRIVER_SOURCE,
            "every device has a conf file, and no conf file has an error the driver refuses", QAT_DRIVER),
    QAT_KERNEL_INSTANCES("qat.kernel-instances", ChainLink.CONF_FILES, OPENZFS,
            "interrupt-mode [KERNEL_QAT] instances exist for compression (Dc) and checksums and encryption (Cy);"
                    + " none is polled", QAT_DRIVER),
    ZFS_INSTANCE_CAP("zfs.instance-cap", ChainLink.CONF_FILES, OPENZFS,
            "at most 48 [KERNEL_QAT] instances of each kind: ZFS leaves the rest idle", QAT_DRIVER),
    QAT_DEVICES_UP("qat.devices-up", ChainLink.SERVICE, DRIVER_SOURCE,
            "qat.service is active and adf_ctl status shows every device, VFs included, up", QAT_DRIVER),
    QAT_IRQ_NUMA("qat.irq-numa", ChainLink.SERVICE, DRIVER_SOURCE,
            "each device's completion interrupts are delivered on its own NUMA node (a VF's IRQ is hinted to CPU"
                    + " accel_id mod online CPUs, whatever CoreAffinity says)", QAT_DRIVER),
    ZFS_BUILT_WITH_QAT("zfs.built-with-qat", ChainLink.ZFS_BUILD, OPENZFS,
            "zfs.ko is built --with-qat: the zfs_qat_* parameters and the qat kstat exist"),
    KERNEL_ZFS_QAT_BUILD("kernel.zfs-qat-build", ChainLink.ZFS_BUILD, OPENZFS,
            "the zfs.ko installed for the running kernel is the one loaded, and the next kernel's zfs.ko is built with"
                    + " QAT (depends on qat_api, which is installed for it); DKMS rebuilds zfs --with-qat only with ICP_ROOT"
                    + " set (scripts/dkms.mkconf)", ZFS_BUILT_WITH_QAT),
    KERNEL_INITRAMFS("kernel.initramfs", ChainLink.ZFS_BUILD, OPENZFS,
            "where the initramfs holds zfs.ko (contrib/initramfs/hooks/zfs.in manual_add_modules zfs, dracut 90zfs"
                    + " instmods), the next kernel's initramfs was made after its zfs.ko and modules.dep, so it holds"
                    + " qat_api with a zfs.ko that needs it", ZFS_BUILT_WITH_QAT),
    ZFS_PARAMS("zfs.params", ChainLink.ZFS_PARAMS, OPENZFS,
            "zfs_qat_*_disable are 0 and requests prove ZFS's QAT init (a 0 alone proves nothing); a 1 is explained",
            ZFS_BUILT_WITH_QAT),
    ZFS_PERSISTENCE("zfs.persistence", ChainLink.ZFS_PARAMS, FIELD_REPORT,
            "the parameters that are on stay on after a reboot", ZFS_BUILT_WITH_QAT),
    ZFS_DATASETS_OFFLOADABLE("zfs.datasets-offloadable", ChainLink.OFFLOAD, OPENZFS,
            "datasets use what QAT offloads: gzip, sha256, AES-GCM, in records of 4K to 128K", ZFS_BUILT_WITH_QAT),
    ZFS_OFFLOAD_ACTIVE("zfs.offload-active", ChainLink.OFFLOAD, OPENZFS,
            "the QAT counters grow, without failures, while offloadable work runs", ZFS_BUILT_WITH_QAT, ZFS_PARAMS,
            ZFS_DATASETS_OFFLOADABLE),
    KERNEL_REQUESTS_PENDING("kernel.requests-pending", ChainLink.KNOWN_PROBLEMS, FIELD_REPORT,
            "no 'requests pending' message in the kernel log (OpenZFS issue #14463), or the mitigation in place"),
    KERNEL_DRIVER_ERRORS("kernel.driver-errors", ChainLink.KNOWN_PROBLEMS, INTEL_GUIDE,
            "the QAT driver's messages, each explained: the kernel's in the kernel log, adf_ctl's and qat_service's in"
                    + " qat.service's journal"),
    ZIA_STATUS("zia.status", ChainLink.ZIA, OPENZFS,
            "Z.I.A. pool properties (hpc/zfs fork, OpenZFS PR #13628) are consistent: nothing on without a provider");

    private final String id;
    private final ChainLink link;
    private final RuleSource source;
    private final String summary;
    private final List<Check> prerequisites;

    Check(String id, ChainLink link, RuleSource source, String summary, Check... prerequisites) {
        this.id = id;
        this.link = link;
        this.source = source;
        this.summary = summary;
        this.prerequisites = List.of(prerequisites);
    }

    public String id() {
        return id;
    }

    /** Where the check sits in the chain. */
    public ChainLink link() {
        return link;
    }

    /** Where its knowledge comes from. */
    public RuleSource source() {
        return source;
    }

    /** What it looks for, in one line. */
    public String summary() {
        return summary;
    }

    /** The earlier links it needs: while one of them fails, this check skips rather than piling on. */
    public List<Check> prerequisites() {
        return prerequisites;
    }

    public static Optional<Check> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
