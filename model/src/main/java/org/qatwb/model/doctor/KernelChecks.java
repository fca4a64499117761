package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.qatwb.model.kernel.DkmsEntry;
import org.qatwb.model.kernel.InstalledKernel;
import org.qatwb.model.kernel.KernelBuilds;
import org.qatwb.model.kernel.ModInfo;
import org.qatwb.model.kernel.NextBoot;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;

/**
 * The kernel and build guard (issue 16, section 2): will QAT survive the next boot? Links 2
 * ({@code kernel.next-boot}, {@code kernel.qat-driver-build}) and 7 ({@code kernel.zfs-qat-build},
 * {@code kernel.initramfs}). The sources (docs/driver/kernel-builds.md):
 * <ul>
 * <li>Intel's QAT 1.7 driver ships no dkms.conf; {@code make install} puts intel_qat and the device
 *     modules under {@code /lib/modules/<KERNEL_SOURCE_ROOT's kernel>/updates} (quickassist/qat/Makefile,
 *     {@code INSTALL_MOD_DIR=updates}) and copies qat_api.ko and usdm_drv.ko to
 *     {@code /lib/modules/`uname -r`/kernel/drivers} (Makefile.in, {@code qat-service-install}): a new
 *     kernel gets nothing until someone builds for it;</li>
 * <li>OpenZFS's DKMS build passes {@code --with-qat} only when {@code ICP_ROOT} is set
 *     (scripts/dkms.mkconf, {@code PRE_BUILD}), and {@code --with-qat} needs the QAT driver built for that
 *     kernel (config/kernel.m4, {@code ZFS_AC_QAT}: qat_api.ko and Module.symvers): a kernel update's
 *     {@code dkms autoinstall} builds zfs.ko without QAT;</li>
 * <li>a zfs.ko linked against qat_api whose kernel has no qat_api gets no qat_api line from depmod and
 *     does not load (unknown symbols); the initramfs hooks copy zfs.ko with what modules.dep lists
 *     (contrib/initramfs/hooks/zfs.in {@code manual_add_modules zfs}; contrib/dracut/90zfs
 *     {@code instmods -c zfs}), so a root-on-ZFS boot stops at the initramfs prompt.</li>
 * </ul>
 */
final class KernelChecks {

    private KernelChecks() {
    }

    /** A kernel judged, and why: what it is to the NAS decides how bad its problem is. */
    private record Target(InstalledKernel kernel, String role, boolean decisive) {
        String name() {
            return kernel.release() + " (" + role + ")";
        }
    }

    /** A problem with one kernel, and what repairs it. */
    private record Problem(Target target, String message, List<Fix> fixes) {
    }

    static CheckResult nextBoot(CheckContext c) {
        Check self = Check.KERNEL_NEXT_BOOT;
        Optional<KernelBuilds> kb = c.snapshot().kernels();
        if (kb.isEmpty()) {
            return notRead(c, self);
        }
        KernelBuilds k = kb.get();
        String running = k.running().orElse("?");
        if (k.nextBoot().isEmpty()) {
            return CheckResult.warn(self, "which kernel boots next cannot be told (no GRUB menu, systemd-boot default or"
                    + " /boot/vmlinuz link was read): the kernel checks judge the running kernel " + running
                    + " and every installed kernel");
        }
        NextBoot n = k.nextBoot().get();
        if (k.nextKernel().isEmpty() || !k.nextKernel().get().hasModules()) {
            return CheckResult.warn(self, "kernel " + n.kernel() + " boots next (" + n.describe() + "), but /lib/modules/"
                    + n.kernel() + " is not on this system" + (c.snapshot().truenasVersion().isPresent()
                    ? " (another boot environment's kernel)" : "") + ": what is built for it cannot be checked");
        }
        String more = n.source() == NextBoot.Source.VMLINUZ_LINK
                ? " (a hint only: no boot loader configuration was read)" : "";
        if (k.running().equals(Optional.of(n.kernel()))) {
            return CheckResult.pass(self, "the running kernel " + n.kernel() + " boots next (" + n.describe() + ")" + more);
        }
        return CheckResult.pass(self, "kernel " + n.kernel() + " boots next (" + n.describe() + "), not the running "
                + running + more + ": the checks below judge it before the reboot");
    }

