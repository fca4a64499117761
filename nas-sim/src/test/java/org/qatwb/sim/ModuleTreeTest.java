package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The booted kernel's module and PCI facts in the simulated tree, as the doctor's agent items read them. */
class ModuleTreeTest {

    private static long vfsBoundTo(Path root, String driver) throws Exception {
        Path dir = root.resolve("sys/bus/pci/drivers/" + driver);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p)).count();
        }
    }

    private static long vfsOnTheBus(Path root) throws Exception {
        try (Stream<Path> s = Files.list(root.resolve("sys/bus/pci/devices"))) {
            return s.filter(p -> Files.exists(p.resolve("physfn"))).count();
        }
    }

    @Test
    void theC62xBootedWithItsVfsBoundAndQatApiHeldByZfs() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("c62x"))) {
            Path root = nas.root();
            assertEquals(48, vfsOnTheBus(root));
            assertEquals(48, vfsBoundTo(root, "c6xxvf"), "the VF driver's PCI name is the VF type, not the module's");
            assertTrue(Files.isDirectory(root.resolve("sys/module/qat_c62xvf")));
            assertTrue(Files.isDirectory(root.resolve("sys/module/qat_api/holders/zfs")), "the link resolves to zfs");
            assertEquals("0x37c9", Files.readString(root.resolve("sys/bus/pci/devices/0000:3d:01.0/device")).strip());
            assertEquals(root.resolve("sys/bus/pci/devices/0000:3d:00.0").toRealPath(),
                    root.resolve("sys/bus/pci/devices/0000:3d:01.0/physfn").toRealPath());
            String release = Files.readString(root.resolve("proc/sys/kernel/osrelease")).strip();
            String dep = Files.readString(root.resolve("lib/modules/" + release + "/modules.dep"));
            assertTrue(dep.contains("updates/dkms/zfs.ko: updates/dkms/spl.ko kernel/drivers/qat_api.ko"),
                    dep);
            assertTrue(Files.readString(root.resolve("proc/cmdline")).startsWith("BOOT_IMAGE="));
        }
    }

    @Test
    void theBrokenBoxHasItsVfsOnTheBusWithoutADriverAndQatApiLoadedByZfsDespiteKapiOff() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken"))) {
            Path root = nas.root();
            assertEquals(48, vfsOnTheBus(root), "SR-IOV is on: the VFs exist");
            assertEquals(0, vfsBoundTo(root, "c6xxvf"), "the blacklist keeps udev from loading their driver");
            assertFalse(Files.exists(root.resolve("sys/module/qat_c62xvf")));
            assertTrue(Files.isDirectory(root.resolve("sys/module/qat_api/holders/zfs")));
        }
    }

    @Test
    void withTheBlacklistLineRemovedTheNextBootBindsTheVfs(@TempDir Path state) throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken").withStateDir(state))) {
            Files.writeString(nas.root().resolve("etc/modprobe.d/blacklist-qat-vfs.conf"), "");
        }
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("broken").withStateDir(state))) {
            assertEquals(48, vfsBoundTo(nas.root(), "c6xxvf"));
            assertTrue(Files.isDirectory(nas.root().resolve("sys/module/qat_c62xvf")));
        }
    }

    @Test
    void aBoxWithoutQatHasNoQatModuleAndAZfsWithoutQatApi() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("no-qat"))) {
            Path root = nas.root();
            assertFalse(Files.exists(root.resolve("sys/module/qat_api")));
            assertEquals(0, vfsOnTheBus(root));
            String release = Files.readString(root.resolve("proc/sys/kernel/osrelease")).strip();
            assertTrue(Files.readString(root.resolve("lib/modules/" + release + "/modules.dep"))
                    .contains("updates/dkms/zfs.ko: updates/dkms/spl.ko\n"));
        }
    }
}
