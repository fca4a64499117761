package org.qatwb.sim.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.sim.DatasetLoad;
import org.qatwb.sim.driver.DriverRelease;

/**
 * The built-in simulated NAS boxes (DESIGN.md "The simulated NAS").
 *
 * <ul>
 * <li>{@code c62x}: a Debian box with a C62x (3 PFs, 48 VFs) laid out for ZFS, everything working;
 *     driver 4.24; it boots as stock systemd units do (zfs.ko, then qat.service), and its
 *     administrator keeps the three parameters at 0 with qatwb's {@code qatwb-zfs-qat.service}, so ZFS
 *     uses QAT after every boot;</li>
 * <li>{@code dh8950}: TrueNAS SCALE rebuilt with QAT, one 8950 card (32 VFs); zfs.ko loads before
 *     qat.service (root on ZFS), so the parameters start at 1 until someone writes 0; driver 4.28;</li>
 * <li>{@code no-qat}: stock TrueNAS SCALE, ZFS built without QAT, no driver of Intel's; its CPU's QAT Gen 4
 *     endpoint is bound to the in-kernel {@code qat_4xxx};</li>
 * <li>{@code broken}: a C62x box with the VF driver blacklisted, the kernel API off, a polled kernel
 *     instance, lz4 datasets with 1M records, and the requests-pending message in its log; an old
 *     driver, 4.8, whose adf_ctl keeps leading blanks and tabs; with the
 *     Z.I.A. properties shown, zia_compress and zia_checksum on without a provider; and its zfs.ko
 *     shows a hypothetical fork's extra kstat rows and parameters ({@code org.qatwb.sim.zfs.ForkExtras}).</li>
 * <li>{@code new-kernel}: the healthy {@code c62x} box after {@code apt upgrade} installed a newer kernel,
 *     which GRUB boots next (default entry 0, the newest): its {@code dkms autoinstall} rebuilt zfs.ko without
 *     QAT (no {@code ICP_ROOT}) and Intel's driver, which ships no dkms.conf, was not built for it.</li>
 * </ul>
 * Together they give every check of {@code model.doctor} a way to pass and a way to fail.
 */
public final class Profiles {

    public static final List<String> NAMES = List.of("c62x", "dh8950", "no-qat", "broken", "new-kernel");

    /** The kernel update {@code new-kernel} installed and set to boot next, built without QAT. */
    public static final String NEW_KERNEL_RELEASE = "6.1.0-31-amd64";

    private static final long K = 1024;
    private static final long M = 1024 * K;

