package org.qatwb.model.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.lint.LintFixtures.PF_HOST_ONLY;
import static org.qatwb.model.lint.LintFixtures.VF_ZFS;
import static org.qatwb.model.lint.LintFixtures.assertClean;
import static org.qatwb.model.lint.LintFixtures.assertFinding;
import static org.qatwb.model.lint.LintFixtures.assertMessage;
import static org.qatwb.model.lint.LintFixtures.assertNone;
import static org.qatwb.model.lint.LintFixtures.c62xZfsSet;
import static org.qatwb.model.lint.LintFixtures.confFile;
import static org.qatwb.model.lint.LintFixtures.edit;
import static org.qatwb.model.lint.LintFixtures.general;
import static org.qatwb.model.lint.LintFixtures.lineOf;
import static org.qatwb.model.lint.LintFixtures.section;
import static org.qatwb.model.lint.LintFixtures.single;
import static org.qatwb.model.lint.Severity.ERROR;
import static org.qatwb.model.lint.Severity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.driver.Allocator;
import org.qatwb.model.driver.DeviceConf;
import org.qatwb.model.device.DriverRelease;
import org.qatwb.model.driver.PfOffer;

/** The cross-file rules of a host's device set: a VF's services against its PF's, and ZFS's instance cap. */
class DeviceSetLinterTest {

    private static FileReport report(List<FileReport> reports, String path) {
        return reports.stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
    }

    private static String pf(String services) {
        return edit(PF_HOST_ONLY, "ServicesEnabled = cy;dc", "ServicesEnabled = " + services);
    }

    private static String vf(String services) {
        return edit(VF_ZFS, "ServicesEnabled = cy;dc", "ServicesEnabled = " + services);
    }

    @Test
    void reportsKeepTheOrderAndPathsOfTheFilesWithTheirOwnFindings() {
        String broken = edit(VF_ZFS, "Dc0IsPolled = 0", "Dc0IsPolled = 1");
        List<FileReport> reports = DeviceSetLinter.lint(List.of(confFile("c6xx_dev0.conf", PF_HOST_ONLY, 56),
                confFile("c6xxvf_dev0.conf", broken, 56)));
        assertEquals(List.of("c6xx_dev0.conf", "c6xxvf_dev0.conf"), reports.stream().map(FileReport::path).toList());
        assertFalse(reports.get(0).hasErrors());
        assertTrue(reports.get(1).hasErrors());
        assertEquals("c6xxvf", reports.get(1).device().orElseThrow().type());
        assertEquals(lineOf(broken, "Dc0IsPolled = 1"), single(reports.get(1).findings(), "zfs.polled").line());
    }

    @Nested
    class VfServicesSubset {

        @Test
        void aVfPairsWithThePfOfItsInstIdDividedBy16() {
            // c6xxvf_dev17 is the second VF of the second PF, c6xx_dev1
            List<ConfFile> set = List.of(confFile("c6xx_dev0.conf", pf("cy;dc"), null),
                    confFile("c6xx_dev1.conf", pf("dc"), null),
                    confFile("c6xxvf_dev15.conf", vf("cy;dc"), null),
                    confFile("c6xxvf_dev17.conf", vf("cy;dc"), null));
            List<FileReport> reports = DeviceSetLinter.lint(set);
            assertNone(report(reports, "c6xxvf_dev15.conf").findings(), "vf.services-subset");
            Finding f = single(report(reports, "c6xxvf_dev17.conf").findings(), "vf.services-subset");
            assertFinding(f, "vf.services-subset", ERROR, lineOf(VF_ZFS, "ServicesEnabled = cy;dc"), "GENERAL",
                    "ServicesEnabled");
            assertMessage(f, "inst_id 17", "enables cy;dc", "c6xx_dev1.conf", "c6xxvf 16..31", "grants its VFs only dc",
                    "enable the service on the PF or remove it here");
            for (String pf : List.of("c6xx_dev0.conf", "c6xx_dev1.conf")) {
                assertNone(report(reports, pf).findings(), "vf.services-subset");
            }
        }

        @Test
        void dh895xccHas32VfsPerPf() {
            List<FileReport> reports = DeviceSetLinter.lint(List.of(confFile("dh895xcc_dev0.conf", pf("dc"), null),
                    confFile("dh895xccvf_dev31.conf", vf("cy;dc"), null),
                    confFile("dh895xccvf_dev32.conf", vf("cy;dc"), null)));
            assertMessage(single(report(reports, "dh895xccvf_dev31.conf").findings(), "vf.services-subset"),
                    "dh895xcc_dev0.conf", "dh895xccvf 0..31");
            // VF 32 belongs to dh895xcc_dev1, which is not in the set: nothing to compare
            assertNone(report(reports, "dh895xccvf_dev32.conf").findings(), "vf.services-subset");
        }

