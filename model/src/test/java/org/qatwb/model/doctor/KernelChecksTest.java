package org.qatwb.model.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.kernel.KernelFixture.RUNNING;
import static org.qatwb.model.kernel.KernelFixture.UPDATE;
import static org.qatwb.model.kernel.KernelFixture.grubCfg;
import static org.qatwb.model.kernel.KernelFixture.items;
import static org.qatwb.model.kernel.KernelFixture.kernel;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The kernel and build guard: each check passes, warns and fails, naming the kernel. */
class KernelChecksTest {

    private static final String HEALTHY_RUNNING = kernel(RUNNING, true, true, false);

    private static Host host(String kernelsItem, String grub) {
        return Host.c62x().ok("kernels", kernelsItem).ok("grub_env", "# GRUB Environment Block\n####\n")
                .ok("grub_cfg", grub);
    }

    /** The running kernel healthy, and an update that GRUB boots next. */
    private static Host update(boolean qatDriver, boolean zfsWithQat, boolean stale) {
        return host(items(HEALTHY_RUNNING, kernel(UPDATE, qatDriver, zfsWithQat, stale)), grubCfg(UPDATE, RUNNING));
    }

    @Test
    void aHealthyHostWhoseRunningKernelBootsNextPassesEveryKernelCheck() {
        Host h = host(items(HEALTHY_RUNNING), grubCfg(RUNNING));
        for (Check c : new Check[] {Check.KERNEL_NEXT_BOOT, Check.KERNEL_QAT_DRIVER_BUILD, Check.KERNEL_ZFS_QAT_BUILD,
                Check.KERNEL_INITRAMFS}) {
            assertEquals(CheckStatus.PASS, h.check(c).status(), c.id() + ": " + h.check(c));
        }
        assertEquals("the running kernel " + RUNNING + " boots next (GRUB's default entry 'Debian GNU/Linux')",
                h.check(Check.KERNEL_NEXT_BOOT).message());
        assertEquals(Optional.empty(), NextBootGuard.warning(h.examine()));
    }

    @Test
    void anUpdateBuiltWithoutQatFailsTheDriverAndZfsChecksNamingTheKernel() {
        Host h = update(false, false, false);
        assertTrue(h.check(Check.KERNEL_NEXT_BOOT).message().startsWith("kernel " + UPDATE + " boots next"),
                h.check(Check.KERNEL_NEXT_BOOT).message());
        CheckResult driver = h.check(Check.KERNEL_QAT_DRIVER_BUILD);
        assertEquals(CheckStatus.FAIL, driver.status());
        assertTrue(driver.message().startsWith("kernel " + UPDATE + " (boots next) has no out-of-tree QAT driver"),
                driver.message());
        String fixes = driver.fixSummary().orElseThrow();
        assertTrue(fixes.contains("KERNEL_SOURCE_ROOT=/lib/modules/" + UPDATE + "/build"), fixes);
        assertTrue(fixes.contains("depmod -a " + UPDATE), fixes);
        assertTrue(fixes.contains("grub-set-default 'Advanced options for Debian GNU/Linux>Debian GNU/Linux, with Linux "
                + RUNNING + "'"), "keep booting the running kernel: " + fixes);

        CheckResult zfs = h.check(Check.KERNEL_ZFS_QAT_BUILD);
        assertEquals(CheckStatus.FAIL, zfs.status());
        assertTrue(zfs.message().startsWith("kernel " + UPDATE + " (boots next): zfs.ko is built without QAT"), zfs.message());
        assertTrue(zfs.fixSummary().orElseThrow().contains("ICP_ROOT=<QAT driver source> dkms build zfs/2.2.7 -k " + UPDATE),
                zfs.fixSummary().orElseThrow());
        assertTrue(NextBootGuard.warning(h.examine()).orElseThrow().contains("kernel " + UPDATE + " (boots next)"));
    }

    @Test
    void onTrueNasKeepingTheRunningKernelIsActivatingItsBootEnvironmentInTheMiddlewaresWords() {
        String v24 = update(false, false, false).ok("truenas_version", "24.04.2\n")
                .check(Check.KERNEL_QAT_DRIVER_BUILD).fixSummary().orElseThrow();
        assertTrue(v24.contains("midclt call bootenv.activate <the running boot environment>"), v24);
        String v25 = update(false, false, false).ok("truenas_version", "25.04.0\n")
                .check(Check.KERNEL_QAT_DRIVER_BUILD).fixSummary().orElseThrow();
        assertTrue(v25.contains("midclt call boot.environment.activate"), v25);
        assertTrue(!v25.contains("grub-set-default"), "TrueNAS regenerates GRUB's menu itself: " + v25);
    }

