package org.qatwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.qatwb.sim.SimOptions;
import org.qatwb.sim.SimulatedNas;
import org.qatwb.sim.profile.Profiles;

/**
 * The kernel and build guard end to end (issue 16, section 2): {@code qatwb doctor} over real SSH,
 * the real agent reading the simulated NAS's kernels, GRUB and DKMS tree.
 */
class KernelGuardEndToEndTest {

    private static JsonNode check(CliRun run, String id) {
        return DoctorEndToEndTest.check(run, id);
    }

    @Test
    void theDoctorOnNewKernelNamesTheKernelThatWouldBootWithoutQat() {
        String next = Profiles.NEW_KERNEL_RELEASE;
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("new-kernel"))) {
            CliRun run = NasCommandsEndToEndTest.cli("doctor", nas);
            assertEquals(1, run.exit(), run.err());
            JsonNode boot = check(run, "kernel.next-boot");
            assertEquals("pass", boot.get("status").asText(), boot.toString());
            assertTrue(boot.get("message").asText().contains("kernel " + next + " boots next (GRUB's default entry"),
                    boot.toString());

            JsonNode driver = check(run, "kernel.qat-driver-build");
            assertEquals("fail", driver.get("status").asText(), driver.toString());
            assertTrue(driver.get("message").asText().startsWith("kernel " + next + " (boots next) has no out-of-tree"
                    + " QAT driver: no qat_api, intel_qat is the kernel's own"), driver.toString());
            assertTrue(driver.get("fix").asText().contains("KERNEL_SOURCE_ROOT=/lib/modules/" + next + "/build"),
                    driver.toString());
            // the running kernel is fine, and GRUB can be told to keep booting it
            assertTrue(driver.get("fix").asText().contains("grub-set-default 'Advanced options for Debian GNU/Linux>"
                    + "Debian GNU/Linux, with Linux 6.1.0-28-amd64'"), driver.toString());

            JsonNode zfs = check(run, "kernel.zfs-qat-build");
            assertEquals("fail", zfs.get("status").asText(), zfs.toString());
            assertTrue(zfs.get("message").asText().startsWith("kernel " + next + " (boots next): zfs.ko is built without"
                    + " QAT"), zfs.toString());
            assertTrue(zfs.get("fix").asText().contains("ICP_ROOT=<QAT driver source> dkms build zfs/2.2.7 -k " + next),
                    zfs.toString());
            // DKMS made the initramfs after zfs.ko: it is consistent with what is installed
            assertEquals("pass", check(run, "kernel.initramfs").get("status").asText(), check(run, "kernel.initramfs")
                    .toString());
        }
    }

    @Test
    void theHealthyC62xPassesTheKernelChecksAndTheStockTrueNasSkipsThem() {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            CliRun run = NasCommandsEndToEndTest.cli("doctor", nas);
            for (String id : new String[] {"kernel.next-boot", "kernel.qat-driver-build", "kernel.zfs-qat-build",
                    "kernel.initramfs"}) {
                assertEquals("pass", check(run, id).get("status").asText(), check(run, id).toString());
            }
            assertTrue(check(run, "kernel.next-boot").get("message").asText()
                    .startsWith("the running kernel 6.1.0-28-amd64 boots next"), run.out());
        }
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("no-qat"))) {
            CliRun run = NasCommandsEndToEndTest.cli("doctor", nas);
            assertEquals("skip", check(run, "kernel.qat-driver-build").get("status").asText());
            assertEquals("skip", check(run, "kernel.zfs-qat-build").get("status").asText());
        }
    }
}