        @Test
        void nearMissCyCoversSymAndAsym() {
            List<FileReport> reports = DeviceSetLinter.lint(List.of(confFile("c6xx_dev0.conf", pf("cy;dc"), null),
                    confFile("c6xxvf_dev0.conf", vf("dc;sym"), null),
                    confFile("c6xxvf_dev1.conf", vf("asym"), null),
                    confFile("c6xxvf_dev2.conf", vf("dc"), null)));
            reports.forEach(r -> assertNone(r.findings(), "vf.services-subset"));
        }

        @Test
        void nearMissAVfAloneHasNoPfToCompareWith() {
            assertNone(DeviceSetLinter.lint(List.of(confFile("c6xxvf_dev17.conf", vf("cy;dc"), null))).get(0).findings(),
                    "vf.services-subset");
        }
    }

    @Nested
    class PfInstancesWithVfs {

        @Test
        void aPfWhoseVfsAreInTheSetShouldDeclareNoInstances() {
            String pfWithInstances = general("cy;dc") + section("KERNEL", 0, 0, 0) + section("KERNEL_QAT", 0, 2, 0);
            List<FileReport> reports = DeviceSetLinter.lint(List.of(
                    confFile("c6xx_dev0.conf", PF_HOST_ONLY, null),
                    confFile("c6xx_dev1.conf", pfWithInstances, null),
                    confFile("c6xxvf_dev16.conf", VF_ZFS, null)));
            assertNone(report(reports, "c6xx_dev0.conf").findings(), "pf.instances-with-vfs");
            Finding f = single(report(reports, "c6xx_dev1.conf").findings(), "pf.instances-with-vfs");
            assertFinding(f, "pf.instances-with-vfs", WARNING,
                    lineOf(pfWithInstances, "NumberDcInstances = 2"), "KERNEL_QAT", "NumberDcInstances");
            assertMessage(f, "c6xxvf_dev16..31", "0 Cy + 2 Dc", "set its counts to 0");
        }

        @Test
        void aPfWithoutVfsInTheSetMayHaveInstances() {
            String pfWithInstances = general("cy;dc") + section("KERNEL_QAT", 1, 1, 0);
            List<FileReport> reports = DeviceSetLinter.lint(List.of(
                    confFile("c6xx_dev0.conf", pfWithInstances, null),
                    confFile("c6xxvf_dev16.conf", VF_ZFS, null)));
            assertNone(report(reports, "c6xx_dev0.conf").findings(), "pf.instances-with-vfs");
        }
    }

    @Nested
    class ZfsInstanceCap {

        private static String oneInstanceFile(String kind) {
            return general("cy;dc") + section("KERNEL_QAT", kind.equals("Cy") ? 1 : 0, kind.equals("Dc") ? 1 : 0, 0);
        }

        private List<ConfFile> singles(int files, String kind) {
            List<ConfFile> set = new ArrayList<>();
            String text = oneInstanceFile(kind);
            for (int i = 0; i < files; i++) {
                set.add(confFile("c6xxvf_dev" + i + ".conf", text, null));
            }
            return set;
        }

        @Test
        void fortyNineDcInstancesWarnOnceOnTheFileThatCrosses48() {
            List<FileReport> reports = DeviceSetLinter.lint(singles(49, "Dc"));
            for (int i = 0; i < 48; i++) {
                assertNone(reports.get(i).findings(), "zfs.instance-cap");
            }
            Finding f = single(reports.get(48).findings(), "zfs.instance-cap");
            assertFinding(f, "zfs.instance-cap", WARNING, lineOf(oneInstanceFile("Dc"), "NumberDcInstances = 1"), "KERNEL_QAT",
                    "NumberDcInstances");
            assertMessage(f, "declares 49 [KERNEL_QAT] Dc instances", "at most 48", "1 of them", "declare at most 48");
        }

        @Test
        void nearMissExactly48IsTheCap() {
            DeviceSetLinter.lint(singles(48, "Dc")).forEach(r -> assertClean(r.findings()));
            DeviceSetLinter.lint(singles(48, "Cy")).forEach(r -> assertClean(r.findings()));
        }

        @Test
        void cyInstancesAreCappedSeparately() {
            List<ConfFile> set = singles(30, "Cy");
            set.addAll(singles(30, "Dc").stream().map(f -> new ConfFile("dc-" + f.path(), f.doc(), f.ctx(), f.instId()))
                    .toList());
            DeviceSetLinter.lint(set).forEach(r -> assertNone(r.findings(), "zfs.instance-cap"));
        }

