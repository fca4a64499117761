package org.qatwb.model.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.driver.DriverFixtures.conf;
import static org.qatwb.model.driver.DriverFixtures.device;
import static org.qatwb.model.driver.DriverFixtures.kernelQat;
import static org.qatwb.model.driver.DriverFixtures.placed;
import static org.qatwb.model.driver.DriverFixtures.refused;
import static org.qatwb.model.driver.DriverFixtures.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.lint.DeviceFileName;
import org.qatwb.model.testutil.C62xFixture;
import org.qatwb.model.testutil.Samples;

/** Intel's shipped samples are placed (allocator.md 7(a)); the seed's C62x host; c4xxx; kernel with user on a VF. */
class AllocatorSamplesTest {

    static Stream<Path> samples() {
        // Gen 4 files are another driver; the k8s file without [GENERAL] is refused by adf_ctl, before the kernel
        return Samples.files("conf").stream().map(Path::getFileName).map(Path::toString)
                .filter(n -> !n.contains("4xxx") && !n.contains("cant_parse_num_processes")).map(Path::of)
                .map(n -> Samples.root().resolve("conf").resolve(n));
    }

    private static DeviceVerdict sample(String fileName, byte[] bytes, DriverRelease release) {
        DeviceRef ref = DeviceFileName.of(fileName).map(DeviceFileName::device).orElseThrow(
                () -> new AssertionError("no device type in " + fileName));
        return Allocator.place(new DeviceConf(fileName, ref, 0, ConfDocument.parse(bytes), Optional.empty()),
                RingMap.DEFAULT, release);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyIntelSampleIsPlaced(Path file) {
        for (DriverRelease r : DriverRelease.values()) {
            placed(sample(file.getFileName().toString(), Samples.bytes(file), r));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"intel_QAT.L.4.24.0_c6xxvf_dev0.conf.vm.km", "intel_QAT.L.4.24.0_c6xx_dev0.conf.km",
        "intel_QAT.L.4.24.0_c6xx_dev0.conf.dc.sym.km", "intel_QAT.L.4.24.0_c4xxx_dev0.conf", "intel_QAT.L.4.24.0_c6xxpf_dev0.conf"})
    void theProjectsCopiesOfIntelSamplesArePlaced(String name) throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/driver/" + name)) {
            bytes = in.readAllBytes();
        }
        placed(sample(name, bytes, DriverRelease.R4_24));
    }

    @Test
    void a_theC62xVfKernelSampleTakesOnePolledKernelBank() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/driver/intel_QAT.L.4.24.0_c6xxvf_dev0.conf.vm.km")) {
            bytes = in.readAllBytes();
        }
        var p = placed(sample("c6xxvf_dev0.conf", bytes, DriverRelease.R4_24));
        assertEquals(List.of("IPSec0@0", "Dc1@0"), p.placements().stream().map(i -> i.name() + "@" + i.bank()).toList());
        assertEquals(false, p.banks().get(0).interrupt());
    }

    @Test
    void underSymDcTheKernelQatDcInstancesArePlacedBeforeTheCyOnes() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/driver/intel_QAT.L.4.24.0_c6xx_dev0.conf.dc.sym.km")) {
            bytes = in.readAllBytes();
        }
        var p = placed(sample("c6xx_dev0.conf", bytes, DriverRelease.R4_24));
        var kq = p.placements().stream().filter(i -> i.section().equals("KERNEL_QAT")).toList();
        assertEquals(ServiceType.COMP, kq.get(0).type());
        assertEquals(ServiceType.SYM, kq.get(kq.size() - 1).type());
    }

    @Test
    void from424OnALoneUserSectionSpreadsItsCyOverFreeBanksWhile48FillsEachBankFirst() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/driver/intel_QAT.L.4.24.0_c6xx_dev0.conf.km")) {
            bytes = in.readAllBytes();
        }
        for (DriverRelease r : DriverRelease.values()) {
            var p = placed(sample("c6xx_dev0.conf", bytes, r));
            assertEquals(9, p.firstUserBank(), "kernel banks 0-8 (allocator.md 7(a))");
            var ssl = p.placements().stream().filter(i -> i.section().equals("SSL"))
                    .map(i -> i.name() + "@" + i.bank()).toList();
            assertEquals(r == DriverRelease.R4_8
                    ? List.of("SSL0@9", "SSL1@9", "SSL2@10", "SSL3@10", "SSL4@11", "SSL5@11", "Dc0@9", "Dc1@9")
                    : List.of("SSL0@9", "SSL1@10", "SSL2@11", "SSL3@12", "SSL4@13", "SSL5@14", "Dc0@9", "Dc1@9"), ssl,
                    r.name());
        }
    }

    /** The seed's host: 3 C62x PFs with 16 VFs each, 2 Cy + 2 Dc per VF in [KERNEL_QAT]. */
    private static List<DeviceConf> seedHost(boolean splitCores) {
        List<DeviceConf> set = new ArrayList<>();
        for (int pf = 0; pf < 3; pf++) {
            set.add(device("c6xx", pf, C62xFixture.pf()));
        }
        for (int vf = 0; vf < 48; vf++) {
            int core = vf % 24;
            int dcCore = splitCores ? core + 1 : core;
            DeviceConf d = device("c6xxvf", 3 + vf, conf("cy;dc", kernelQat("Cy:ZFS_CY0:0:" + core, "Cy:ZFS_CY1:0:" + core,
                    "Dc:ZFS_DC0:0:" + dcCore, "Dc:ZFS_DC1:0:" + dcCore)));
            set.add(new DeviceConf(d.name(), d.device(), d.devId(), d.conf(), Optional.of("c6xx_dev" + vf / 16 + ".conf")));
        }
        return set;
    }

    @Test
    void theSeedsFiftyOneDeviceC62xIsPlacedWhenEachVfUsesOneCore() {
        List<DeviceVerdict> vs = Allocator.place(seedHost(false), DriverRelease.R4_24);
        assertEquals(51, vs.size());
        vs.forEach(DriverFixtures::placed);
    }

    @Test
    void theSeedsFiftyOneDeviceC62xIsRefusedVfByVfWhenCyAndDcSplitOverTwoCores() {
        List<DeviceVerdict> vs = Allocator.place(seedHost(true), DriverRelease.R4_24);
        vs.subList(0, 3).forEach(DriverFixtures::placed);
        for (DeviceVerdict v : vs.subList(3, 51)) {
            var r = refused(v);
            assertEquals(Optional.of("ZFS_DC0"), r.instance());
            assertTrue(r.why().startsWith("ZFS_DC0 is on core "), r.why());
        }
    }

    @Test
    void theProjectsOwnC62xFixtureIsPlacedNowThatEachVfUsesOneCoreAndItsTwoCoreFormIsRefused() {
        // C62xFixture is what the lint tests call a clean ZFS host: the real driver must bring all of it up
        List<DeviceConf> set = new ArrayList<>();
        int id = 0;
        for (var e : C62xFixture.confFiles().entrySet()) {
            boolean vf = e.getKey().startsWith("c6xxvf");
            int n = Integer.parseInt(e.getKey().replaceAll("\\D", "").substring(1));
            set.add(new DeviceConf(e.getKey(), DeviceRef.of(vf ? "c6xxvf" : "c6xx"), id++, ConfDocument.parse(e.getValue()),
                    vf ? Optional.of("c6xx_dev" + n / C62xFixture.VFS_PER_PF + ".conf") : Optional.empty()));
        }
        List<DeviceVerdict> vs = Allocator.place(set, DriverRelease.R4_24);
        assertEquals(C62xFixture.PFS + 48, vs.size());
        vs.forEach(DriverFixtures::placed);
        // its first version put each VF's Cy and Dc on two cores: refused on every VF
        DeviceConf split = new DeviceConf("c6xxvf_dev0.conf", DeviceRef.of("c6xxvf"), 3,
                ConfDocument.parse(C62xFixture.vf(0, 1)), Optional.empty());
        assertEquals("ZFS0 (Dc0) is on core 1 but this VF's only bank is already bound to core 0 by ZFS0 (Cy0):"
                + " give both the same core", refused(Allocator.place(split, RingMap.DEFAULT, DriverRelease.R4_24)).why());
    }

    @Test
    void aC4xxxBankHasEightRingsSoOneCyAndOneDcUnderCyDc() {
        String two = conf("cy;dc", kernelQat("Cy:C0:0:3", "Dc:D0:0:3"));
        var p = placed(run(device("c4xxxvf", 0, two)));
        assertEquals(List.of(0, 0), p.placements().stream().map(InstancePlacement::bank).toList());
        // a second Cy fits on a 16-ring VF bank but not on an 8-ring one
        String three = conf("cy;dc", kernelQat("Cy:C0:0:3", "Cy:C1:0:3", "Dc:D0:0:3"));
        placed(run(device("c6xxvf", 0, three)));
        var r = refused(run(device("c4xxxvf", 0, three)));
        assertEquals(Optional.of("C1"), r.instance());
        // and a c4xxx PF puts the second Cy on a second bank (128 of them)
        var pf = placed(run(device("c4xxx", 0, three)));
        assertEquals(List.of(0, 1, 0), pf.placements().stream().map(InstancePlacement::bank).toList());
    }

    @Test
    void aVfMixingKernelAndUserSectionsIsRefused() {
        String text = conf("cy;dc", kernelQat("Cy:ZFS_CY0:0:2", "Dc:ZFS_DC0:0:2")
                + "\n[SSL]\nNumberCyInstances = 1\nNumberDcInstances = 0\nNumProcesses = 1\n"
                + "Cy0Name = \"SSL0\"\nCy0IsPolled = 1\nCy0CoreAffinity = 0\n");
        var r = refused(run(device("c6xxvf", 4, text)));
        assertEquals(Optional.of("SSL0"), r.instance());
        assertEquals(Optional.of("SSL"), r.section());
        assertTrue(r.why().contains("never shares a bank between kernel and user"), r.why());
        assertTrue(DriverFixtures.kernelLog(r).contains("Failed to process user section SSL"));
        // the same file on a PF is placed: the user section opens the next bank
        placed(run(device("c6xx", 4, text)));
    }

    @Test
    void theK8sSampleWithoutGeneralIsRefusedByAdfCtlBeforeTheKernel() {
        Path file = Samples.root().resolve("conf/k8s_qat_plugin_testdata_cant_parse_num_processes_c6xx_dev0.conf");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(file), "sample corpus not present");
        var r = refused(sample(file.getFileName().toString(), Samples.bytes(file), DriverRelease.R4_24));
        assertEquals(List.of(new DriverMessage(DriverMessage.Where.ADF_CTL_STDERR, false, "QAT Error: No GENERAL section found"),
                new DriverMessage(DriverMessage.Where.ADF_CTL_STDERR, false, "Failed to configure qat_dev0")), r.messages());
    }

    @Test
    void aGen4DeviceIsNotModelled() {
        assertInstanceOf(DeviceVerdict.NotModelled.class, run(device("4xxx", 0, conf("sym;dc", ""))));
    }
}