    static CheckResult qatDriverBuild(CheckContext c) {
        return judgeEach(c, Check.KERNEL_QAT_DRIVER_BUILD, k -> List.of(), (k, t) -> {
            InstalledKernel ik = t.kernel();
            if (!ik.hasModules()) {
                return Optional.of(new Problem(t, "kernel " + t.name() + " has no /lib/modules/" + ik.release()
                        + "/modules.dep: no QAT driver and no zfs.ko", List.of()));
            }
            if (ik.outOfTreeQat()) {
                return Optional.empty();
            }
            String intel = ik.module(InstalledKernel.INTEL_QAT).map(m -> m.outOfTree() ? "intel_qat in " + m.path()
                    : "intel_qat is the kernel's own").orElse("no intel_qat");
            return Optional.of(new Problem(t, "kernel " + t.name() + " has no out-of-tree QAT driver: "
                    + (ik.module(InstalledKernel.QAT_API).isEmpty() ? "no qat_api, " : "") + intel
                    + " (zfs.ko needs qat_api, which only Intel's out-of-tree driver builds)",
                    List.of(qatDriverFix(k, ik.release()))));
        }, names -> "Intel's out-of-tree QAT driver (qat_api, intel_qat outside kernel/) is installed for " + names);
    }

    static CheckResult zfsQatBuild(CheckContext c) {
        return judgeEach(c, Check.KERNEL_ZFS_QAT_BUILD, KernelChecks::runningRebuilt, (k, t) -> {
            InstalledKernel ik = t.kernel();
            if (!ik.hasModules()) {
                return Optional.empty();    // kernel.qat-driver-build says so
            }
            Optional<Boolean> withQat = ik.zfsBuiltWithQat();
            if (withQat.isEmpty()) {
                return Optional.of(new Problem(t, "kernel " + t.name() + " has no zfs.ko: its pools will not import",
                        List.of(zfsFix(k, ik.release()))));
            }
            if (!withQat.get()) {
                return Optional.of(new Problem(t, "kernel " + t.name() + ": zfs.ko is built without QAT (it does not"
                        + " depend on qat_api): after booting it ZFS does not use QAT" + dkmsNote(k, ik.release()),
                        List.of(zfsFix(k, ik.release()))));
            }
            if (ik.module(InstalledKernel.QAT_API).isEmpty() || !ik.zfsLoadsQatApi()) {
                return Optional.of(new Problem(t, "kernel " + t.name() + ": zfs.ko needs qat_api but "
                        + (ik.module(InstalledKernel.QAT_API).isEmpty() ? "no qat_api is installed for it"
                        : "its modules.dep does not list qat_api for zfs.ko (depmod not run since)")
                        + ": zfs.ko will not load, and a root-on-ZFS boot stops at the initramfs prompt",
                        List.of(qatDriverFix(k, ik.release()), initramfsFix(k, ik.release()))));
            }
            return Optional.empty();
        }, names -> "zfs.ko is built with QAT, and loads qat_api, for " + names);
    }

    /**
     * The loaded zfs.ko against the file installed for the running kernel: a rebuild since boot shows as
     * another srcversion, and it is what the next boot of this kernel loads.
     */
    private static List<Problem> runningRebuilt(KernelBuilds k) {
        Optional<InstalledKernel> run = k.runningKernel();
        if (run.isEmpty() || k.loadedZfsSrcversion().isEmpty()) {
            return List.of();
        }
        Optional<String> onDisk = run.get().zfsInfo().flatMap(ModInfo::srcversion);
        if (onDisk.isEmpty() || onDisk.equals(k.loadedZfsSrcversion())
                || !run.get().zfsBuiltWithQat().equals(Optional.of(false))) {
            return List.of();
        }
        Target t = new Target(run.get(), "running", true);
        return List.of(new Problem(t, "the zfs.ko installed for the running kernel " + run.get().release()
                + " was rebuilt without QAT since boot (srcversion " + onDisk.get() + ", the loaded one is "
                + k.loadedZfsSrcversion().get() + "): its next boot loses QAT", List.of(zfsFix(k, run.get().release()))));
    }

    static CheckResult initramfs(CheckContext c) {
        Check self = Check.KERNEL_INITRAMFS;
        if (c.snapshot().kernels().filter(k -> !k.zfsInInitramfs()).isPresent()) {
            return CheckResult.pass(self, "no initramfs holds zfs.ko (neither OpenZFS's initramfs-tools hook nor its"
                    + " dracut module is installed): zfs.ko and qat_api load from /lib/modules");
        }
        return judgeEach(c, self, k -> List.of(), (k, t) -> {
            InstalledKernel ik = t.kernel();
            if (!ik.hasModules()) {
                return Optional.empty();
            }
            if (ik.initramfs().isEmpty()) {
                return Optional.of(new Problem(t, "kernel " + t.name() + " has no initramfs (/boot/initrd.img-"
                        + ik.release() + "), and zfs.ko is loaded from one", List.of(initramfsFix(k, ik.release()))));
            }
            if (ik.initramfsOlderThanModules()) {
                return Optional.of(new Problem(t, "the initramfs of kernel " + t.name() + " (" + ik.initramfs().get()
                        + ") is older than " + String.join(" and ", ik.newerThanInitramfs())
                        + ": it holds an earlier zfs.ko" + (ik.zfsLoadsQatApi() ? ", perhaps without the qat_api it needs"
                        : ""), List.of(initramfsFix(k, ik.release()))));
            }
            return Optional.empty();
        }, names -> "each initramfs was made after its kernel's zfs.ko and modules.dep: " + names);
    }

