package org.qatwb.model.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;
import org.qatwb.model.device.DriverRelease;

/** Refusals outside placement proper (allocator.md section 6), and hostile values. */
class AllocatorRefusalTest {

    @Test
    void aVfTakesItsPfsMapNotItsOwnServicesEnabled() {
        // the VF file says dc, the PF cy;dc: its Cy is a CRYPTO instance and is placed (section 3)
        String vf = conf("dc", "[KERNEL_QAT]\nNumberCyInstances = 0\nNumberDcInstances = 1\n"
                + "Dc0Name = \"D\"\nDc0IsPolled = 0\nDc0CoreAffinity = 1\n");
        var p = placed(run(device("c6xxvf", 0, vf)));
        assertEquals(ServiceType.COMP, p.placements().get(0).type());
        // a sym;dc PF makes the VF's Cy a SYM instance, placed after its Dc (the VF's own file may
        // ask only for what the PF announces: cy;dc would need asym, DriverDifferentialTest)
        var withPf = Allocator.place(List.of(device("c6xx", 0, "[GENERAL]\nConfigVersion = 2\nServicesEnabled = sym;dc\n"),
                new DeviceConf("vf", org.qatwb.model.device.DeviceRef.of("c6xxvf"), 1,
                        org.qatwb.model.conf.ConfDocument.parse(conf("sym;dc", kernelQat("Cy:C:0:2", "Dc:D:0:2"))),
                        Optional.of("c6xx_dev0.conf"))), DriverRelease.R4_24);
        assertEquals(List.of(ServiceType.COMP, ServiceType.SYM),
                placed(withPf.get(1)).placements().stream().map(InstancePlacement::type).toList());
    }

    @Test
    void crossCheckOnTheVfsOwnServicesEnabledIn424ButNotIn48() {
        // allocator.md section 8 point 2: VF file dc under a cy;dc PF with a Cy instance
        String vf = conf("dc", kernelQat("Cy:C:0:1", "Dc:D:0:1"));
        var r = refused(run(device("c6xxvf", 0, vf)));
        assertEquals("NumCyInstances > 0, when CY is not enabled", kernelLog(r).get(0));
        assertTrue(r.why().contains("NumberCyInstances 1") && r.why().contains("\"dc\""), r.why());
        placed(Allocator.place(device("c6xxvf", 0, vf), RingMap.DEFAULT, DriverRelease.R4_8));
    }

    @Test
    void aMissingCountInAKernelSectionRefusesTheDevice() {
        var r = refused(run(device("c6xx", 0, "[GENERAL]\nConfigVersion = 2\nServicesEnabled = cy;dc\n\n[KERNEL_QAT]\nNumberCyInstances = 0\n")));
        assertEquals(Optional.of("KERNEL_QAT"), r.section());
        assertTrue(r.why().contains("has no NumberDcInstances"), r.why());
        assertEquals(List.of("Failed to create rings for dc", "Failed to config device"), kernelLog(r));
    }

    @Test
    void unknownOrMissingServicesEnabledFailsDeviceInitWithTheReleasesWording() {
        String bad = "[GENERAL]\nConfigVersion = 2\nServicesEnabled = cy;sym\n";
        assertEquals("Invalid ServicesEnabled cy;sym for ServicesProfile: 0",
                kernelLog(refused(run(device("c6xx", 0, bad)))).get(0));
        assertEquals("Invalid services enabled: cy;sym", kernelLog(refused(Allocator.place(device("c6xx", 0, bad),
                RingMap.DEFAULT, DriverRelease.R4_8))).get(0));
        assertEquals(List.of("Failed to do device init", "Failed to config device"),
                kernelLog(refused(run(device("c6xx", 0, "[GENERAL]\nConfigVersion = 2\n")))));
    }