    private static final String DEBIAN_12 = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION="12 (bookworm)"
            VERSION_CODENAME=bookworm
            ID=debian
            HOME_URL="https://www.debian.org/"
            SUPPORT_URL="https://www.debian.org/support"
            BUG_REPORT_URL="https://bugs.debian.org/"
            """;
    private static final String UBUNTU_22 = """
            PRETTY_NAME="Ubuntu 22.04.5 LTS"
            NAME="Ubuntu"
            VERSION_ID="22.04"
            VERSION="22.04.5 LTS (Jammy Jellyfish)"
            VERSION_CODENAME=jammy
            ID=ubuntu
            ID_LIKE=debian
            HOME_URL="https://www.ubuntu.com/"
            SUPPORT_URL="https://help.ubuntu.com/"
            BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
            UBUNTU_CODENAME=jammy
            """;
    private static final String REQUESTS_PENDING = "cpaCySymRemoveSession() - : There are 1 requests pending";
    /** From the box's passthrough days: a user-space program tried a PF (harmless to ZFS, but it worries people). */
    private static final String IOMMU = "QAT: Cannot use PF with IOMMU enabled";

    private Profiles() {
    }

    public static Optional<Profile> byName(String name) {
        return switch (name) {
            case "c62x" -> Optional.of(c62x());
            case "dh8950" -> Optional.of(dh8950());
            case "no-qat" -> Optional.of(noQat());
            case "broken" -> Optional.of(broken());
            case "new-kernel" -> Optional.of(newKernel());
            default -> Optional.empty();
        };
    }

    /**
     * A dual-socket Debian box with a C62x PCH (3 PFs on node 0), 48 VFs each with 1 Cy + 1 Dc for ZFS.
     * zfs.ko loads in early boot (udev's {@code modprobe zfs} for the pool's disks, OpenZFS
     * {@code udev/rules.d/90-zfs.rules.in}; the imports are {@code DefaultDependencies=no}), long before
     * Intel's {@code qat.service} ({@code After=local-fs.target}); the parameters unit, after qat.service,
     * turns the offload on.
     */
    public static Profile c62x() {
        return new Profile("c62x", "Debian 12, OpenZFS 2.2 built with QAT, C62x (3 PFs + 48 VFs), all up"
                + " (qatwb's unit keeps the parameters at 0 after boot)",
                new OsIdentity(DEBIAN_12, null, "6.1.0-28-amd64", "2.2.7-1"),
                new CpuTopology(List.of("0-13,28-41", "14-27,42-55")),
                new QatCard("c6xx", List.of("3d", "3f", "41"), 0), DriverRelease.R4_24,
                true, true, false, true, List.of(),
                true, Set.of(ZfsParam.values()), ParamsAtBoot.FORCED_ONE,
                List.of(
                        Dataset.fs("tank", "lz4", "on", "off", 128 * K, 1.6),
                        Dataset.fs("tank/backup", "gzip", "sha256", "aes-256-gcm", 128 * K, 3.1),
                        Dataset.vol("tank/vm", "gzip-1", "sha256", "off", 16 * K, 1.8),
                        Dataset.fs("tank/secure", "lz4", "on", "aes-128-gcm", 64 * K, 1.5),
                        Dataset.fs("tank/archive", "gzip-9", "sha256", "off", M, 3.5),
                        Dataset.fs("tank/media", "lz4", "on", "off", M, 1.02),
                        Dataset.fs("tank/home", "lz4", "on", "off", 128 * K, 1.7)),
                false, List.of(), List.of(),
                Map.of("tank/backup", new DatasetLoad(120, 40), "tank/vm", new DatasetLoad(60, 80),
                        "tank/secure", new DatasetLoad(30, 30), "tank/archive", new DatasetLoad(50, 5),
                        "tank/media", new DatasetLoad(200, 300)));
    }

    /** TrueNAS SCALE rebuilt with QAT and one 8950 card on node 1; zfs.ko loads before qat.service. */
    public static Profile dh8950() {
        return new Profile("dh8950", "TrueNAS SCALE rebuilt with QAT, one 8950 card (1 PF + 32 VFs), parameters"
                + " forced to 1 at boot",
                new OsIdentity(DEBIAN_12, OsIdentity.TRUENAS_SCALE_VERSION, OsIdentity.TRUENAS_SCALE_KERNEL, "2.2.4-1"),
                new CpuTopology(List.of("0-7,16-23", "8-15,24-31")),
                new QatCard("dh895xcc", List.of("83"), 1), DriverRelease.R4_28,
                true, true, false, true, List.of(),
                true, Set.of(), ParamsAtBoot.FORCED_ONE,
                List.of(
                        Dataset.fs("data", "lz4", "on", "off", 128 * K, 1.5),
                        Dataset.fs("data/backup", "gzip", "sha256", "off", 128 * K, 2.9),
                        Dataset.fs("data/apps", "lz4", "on", "off", 128 * K, 1.9),
                        Dataset.fs("data/vault", "lz4", "on", "aes-256-gcm", 128 * K, 1.4)),
                false, List.of(), List.of(),
                Map.of("data/backup", new DatasetLoad(80, 20), "data/vault", new DatasetLoad(20, 20),
                        "data/apps", new DatasetLoad(10, 40)));
    }

    /**
     * Stock TrueNAS SCALE: OpenZFS without QAT support, no QAT driver of Intel's, on a single-socket
     * Sapphire Rapids board whose CPU has one QAT Gen 4 endpoint (4xxx, 0x4940, on the socket's bus 0x6b
     * where these CPUs put their first one): the kernel's own {@code qat_4xxx} owns it, which ZFS cannot use.
     */
    public static Profile noQat() {
        return new Profile("no-qat", "stock TrueNAS SCALE: ZFS built without QAT, no QAT driver of Intel's (the CPU's"
                + " Gen 4 endpoint is the in-kernel qat_4xxx's)",
                new OsIdentity(DEBIAN_12, OsIdentity.TRUENAS_SCALE_VERSION, OsIdentity.TRUENAS_SCALE_KERNEL, "2.2.4-1"),
                new CpuTopology(List.of("0-7")),
                null, null,
                false, false, false, false, List.of(),
                false, Set.of(), ParamsAtBoot.FORCED_ONE,
                List.of(
                        Dataset.fs("tank", "lz4", "on", "off", 128 * K, 1.5),
                        Dataset.fs("tank/logs", "gzip-9", "sha256", "off", 128 * K, 6.0)),
                false, List.of(), List.of(),
                Map.of("tank/logs", new DatasetLoad(20, 5)))
                .withCpuQat(List.of(new CpuQat("0x4940", "0000:6b:00.0", 0)));
    }

    /**
     * A C62x box set up for passthrough and then used for ZFS: the VF driver is blacklisted (no VF
     * comes up), the kernel API is off, VF 0's conf polls its Cy instance, the data is lz4 in 1M
     * records (nothing QAT could offload anyway), and the log still shows the requests-pending
     * message from earlier checksum offload (OpenZFS issue #14463) and the IOMMU complaint of a
     * user-space program from its passthrough days. With Z.I.A. shown, someone turned zia_compress and
     * zia_checksum on but never set a provider.
     */
    public static Profile broken() {
        return new Profile("broken", "Ubuntu 22.04, C62x with the VF driver blacklisted, ENABLE_KAPI off, a polled"
                + " kernel instance, lz4/1M datasets, parameters forced to 1",
                new OsIdentity(UBUNTU_22, null, "5.15.0-130-generic", "2.1.5-1ubuntu6~22.04.4"),
                new CpuTopology(List.of("0-27")),
                new QatCard("c6xx", List.of("b1", "b3", "b5"), 0), DriverRelease.R4_8,
                true, false, true, true,
                // both of the VF's instances polled (as Intel's installer writes them): the driver takes a VF
                // whose one bank is polled, but not one polled instance beside an interrupt-mode one
                List.of(new ConfTweak("c6xxvf_dev0.conf", "KERNEL_QAT", "Cy0IsPolled", "1"),
                        new ConfTweak("c6xxvf_dev0.conf", "KERNEL_QAT", "Dc0IsPolled", "1")),
                true, Set.of(), ParamsAtBoot.FORCED_ONE,
                List.of(
                        Dataset.fs("tank", "lz4", "on", "off", M, 1.3),
                        Dataset.fs("tank/media", "lz4", "on", "off", M, 1.01),
                        Dataset.fs("tank/backup", "lz4", "on", "off", M, 1.9)),
                false, List.of("zia_compress", "zia_checksum"),
                List.of(IOMMU, REQUESTS_PENDING, REQUESTS_PENDING, REQUESTS_PENDING),
                Map.of("tank/backup", new DatasetLoad(100, 30), "tank/media", new DatasetLoad(50, 150)));
    }

    /**
     * The {@code c62x} box after a kernel update it has not booted yet: kernel {@value #NEW_KERNEL_RELEASE}
     * is installed and GRUB's default (entry 0, the newest kernel) boots it. The update's postinst ran
     * {@code dkms autoinstall}, which built zfs.ko from OpenZFS's dkms.conf without {@code ICP_ROOT}, so
     * without QAT (scripts/dkms.mkconf), and then made its initramfs; nothing built Intel's QAT driver for
     * it (no dkms.conf; its installer builds for one kernel). The running system is as healthy as c62x's.
     */
    public static Profile newKernel() {
        return c62x().withExtraKernels("new-kernel", "c62x after a kernel update: GRUB boots " + NEW_KERNEL_RELEASE
                        + " next, whose zfs.ko DKMS rebuilt without QAT and for which the QAT driver is not built",
                List.of(new ExtraKernel(NEW_KERNEL_RELEASE, false, false)));
    }
}
