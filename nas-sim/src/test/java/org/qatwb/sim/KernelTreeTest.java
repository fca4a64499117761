package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.qatwb.sim.profile.Profiles;

/**
 * The installed kernels in the simulated tree, as a Debian box has them on disk after a kernel update
 * (read here with plain file reads, not with the product's model).
 */
class KernelTreeTest {

    private static String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.ISO_8859_1);
    }

    @Test
    void newKernelHasAnUpdateThatGrubBootsFirstBuiltWithoutQat() throws Exception {
        String next = Profiles.NEW_KERNEL_RELEASE;
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("new-kernel"))) {
            Path root = nas.root();
            String running = read(root.resolve("proc/sys/kernel/osrelease")).strip();
            assertEquals("6.1.0-28-amd64", running);
            String dep = read(root.resolve("lib/modules/" + next + "/modules.dep"));
            assertTrue(dep.contains("updates/dkms/zfs.ko: updates/dkms/spl.ko\n"), "DKMS built zfs without QAT: " + dep);
            assertTrue(dep.contains("kernel/drivers/crypto/qat/qat_common/intel_qat.ko:"), "the kernel's own driver: " + dep);
            assertFalse(dep.contains("qat_api"), dep);
            String zfsKo = read(root.resolve("lib/modules/" + next + "/updates/dkms/zfs.ko"));
            assertTrue(zfsKo.contains("\0depends=spl\0") && zfsKo.contains("\0vermagic=" + next + " "), zfsKo);
            // the running kernel keeps Intel's driver, qat_api where its installer copies it
            String runDep = read(root.resolve("lib/modules/" + running + "/modules.dep"));
            assertTrue(runDep.contains("updates/dkms/zfs.ko: updates/dkms/spl.ko kernel/drivers/qat_api.ko"
                    + " updates/drivers/crypto/qat/qat_common/intel_qat.ko\n"), runDep);
            // grub-mkconfig lists the newest kernel first, and set default="0" boots it
            String grub = read(root.resolve("boot/grub/grub.cfg"));
            int firstLinux = grub.indexOf("\tlinux\t");
            assertTrue(grub.startsWith("/boot/vmlinuz-" + next + " ", firstLinux + 7), grub.substring(firstLinux));
            assertTrue(grub.contains("set default=\"0\""));
            assertEquals("vmlinuz-" + next, Files.readSymbolicLink(root.resolve("boot/vmlinuz")).toString());
            // DKMS installed zfs for both kernels; the initramfs came after the modules
            assertTrue(Files.isSymbolicLink(root.resolve("var/lib/dkms/zfs/kernel-" + next + "-x86_64")));
            assertTrue(Files.getLastModifiedTime(root.resolve("boot/initrd.img-" + next)).compareTo(
                    Files.getLastModifiedTime(root.resolve("lib/modules/" + next + "/modules.dep"))) > 0);
            // the loaded zfs.ko is the running kernel's file
            String src = read(root.resolve("sys/module/zfs/srcversion")).strip();
            assertTrue(read(root.resolve("lib/modules/" + running + "/updates/dkms/zfs.ko")).contains("\0srcversion=" + src + "\0"));
        }
    }

    @Test
    void theOtherProfilesHaveOnlyTheirRunningKernelAndTrueNasNoDkms() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("dh8950"))) {
            Path root = nas.root();
            try (var s = Files.list(root.resolve("lib/modules"))) {
                assertEquals(1, s.count());
            }
            assertFalse(Files.exists(root.resolve("var/lib/dkms/zfs")), "TrueNAS's image carries zfs.ko");
            assertTrue(read(root.resolve("boot/grub/grub.cfg")).contains("linux\t/ROOT/24.04.2@/boot/vmlinuz-"
                    + "6.6.32-production+truenas"));
        }
    }
}
