package org.qatwb.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.FileChange;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfEdit;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.testutil.C62xFixture;
import org.qatwb.model.testutil.HostSnapshots;

class LayoutCompilerTest {

    private static final DeviceKey VF5 = DeviceKey.parse("c6xxvf_dev5");
    private static final InstanceRef VF5_DC = new InstanceRef(VF5, "KERNEL_QAT", InstanceKind.DC, 0);

    private static Baseline c62x() {
        return Baseline.of(HostSnapshots.c62x().snapshot());
    }

    /** The 1-based numbers of the lines that differ between two texts of the same length in lines. */
    private static List<Integer> changedLines(byte[] before, byte[] after) {
        List<String> a = new String(before, StandardCharsets.ISO_8859_1).lines().toList();
        List<String> b = new String(after, StandardCharsets.ISO_8859_1).lines().toList();
        assertEquals(a.size(), b.size(), "same number of lines");
        return java.util.stream.IntStream.range(0, a.size()).filter(i -> !a.get(i).equals(b.get(i))).map(i -> i + 1)
                .boxed().toList();
    }

    @Test
    void movingOneInstanceToAnotherCoreRewritesOneLineOfOneFile() {
        Baseline base = c62x();
        Compilation c = LayoutCompiler.compile(base, base.layout().withAffinity(VF5_DC, 40));
        assertEquals(1, c.files().size());
        FileChange f = c.files().get(0).change();
        assertEquals("/etc/c6xxvf_dev5.conf", f.path());
        List<Integer> lines = changedLines(f.before().orElseThrow(), f.after());
        assertEquals(1, lines.size());
        assertEquals("Dc0CoreAffinity = 40", new String(f.after(), StandardCharsets.ISO_8859_1).lines().toList()
                .get(lines.get(0) - 1));
        assertTrue(c.diff().contains("-Dc0CoreAffinity = 5\n+Dc0CoreAffinity = 40\n"), c.diff());
        // alone on core 40, the Dc cannot join the VF's one bank, which its Cy binds to core 5
        assertFalse(c.applicable());
        assertTrue(c.findings().get(0).finding().message().contains("is on core 40 but this VF's only bank is already"
                + " bound to core 5"), c.findings().toString());
    }

    @Test
    void movingAVfsInterruptModeInstanceTakesItsSiblingsAlongInTwoLines() {
        Baseline base = c62x();
        Compilation c = LayoutCompiler.compile(base, base.layout().withCore(VF5_DC, 40));
        assertEquals(1, c.files().size());
        FileChange f = c.files().get(0).change();
        assertEquals(2, changedLines(f.before().orElseThrow(), f.after()).size());
        assertTrue(c.diff().contains("-Cy0CoreAffinity = 5\n+Cy0CoreAffinity = 40\n"), c.diff());
        assertTrue(c.diff().contains("-Dc0CoreAffinity = 5\n+Dc0CoreAffinity = 40\n"), c.diff());
        assertTrue(c.applicable(), () -> c.findings().toString());
    }

    @Test
    void theEditsAreTheFewestThatSayTheNewConfig() {
        ConfDocument doc = ConfDocument.parse(C62xFixture.vf(0));
        DeviceConfig have = DeviceConfigs.read(doc);
        InstanceSection kq = have.section("KERNEL_QAT").orElseThrow();
        assertEquals(List.of(), ConfEdits.toward(doc, have));
        assertEquals(List.of(new ConfEdit.SetKey("KERNEL_QAT", "Cy0CoreAffinity", "9")),
                ConfEdits.toward(doc, have.withSection(kq.withInstances(InstanceKind.CY, List.of(Instance.of("ZFS0", 0, 9))))));
        assertEquals(List.of(new ConfEdit.AddInstance("KERNEL_QAT", InstanceKind.DC, "ZFS1", 0, 3)),
                ConfEdits.toward(doc, have.withSection(kq.withInstances(InstanceKind.DC,
                        List.of(kq.dc().get(0), Instance.of("ZFS1", 0, 3))))));
        assertEquals(List.of(new ConfEdit.RemoveKey("KERNEL_QAT", "Cy0Name"), new ConfEdit.RemoveKey("KERNEL_QAT", "Cy0IsPolled"),
                        new ConfEdit.RemoveKey("KERNEL_QAT", "Cy0CoreAffinity"),
                        new ConfEdit.SetKey("KERNEL_QAT", "NumberCyInstances", "0")),
                ConfEdits.toward(doc, have.withSection(kq.withInstances(InstanceKind.CY, List.of()))));
        assertEquals(List.of(new ConfEdit.SetKey("GENERAL", "ServicesEnabled", "dc")),
                ConfEdits.toward(doc, have.withServices("dc")));
    }