    @Test
    void aPfsServicesProfileNarrowsItsNamesButAnUnknownProfileFallsBackToDefault() {
        String compression = "[GENERAL]\nConfigVersion = 2\nServicesEnabled = cy;dc\nServicesProfile = COMPRESSION\n";
        var r = refused(run(device("c6xx", 0, compression)));
        assertEquals("Invalid ServicesEnabled cy;dc for ServicesProfile: 2", kernelLog(r).get(0));
        assertTrue(r.why().contains("not allowed under ServicesProfile COMPRESSION"), r.why());
        placed(run(device("c6xx", 0, "[GENERAL]\nConfigVersion = 2\nServicesEnabled = cy;dc\nServicesProfile = NOPE\n")));
        // VFs have no profile hook, c4xxx always uses DEFAULT_C4XXX, 4.8 has no profiles at all
        placed(run(device("c6xxvf", 0, compression)));
        placed(run(device("c4xxx", 0, compression)));
        placed(Allocator.place(device("c6xx", 0, compression), RingMap.DEFAULT, DriverRelease.R4_8));
    }

    @Test
    void anInterruptModeUserInstanceIsRefusedWithTheUserInstanceMessage() {
        var r = refused(run(device("c6xx", 0, conf("cy;dc", "[SSL]\nNumberCyInstances = 1\nNumberDcInstances = 0\n"
                + "NumProcesses = 1\nCy0Name = \"S0\"\nCy0IsPolled = 0\nCy0CoreAffinity = 0\n"))));
        assertEquals("User instance S0 needs to be configured with IsPolled 1 or 2 for poll and epoll mode, respectively",
                kernelLog(r).get(0));
        assertEquals("Failed to process user section SSL", kernelLog(r).get(2));
        assertFalse(kernelLog(r).stream().anyMatch(l -> l.startsWith("Don't have enough rings")));
    }

    @Test
    void aBadCoreAffinityIsRefusedWithTheErrno() {
        var r = refused(run(device("c6xxvf", 0, conf("cy;dc", kernelQat("Cy:C:0:3-1")))));
        assertEquals("Get core number failed with error -14", kernelLog(r).get(0));
        assertTrue(r.why().contains("Cy0CoreAffinity \"3-1\""), r.why());
    }

    @Test
    void hostileNamesAndCountsStayOneCleanLineAndEndQuickly() {
        String name = "Z\u001b[31m\u0007" + "x".repeat(500);
        var r = refused(run(device("c6xxvf", 0, conf("cy;dc", "[KERNEL_QAT]\nNumberCyInstances = 999999999999\n"
                + "NumberDcInstances = 0\nCy0Name = \"" + name + "\"\nCy0IsPolled = 0\nCy0CoreAffinity = 1\n"
                + "Cy1Name = \"B\"\nCy1IsPolled = 0\nCy1CoreAffinity = 2\n"))));
        assertEquals(Optional.of("B"), r.instance());
        assertTrue(r.why().chars().noneMatch(c -> c < 0x20 || c == 0x7f), r.why());
        // a billion processes reading zero instances are walked once
        placed(run(device("c6xx", 0, conf("cy;dc", "[SSL]\nNumberCyInstances = 0\nNumberDcInstances = 0\n"
                + "NumProcesses = 4294967295\n"))));
        // and a billion processes with instances stop at the first one that finds no position
        var full = refused(run(device("c6xxvf", 0, conf("cy;dc", "[SSL]\nNumberCyInstances = 1\nNumberDcInstances = 0\n"
                + "NumProcesses = 4294967295\nCy0Name = \"S\"\nCy0IsPolled = 1\nCy0CoreAffinity = 0\n"))));
        assertEquals(Optional.of("S"), full.instance());
        assertTrue(kernelLog(full).get(0).endsWith("in process SSL_INT_2"), kernelLog(full).get(0));
        for (DeviceVerdict.Refused x : List.of(r, full)) {
            x.messages().forEach(m -> assertTrue(m.text().chars().noneMatch(c -> c < 0x20 || c == 0x7f), m.text()));
        }
    }
}