        @Test
        void aSecondCardsInstanceOnAFullC62xSetWarnsOnThatCardsFile() {
            // 48 C62x VFs hold the 48 Dc instances ZFS uses; an 8950 card added to the host brings the 49th
            List<ConfFile> set = new ArrayList<>(c62xZfsSet(56));
            String secondCard = general("cy;dc") + section("KERNEL", 0, 0, 0) + section("KERNEL_QAT", 0, 1, 0);
            set.add(confFile("dh895xcc_dev0.conf", secondCard, 56));
            List<FileReport> reports = DeviceSetLinter.lint(set);
            List<Finding> all = reports.stream().flatMap(r -> r.findings().stream()).toList();
            assertEquals(1, all.size(), () -> LintFixtures.describe(all));
            Finding f = single(report(reports, "dh895xcc_dev0.conf").findings(), "zfs.instance-cap");
            assertFinding(f, "zfs.instance-cap", WARNING, lineOf(secondCard, "NumberDcInstances = 1"), "KERNEL_QAT",
                    "NumberDcInstances");
            assertMessage(f, "declares 49", "1 of them");
        }

        @Test
        void aHugeCountInOneFileIsOverTheCap() {
            String text = general("dc") + "[KERNEL_QAT]\nNumberDcInstances = 200000\n";
            Finding f = single(DeviceSetLinter.lint(List.of(confFile("c6xxvf_dev0.conf", text, null))).get(0).findings(),
                    "zfs.instance-cap");
            assertMessage(f, "declares 200000 [KERNEL_QAT] Dc instances", "199952 of them");
        }

        @Test
        void gen4FilesAreNotCountedForZfs() {
            List<ConfFile> set = singles(48, "Dc");
            set.add(confFile("4xxx_dev0.conf", general("dc") + section("KERNEL_QAT", 0, 4, 0), null));
            DeviceSetLinter.lint(set).forEach(r -> assertNone(r.findings(), "zfs.instance-cap"));
        }
    }

    @Nested
    class WhatThePfSends {

        /** A PF whose file adf_ctl refuses (no ConfigVersion) keeps the default cy;dc map: 2 Cy per VF bank, not sym;dc's 4. */
        @Test
        void aVfIsPlacedUnderTheDefaultMapWhenItsPfsFileIsRefused() {
            String pfText = edit(pf("sym;dc"), "ConfigVersion = 2\n", "");
            String vfText = edit(vf("sym;dc"), "NumberCyInstances = 1", "NumberCyInstances = 3")
                    + "Cy1Name = \"a\"\nCy1IsPolled = 0\nCy1CoreAffinity = 0\nCy2Name = \"b\"\nCy2IsPolled = 0\nCy2CoreAffinity = 0\n";
            assertTrue(pfText.indexOf("ConfigVersion") < 0, pfText);
            List<FileReport> refused = DeviceSetLinter.lint(List.of(confFile("c6xx_dev0.conf", pfText, null),
                    confFile("c6xxvf_dev0.conf", vfText, null)));
            Finding f = single(refused.get(1).findings(), "capacity.exceeded");
            assertMessage(f, "b finds no free Cy position", "ring map cy;dc");
            List<FileReport> accepted = DeviceSetLinter.lint(List.of(confFile("c6xx_dev0.conf", pf("sym;dc"), null),
                    confFile("c6xxvf_dev0.conf", vfText, null)));
            assertNone(accepted.get(1).findings(), "capacity.exceeded");
        }

        /**
         * driver.refused: the allocator refuses the device and no error says so (zfs.polled does not
         * say the device is down), here a VF asking for crypto of a PF that grants only compression,
         * known from the context without the PF's file.
         */
        @Test
        void driverRefusedCarriesTheAllocatorsReasonWhereNoOtherErrorSaysIt() {
            PfOffer dcOnly = Allocator.offer(new DeviceConf(
                    "c6xx_dev0.conf", DeviceRef.of("c6xx"), 0,
                    ConfDocument.parse(pf("dc")), Optional.empty()),
                    DriverRelease.NEWEST);
            String text = edit(VF_ZFS, "Cy0IsPolled = 0", "Cy0IsPolled = 1");
            ConfFile alone = confFile("c6xxvf_dev0.conf", text, null);
            ConfFile file = new ConfFile(alone.path(), alone.doc(), alone.ctx().withPfOffer(Optional.of(dcOnly)),
                    alone.instId());
            List<Finding> fs = DeviceSetLinter.lint(List.of(file)).get(0).findings();
            assertEquals(1, fs.stream().filter(x -> x.rule().id().equals("zfs.polled")).count(), fs.toString());
            Finding f = single(fs, "driver.refused");
            assertFinding(f, "driver.refused", ERROR, lineOf(text, "[GENERAL]"), "GENERAL", null);
            assertMessage(f, "driver 4.28 refuses this device", "the PF does not offer its VFs",
                    "the kernel logs 'Unsupported device configuration'");
            // the same VF without the offer: nothing refuses it, so no driver.refused
            assertNone(DeviceSetLinter.lint(List.of(alone)).get(0).findings(), "driver.refused");
        }
    }
}
