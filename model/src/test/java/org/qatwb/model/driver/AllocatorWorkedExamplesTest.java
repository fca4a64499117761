package org.qatwb.model.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.driver.DriverFixtures.conf;
import static org.qatwb.model.driver.DriverFixtures.device;
import static org.qatwb.model.driver.DriverFixtures.kernelLog;
import static org.qatwb.model.driver.DriverFixtures.kernelQat;
import static org.qatwb.model.driver.DriverFixtures.placed;
import static org.qatwb.model.driver.DriverFixtures.refused;
import static org.qatwb.model.driver.DriverFixtures.run;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.qatwb.model.device.DriverRelease;

/** allocator.md section 7, examples (b) to (e); (a) is {@link AllocatorSamplesTest}. */
class AllocatorWorkedExamplesTest {

    @Test
    void b_aVfWithItsCyAndDcOnTwoCoresIsRefusedNamingTheDcAndBothCores() {
        var r = refused(run(device("c6xxvf", 1, conf("cy;dc", kernelQat("Cy:ZFS_CY0:0:5", "Dc:ZFS_DC0:0:6")))));
        assertEquals(Optional.of("ZFS_DC0"), r.instance());
        assertEquals("ZFS_DC0 is on core 6 but this VF's only bank is already bound to core 5 by ZFS_CY0:"
                + " give both the same core", r.why());
        assertEquals(List.of("Don't have enough rings for instance ZFS_DC0 in process KERNEL_QAT",
                "Failed to create rings for dc", "Failed to config device"), kernelLog(r));
        assertTrue(r.messages().contains(new DriverMessage(DriverMessage.Where.ADF_CTL_STDERR, false,
                "Failed to configure qat_dev1")));
        assertTrue(r.messages().stream().noneMatch(m -> m.where() == DriverMessage.Where.ADF_CTL_STDERR
                && m.text().contains("rings")), "adf_ctl never repeats the kernel's reason");
    }

    @Test
    void c_bothOnOneCoreShareTheVfsBank() {
        var p = placed(run(device("c6xxvf", 1, conf("cy;dc", kernelQat("Cy:ZFS_CY0:0:5", "Dc:ZFS_DC0:0:5")))));
        assertEquals(1, p.banks().size());
        assertEquals(OptionalLong.of(5), p.banks().get(0).core());
        assertEquals(2, p.banks().get(0).instances().size());
    }

    @Test
    void cPrime_twoCyAndTwoDcOnOneCoreFillTheBankAndAThirdCyIsRefused() {
        placed(run(device("c6xxvf", 1, conf("cy;dc",
                kernelQat("Cy:ZFS_CY0:0:5", "Cy:ZFS_CY1:0:5", "Dc:ZFS_DC0:0:5", "Dc:ZFS_DC1:0:5")))));
        var r = refused(run(device("c6xxvf", 1, conf("cy;dc",
                kernelQat("Cy:ZFS_CY0:0:5", "Cy:ZFS_CY1:0:5", "Cy:ZFS_CY2:0:5", "Dc:ZFS_DC0:0:5")))));
        assertEquals(Optional.of("ZFS_CY2"), r.instance());
        assertTrue(r.why().contains("no free Cy position"), r.why());
    }

    @Test
    void cSecond_interruptInstancesOfKernelAndKernelQatNeverShareAVfsBank() {
        String text = "[GENERAL]\nConfigVersion = 2\nServicesEnabled = cy;dc\n\n[KERNEL]\nNumberCyInstances = 1\nNumberDcInstances = 0\n"
                + "Cy0Name = \"K0\"\nCy0IsPolled = 0\nCy0CoreAffinity = 5\n\n" + kernelQat("Dc:ZFS_DC0:0:5");
        var r = refused(run(device("c6xxvf", 0, text)));
        assertEquals(Optional.of("ZFS_DC0"), r.instance());
        assertTrue(r.why().contains("only within one section"), r.why());
        // on a PF the Dc simply takes a second bank
        var p = placed(run(device("c6xx", 0, text)));
        assertEquals(List.of(0, 1), p.placements().stream().map(InstancePlacement::bank).toList());
    }

    @Test
    void d_polledKernelInstancesShareWhateverTheirCores() {
        placed(run(device("c6xxvf", 0, conf("cy;dc", kernelQat("Cy:ZFS_CY0:1:5", "Dc:ZFS_DC0:1:6")))));
    }

    @Test
    void d_mixingInterruptAndPolledOnAVfIsRefusedWhateverTheCores() {
        var r = refused(run(device("c6xxvf", 0, conf("cy;dc", kernelQat("Cy:ZFS_CY0:0:5", "Dc:ZFS_DC0:1:5")))));
        assertEquals(Optional.of("ZFS_DC0"), r.instance());
        assertTrue(r.why().contains("IsPolled 1") && r.why().contains("IsPolled 0"), r.why());
    }

    @Test
    void e_aPfWithKernelQatAndAUserSection() {
        String text = "[GENERAL]\nConfigVersion = 2\nServicesEnabled = cy;dc\n\n[KERNEL]\nNumberCyInstances = 0\nNumberDcInstances = 0\n\n"
                + kernelQat("Cy:C0:0:1", "Cy:C1:0:1", "Dc:D0:0:2", "Dc:D1:0:1")
                + "\n[SSL]\nNumberCyInstances = 1\nNumberDcInstances = 1\nNumProcesses = 2\nLimitDevAccess = 0\n"
                + "Cy0Name = \"SSL0\"\nCy0IsPolled = 1\nCy0CoreAffinity = 0-3\n"
                + "Dc0Name = \"UDC0\"\nDc0IsPolled = 1\nDc0CoreAffinity = 0\n";
        for (DriverRelease release : DriverRelease.values()) {
            var p = placed(Allocator.place(device("c6xx", 0, text), RingMap.DEFAULT, release));
            assertEquals(List.of("C0@0", "C1@0", "D0@1", "D1@0", "SSL0@2", "UDC0@2", "SSL0@2", "UDC0@2"),
                    p.placements().stream().map(i -> i.name() + "@" + i.bank()).toList(), release.name());
            assertEquals(List.of("SSL_INT_0", "SSL_INT_0", "SSL_INT_1", "SSL_INT_1"),
                    p.placements().subList(4, 8).stream().map(InstancePlacement::process).toList());
            assertEquals(List.of(0L, 0L, 1L, 0L), p.placements().subList(4, 8).stream().map(InstancePlacement::core).toList(),
                    "process p takes element p of the CoreAffinity list");
            assertEquals(2, p.firstUserBank());
            assertEquals(OptionalLong.of(1), p.banks().get(0).core());
            assertEquals(OptionalLong.of(2), p.banks().get(1).core());
            assertEquals(OptionalLong.empty(), p.banks().get(2).core());
        }
    }
}