    /** What a kernel check finds wrong with one kernel; empty when it is fine. */
    private interface PerKernel {
        Optional<Problem> judge(KernelBuilds k, Target t);
    }

    /**
     * Runs a kernel check: the problems {@code before} finds over the whole NAS, then {@code judge}'s for
     * each kernel of {@link #targets}; {@code good} words the pass from the kernels' names.
     */
    private static CheckResult judgeEach(CheckContext c, Check self, Function<KernelBuilds, List<Problem>> before,
            PerKernel judge, UnaryOperator<String> good) {
        Optional<KernelBuilds> kb = c.snapshot().kernels();
        if (kb.isEmpty()) {
            return notRead(c, self);
        }
        KernelBuilds k = kb.get();
        List<Problem> problems = new ArrayList<>(before.apply(k));
        List<Target> targets = targets(k);
        for (Target t : targets) {
            judge.judge(k, t).ifPresent(problems::add);
        }
        return verdict(c, self, k, problems, good.apply(names(targets)));
    }

    /**
     * The kernels to judge: the one that boots next first, then the running one, then every other kernel
     * with modules. A problem of the next kernel fails the check (and of the running one where nothing says
     * what boots next); of the others it warns.
     */
    private static List<Target> targets(KernelBuilds k) {
        List<Target> out = new ArrayList<>();
        Optional<String> next = k.nextKernel().map(InstalledKernel::release);
        next.flatMap(k::kernel).ifPresent(n -> out.add(new Target(n,
                k.running().equals(Optional.of(n.release())) ? "running, boots next" : "boots next", true)));
        k.runningKernel().filter(r -> !next.equals(Optional.of(r.release())))
                .ifPresent(r -> out.add(new Target(r, "running", next.isEmpty())));
        for (InstalledKernel ik : k.kernels()) {
            if (out.stream().noneMatch(t -> t.kernel().equals(ik)) && ik.hasModules()) {
                out.add(new Target(ik, "installed", false));
            }
        }
        return out;
    }

    private static CheckResult verdict(CheckContext c, Check self, KernelBuilds k, List<Problem> problems, String good) {
        if (problems.isEmpty()) {
            return CheckResult.pass(self, good);
        }
        List<String> details = problems.stream().map(Problem::message).toList();
        Optional<Problem> decisive = problems.stream().filter(p -> p.target().decisive()).findFirst();
        Problem first = decisive.orElse(problems.get(0));
        List<Fix> fixes = new ArrayList<>(first.fixes());
        keepRunning(c.snapshot(), k, first.target()).ifPresent(fixes::add);
        CheckResult r = decisive.isPresent() ? CheckResult.fail(self, first.message())
                : CheckResult.warn(self, first.message() + " (it is not the kernel that boots next)");
        return r.withFixes(fixes).withDetails(details);
    }

    /** Boot the running kernel again, where it is not the broken one and the boot loader lets us say so. */
    private static Optional<Fix> keepRunning(NasSnapshot s, KernelBuilds k, Target broken) {
        Optional<String> running = k.running().filter(r -> !r.equals(broken.kernel().release()));
        if (running.isEmpty()) {
            return Optional.empty();
        }
        String why = "until kernel " + broken.kernel().release() + " is fixed, keep booting the running kernel "
                + running.get();
        if (s.truenasVersion().isPresent()) {
            // the middleware's API: bootenv.* up to 24.10, boot.environment.* from 25.04 (its versioned API)
            boolean old = s.truenasVersion().get().strip().matches("(1\\d|2[0-4])\\..*");
            return Optional.of(new Fix.CommandFix(old
                    ? List.of("midclt call bootenv.query", "midclt call bootenv.activate <the running boot environment>")
                    : List.of("midclt call boot.environment.query",
                            "midclt call boot.environment.activate '{\"id\": \"<the running boot environment>\"}'"),
                    why + " (TrueNAS: activate its boot environment, the one query shows active)"));
        }
        Optional<String> entry = Optional.ofNullable(k.grubEntries().get(running.get()));
        return entry.map(e -> new Fix.CommandFix(List.of(
                "sed -i 's/^GRUB_DEFAULT=.*/GRUB_DEFAULT=saved/' /etc/default/grub", "update-grub",
                "grub-set-default " + ShellWords.quote(e)), why + " (grub-set-default needs GRUB_DEFAULT=saved)"));
    }