    @Test
    void anUnusedVfLosesItsInstanceLinesAndKeepsEverythingElse() {
        Baseline base = c62x();
        Compilation c = LayoutCompiler.compile(base, base.layout().withRole(List.of(VF5), Role.UNUSED));
        ConfDocument after = Applied.doc(c, VF5);
        assertEquals(Optional.of("0"), after.value("KERNEL_QAT", "NumberCyInstances"));
        assertEquals(Optional.of("0"), after.value("KERNEL_QAT", "NumberDcInstances"));
        assertTrue(after.text().startsWith("# c6xxvf for ZFS: kernel QAT API only\n[GENERAL]\n"));
        assertFalse(after.text().contains("Dc0"));
        assertFalse(after.text().contains("\n\n\n"), "no double blank line is left behind");
        assertTrue(c.applicable(), c.findings().toString());
    }

    @Test
    void aVfWithoutAFileGetsOneFromTheProjectsTemplate() {
        HostSnapshots h = HostSnapshots.host().defaultQat("SRIOV_ENABLE=1\nENABLE_KAPI=1\n");
        for (int i = 0; i < 3; i++) {
            h.conf("c6xx_dev" + i + ".conf", C62xFixture.pf());
        }
        Baseline base = Baseline.of(h.snapshot());
        DeviceKey vf = DeviceKey.parse("c6xxvf_dev20");
        Layout l = base.layout().withRole(List.of(vf), Role.ZFS);
        Compilation c = LayoutCompiler.compile(base, l);
        CompiledFile f = c.files().get(0);
        assertTrue(f.isNew());
        assertEquals(vf.confPath(), f.path());
        assertTrue(f.diff().startsWith("--- /dev/null\n+++ /etc/c6xxvf_dev20.conf\n"), f.diff());
        assertTrue(new String(f.change().after(), StandardCharsets.ISO_8859_1)
                .startsWith("# QAT Workbench template: c6xxvf virtual function for ZFS."));
        Applied.assertSays(l, Applied.files(base, c));
        // the other 47 VFs that SR-IOV creates have no file yet
        assertEquals(47, c.findings().stream().filter(x -> x.finding().rule().id().equals("layout.vf-without-conf")).count());
    }

    /**
     * A layout file's values for a device with no conf file go into a new file from the template:
     * each is checked as an edit of an existing file is, so a newline cannot add a line or a section.
     */
    @Test
    void valuesCarriedIntoANewFileAreCheckedAsEditsAre() {
        HostSnapshots h = HostSnapshots.host().defaultQat("SRIOV_ENABLE=1\nENABLE_KAPI=1\n");
        for (int i = 0; i < 3; i++) {
            h.conf("c6xx_dev" + i + ".conf", C62xFixture.pf());
        }
        Baseline base = Baseline.of(h.snapshot());
        DeviceKey vf = DeviceKey.parse("c6xxvf_dev20");
        Instance hostile = new Instance("ZFS_DC\n[GENERAL]\nServicesEnabled = asym", "0", "3");
        List<DeviceConfig> configs = List.of(
                new DeviceConfig("dc", List.of(new InstanceSection("KERNEL_QAT", List.of(), List.of(hostile)))),
                new DeviceConfig("dc\nConfigVersion = 1", List.of(new InstanceSection("KERNEL_QAT", List.of(),
                        List.of(Instance.of("ZFS_DC", 0, 3))))),
                new DeviceConfig("dc", List.of(new InstanceSection("SSL\n[KERNEL_QAT]", List.of(),
                        List.of(Instance.of("SSL0", 1, 3))))),
                new DeviceConfig("dc", List.of(new InstanceSection("KERNEL_QAT", List.of(),
                        List.of(new Instance("ZFS_DC", "0", "3\nDc1Name = x"))))));
        for (DeviceConfig config : configs) {
            Compilation c = LayoutCompiler.compile(base, base.layout().withConfig(vf, config));
            assertTrue(c.files().stream().noneMatch(f -> f.path().equals(vf.confPath())), config.toString());
            assertTrue(c.findings().stream().anyMatch(f -> f.path().equals(vf.confPath())
                    && f.finding().rule().id().equals("layout.cannot-write")), c.findings().toString());
            assertFalse(c.applicable());
        }
    }