    @Test
    void aZfsBuiltWithQatOnAKernelWithoutQatApiCannotLoad() {
        // the reported initramfs prompt: zfs.ko linked against qat_api, none installed for the kernel
        CheckResult zfs = update(false, true, false).check(Check.KERNEL_ZFS_QAT_BUILD);
        assertEquals(CheckStatus.FAIL, zfs.status());
        assertTrue(zfs.message().contains(UPDATE + " (boots next): zfs.ko needs qat_api but no qat_api is installed for it"),
                zfs.message());
        assertTrue(zfs.fixSummary().orElseThrow().contains("update-initramfs -u -k " + UPDATE), zfs.fixSummary().orElseThrow());
    }

    @Test
    void aWellBuiltUpdatePassesAndAStaleInitramfsFailsOnlyForTheKernelThatBootsNext() {
        Host good = update(true, true, false);
        assertEquals(CheckStatus.PASS, good.check(Check.KERNEL_QAT_DRIVER_BUILD).status());
        assertEquals(CheckStatus.PASS, good.check(Check.KERNEL_ZFS_QAT_BUILD).status());
        assertEquals(CheckStatus.PASS, good.check(Check.KERNEL_INITRAMFS).status());

        CheckResult stale = update(true, true, true).check(Check.KERNEL_INITRAMFS);
        assertEquals(CheckStatus.FAIL, stale.status());
        assertTrue(stale.message().startsWith("the initramfs of kernel " + UPDATE + " (boots next) (/boot/initrd.img-"
                + UPDATE + ") is older than modules.dep and updates/dkms/zfs.ko"), stale.message());
        assertTrue(stale.fixSummary().orElseThrow().startsWith("run update-initramfs -u -k " + UPDATE), stale.fixSummary().get());

        // the same stale initramfs on an older kernel that does not boot next only warns
        Host old = host(items(HEALTHY_RUNNING, kernel("6.1.0-25-amd64", true, true, true)), grubCfg(RUNNING, "6.1.0-25-amd64"));
        CheckResult r = old.check(Check.KERNEL_INITRAMFS);
        assertEquals(CheckStatus.WARN, r.status(), r.toString());
        assertTrue(r.message().contains("6.1.0-25-amd64 (installed)"), r.message());
        assertEquals(Optional.empty(), NextBootGuard.warning(old.examine()), "not the dashboard's business");
    }

    @Test
    void aZfsKoRebuiltWithoutQatForTheRunningKernelFailsThoughTheLoadedOneUsesQat() {
        String rebuilt = kernel(RUNNING, true, false, false);
        CheckResult r = host(items(rebuilt), grubCfg(RUNNING)).check(Check.KERNEL_ZFS_QAT_BUILD);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().startsWith("the zfs.ko installed for the running kernel " + RUNNING
                + " was rebuilt without QAT since boot"), r.message());
    }

    @Test
    void withoutABootLoaderOrLinkTheNextBootIsAWarningAndTheRunningKernelIsJudged() {
        String noLink = items(HEALTHY_RUNNING, kernel(UPDATE, false, false, false)).replace("link " + RUNNING + "\n", "");
        Host h = Host.c62x().without("grub_cfg").without("grub_env").ok("kernels", noLink);
        assertEquals(CheckStatus.WARN, h.check(Check.KERNEL_NEXT_BOOT).status());
        // the update may boot next: a warning naming it, not a failure
        CheckResult driver = h.check(Check.KERNEL_QAT_DRIVER_BUILD);
        assertEquals(CheckStatus.WARN, driver.status(), driver.toString());
        assertTrue(driver.message().contains(UPDATE + " (installed)"), driver.message());
    }

    @Test
    void anOlderAgentWithoutKernelItemsSkipsThem() {
        Host old = Host.c62x().without("kernels").without("grub_cfg").without("grub_env");
        assertEquals(CheckStatus.SKIP, old.check(Check.KERNEL_ZFS_QAT_BUILD).status());
        assertEquals(CheckStatus.SKIP, old.check(Check.KERNEL_NEXT_BOOT).status());
    }

    @Test
    void whereZfsIsBuiltWithoutQatTheBuildChecksSkip() {
        Host stock = Host.c62x().params(null, null, null).absent("kstat_qat").ok("zfs_module", "loaded\n")
                .ok("kernels", items(kernel(RUNNING, false, false, false))).ok("grub_cfg", grubCfg(RUNNING));
        assertEquals(CheckStatus.SKIP, stock.check(Check.KERNEL_ZFS_QAT_BUILD).status());
        assertEquals(CheckStatus.SKIP, stock.check(Check.KERNEL_INITRAMFS).status());
    }
}