    /** Build and install Intel's driver for {@code kernel}: with DKMS where a qat module is registered. */
    private static Fix qatDriverFix(KernelBuilds k, String kernel) {
        Optional<String> dkms = dkmsModule(k, "qat");
        if (dkms.isPresent()) {
            return new Fix.CommandFix(List.of("dkms install " + dkms.get() + " -k " + kernel),
                    "build and install the QAT driver registered with DKMS for kernel " + kernel);
        }
        return new Fix.CommandFix(List.of(
                "cd <QAT driver source> && KERNEL_SOURCE_ROOT=/lib/modules/" + kernel + "/build ./configure --enable-kapi"
                        + " --enable-icp-sriov=host && make && make qat-driver-install",
                "install -m 0644 build/qat_api.ko build/usdm_drv.ko /lib/modules/" + kernel + "/kernel/drivers/",
                "depmod -a " + kernel),
                "build Intel's QAT driver for kernel " + kernel + ": its installer copies qat_api.ko only to the running"
                        + " kernel's /lib/modules/$(uname -r) (Makefile.in, qat-service-install)");
    }

    /** Rebuild zfs.ko with QAT for {@code kernel}: DKMS passes --with-qat only with ICP_ROOT set. */
    private static Fix zfsFix(KernelBuilds k, String kernel) {
        Optional<String> dkms = dkmsModule(k, "zfs");
        if (dkms.isPresent()) {
            return new Fix.CommandFix(List.of("ICP_ROOT=<QAT driver source> dkms build " + dkms.get() + " -k " + kernel
                    + " --force", "dkms install " + dkms.get() + " -k " + kernel + " --force",
                    initramfsCommand(k, kernel)),
                    "rebuild zfs.ko with QAT for kernel " + kernel + " (OpenZFS's dkms.conf adds --with-qat only when"
                            + " ICP_ROOT is set; the QAT driver must be built for " + kernel + " first)");
        }
        return new Fix.CommandFix(List.of("cd <ZFS source> && ./configure --with-qat=<QAT driver source> --with-linux=/lib/"
                + "modules/" + kernel + "/source --with-linux-obj=/lib/modules/" + kernel + "/build && make && make install",
                initramfsCommand(k, kernel)),
                "rebuild ZFS with QAT for kernel " + kernel + ", once the QAT driver is built for it");
    }

    private static Fix initramfsFix(KernelBuilds k, String kernel) {
        return new Fix.CommandFix(List.of(initramfsCommand(k, kernel)),
                "make kernel " + kernel + "'s initramfs again, with its zfs.ko and qat_api");
    }

    private static String initramfsCommand(KernelBuilds k, String kernel) {
        return k.initramfsHooks().contains("initramfs-tools") || !k.initramfsHooks().contains("dracut")
                ? "update-initramfs -u -k " + kernel : "dracut -f --kver " + kernel;
    }

    /** {@code MODULE/VERSION} of a DKMS module that is registered, the newest version last. */
    private static Optional<String> dkmsModule(KernelBuilds k, String module) {
        List<String> versions = k.dkmsVersions(module);
        return versions.isEmpty() ? Optional.empty() : Optional.of(module + "/" + versions.get(versions.size() - 1));
    }

    private static String dkmsNote(KernelBuilds k, String kernel) {
        List<DkmsEntry> built = k.dkms("zfs", kernel);
        return built.isEmpty() ? "" : " (DKMS " + built.get(0).state().name().toLowerCase(Locale.ROOT)
                + " zfs/" + built.get(0).version() + " for it: its dkms.conf adds --with-qat only with ICP_ROOT set)";
    }

    private static String names(List<Target> targets) {
        if (targets.isEmpty()) {
            return "no kernel";
        }
        return String.join(", ", targets.stream().map(Target::name).toList());
    }

    private static CheckResult notRead(CheckContext c, Check self) {
        return c.unreadable(NasSnapshotReader.KERNELS_ITEM)
                .map(why -> CheckResult.warn(self, "the installed kernels could not be read: " + why))
                .orElseGet(() -> CheckResult.skip(self, "the NAS's agent sent no kernel items (an older agent)"));
    }
}