    @Test
    void srIovAndTheVfDriverAreSwitchedOnInTheFilesWhenTheLayoutUsesVfs() {
        HostSnapshots h = HostSnapshots.c62x()
                .defaultQat("# Remove comment on next line to enable sriov\n#SRIOV_ENABLE=1\n#LEGACY_LOADED=1\nENABLE_KAPI=1\n")
                .blacklist("blacklist qat_dh895xccvf\nblacklist qat_c62xvf\n");
        Baseline base = Baseline.of(h.snapshot());
        assertFalse(base.layout().host().sriov());
        Compilation unchanged = LayoutCompiler.compile(base, base.layout());
        assertEquals(List.of(), unchanged.files());
        assertEquals(List.of("host.sriov", "host.vf-blacklisted"), unchanged.findings().stream()
                .map(f -> f.finding().rule().id()).toList());

        Compilation fixed = LayoutCompiler.compile(base, base.layout().withHostNeeds());
        assertEquals(List.of(QatDefaults.PATH, VfBlacklist.PATH), fixed.files().stream().map(CompiledFile::path).toList());
        assertEquals("# Remove comment on next line to enable sriov\nSRIOV_ENABLE=1\n#LEGACY_LOADED=1\nENABLE_KAPI=1\n",
                new String(fixed.files().get(0).change().after(), StandardCharsets.ISO_8859_1));
        assertEquals("blacklist qat_dh895xccvf\n", new String(fixed.files().get(1).change().after(),
                StandardCharsets.ISO_8859_1), "the other card's line stays");
        assertEquals(List.of(), fixed.findings());
    }

    @Test
    void aHostFileTheSnapshotCouldNotReadIsNeverWritten() {
        Baseline base = Baseline.of(HostSnapshots.read(org.qatwb.model.testutil.AgentOutputWriter.snapshot()
                .ok("id", "0\nroot\n").item("default_qat", "denied", 0, "permission denied\n").done()));
        Compilation c = LayoutCompiler.compile(base, base.layout().withHost(base.layout().host().withKapi(true)));
        assertEquals(List.of(), c.files());
        assertEquals("layout.cannot-write", c.findings().get(0).finding().rule().id());
        assertEquals(new ElementRef.OfHost(HostSetting.KAPI), c.findings().get(0).element());
        assertFalse(c.applicable());
    }

    @Test
    void aNameTheDriverWouldMisreadIsAFindingNotACrash() {
        Baseline base = c62x();
        Compilation c = LayoutCompiler.compile(base, base.layout().withInstance(VF5_DC, new Instance("ZFS 0", "0", "3")));
        assertEquals(List.of(), c.files());
        LayoutFinding f = c.findings().get(0);
        assertEquals("layout.cannot-write", f.finding().rule().id());
        assertEquals(VF5.confPath(), f.path());
        assertTrue(f.finding().message().contains("blank"), f.finding().message());
    }

    @Test
    void theApplyPlanCarriesTheChangesAndTheDevicesToExpectUpAndRefusesABrokenLayout() {
        Baseline base = c62x();
        Compilation c = LayoutCompiler.compile(base, base.layout().withCore(VF5_DC, 40));
        ApplyPlan plan = c.applyPlan(ApplyMode.STAGE, ApplyPlan.DEFAULT_CONFIRM_TIMEOUT);
        assertEquals(c.changes(), plan.changes());
        assertEquals(51, plan.expectedUp().size());
        assertTrue(plan.expectedUp().contains("0000:3d:01.5"), plan.expectedUp().toString());

        Compilation broken = LayoutCompiler.compile(base, base.layout().withInstance(VF5_DC, Instance.of("ZFS0", 1, 3)));
        assertFalse(broken.applicable());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> broken.applyPlan(ApplyMode.RESTART, Duration.ofSeconds(60)));
        // zfs.polled, and the driver's refusal of a polled instance on the VF's interrupt-mode bank
        assertTrue(e.getMessage().contains("2 error finding"), e.getMessage());
    }
}
