package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the simulated kernel shows of who owns each QAT device (the agent's qat_pci reads it). */
class QatPciTreeTest {

    private static String read(Path root, String path) throws Exception {
        return Files.readString(root.resolve(path));
    }

    @Test
    void intelsDriverIsTaintedOutOfTreeWithItsReleaseAndEachFunctionHasItsNode() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("dh8950"))) {
            Path root = nas.root();
            for (String m : new String[] {"intel_qat", "qat_dh895xcc", "qat_dh895xccvf", "qat_api"}) {
                assertEquals("OE\n", read(root, "sys/module/" + m + "/taint"), m);
                assertTrue(read(root, "sys/module/" + m + "/srcversion").strip().matches("[0-9A-F]{23}"), m);
            }
            assertEquals("4.28.0\n", read(root, "sys/module/qat_dh895xcc/version"));
            assertEquals("4.28.0\n", read(root, "sys/module/intel_qat/version"), "QatDriver's, while qat.service runs");
            assertTrue(Files.exists(root.resolve("sys/module/qat_dh895xcc/drivers/pci:dh895xcc"), LinkOption.NOFOLLOW_LINKS));
            assertTrue(Files.exists(root.resolve("sys/module/qat_dh895xccvf/drivers/pci:dh895xccvf"), LinkOption.NOFOLLOW_LINKS));
            assertEquals("1\n", read(root, "sys/bus/pci/devices/0000:83:00.0/numa_node"), "the 8950 hangs off node 1");
            assertEquals("1\n", read(root, "sys/bus/pci/devices/0000:83:01.0/numa_node"));
        }
    }

    @Test
    void stockTrueNasHasItsCpusGen4EndpointBoundToTheKernelsQat4xxx() throws Exception {
        try (SimulatedNas nas = SimulatedNas.start(SimOptions.driven("no-qat"))) {
            Path root = nas.root();
            Path dev = root.resolve("sys/bus/pci/devices/0000:6b:00.0");
            assertEquals("0x8086\n", Files.readString(dev.resolve("vendor")));
            assertEquals("0x4940\n", Files.readString(dev.resolve("device")));
            assertFalse(Files.exists(dev.resolve("physfn"), LinkOption.NOFOLLOW_LINKS));
            assertTrue(Files.exists(root.resolve("sys/bus/pci/drivers/4xxx/0000:6b:00.0"), LinkOption.NOFOLLOW_LINKS));
            assertEquals("\n", read(root, "sys/module/qat_4xxx/taint"), "in-tree: no taint");
            assertEquals("0.6.0\n", read(root, "sys/module/intel_qat/version"), "the in-kernel ADF_DRV_VERSION");
            assertTrue(Files.exists(root.resolve("sys/module/qat_4xxx/drivers/pci:4xxx"), LinkOption.NOFOLLOW_LINKS));
            assertTrue(Files.exists(root.resolve("sys/module/intel_qat/holders/qat_4xxx"), LinkOption.NOFOLLOW_LINKS));
            assertFalse(Files.exists(root.resolve("sys/module/qat_api")), "no kernel QAT API: Intel's package is not there");
            String release = read(root, "proc/sys/kernel/osrelease").strip();
            String dep = read(root, "lib/modules/" + release + "/modules.dep");
            assertTrue(dep.contains("kernel/drivers/crypto/intel/qat/qat_4xxx/qat_4xxx.ko:"
                    + " kernel/drivers/crypto/intel/qat/qat_common/intel_qat.ko\n"), dep);
        }
    }
}
