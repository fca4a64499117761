package org.qatwb.model.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.lint.LintFixtures.VF_ZFS;
import static org.qatwb.model.lint.LintFixtures.assertClean;
import static org.qatwb.model.lint.LintFixtures.assertFinding;
import static org.qatwb.model.lint.LintFixtures.assertMessage;
import static org.qatwb.model.lint.LintFixtures.assertNone;
import static org.qatwb.model.lint.LintFixtures.confFile;
import static org.qatwb.model.lint.LintFixtures.general;
import static org.qatwb.model.lint.LintFixtures.lint;
import static org.qatwb.model.lint.LintFixtures.section;
import static org.qatwb.model.lint.LintFixtures.single;
import static org.qatwb.model.lint.LintFixtures.withRule;
import static org.qatwb.model.lint.Severity.ERROR;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qatwb.model.testutil.C62xFixture;

/**
 * What fits on a device, as the driver's ring allocator (model.driver, docs/driver/allocator.md)
 * places it: positions per bank from the ring map, one core and one section per interrupt-mode
 * bank, a VF's map from its PF.
 */
class CapacityCheckTest {

    /** 1-based line of the {@code n}-th (1-based) line equal to {@code line}. */
    private static int nthLineOf(String text, String line, int n) {
        String[] lines = text.split("\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals(line) && ++seen == n) {
                return i + 1;
            }
        }
        throw new AssertionError("no " + n + ". line '" + line + "'");
    }

    /** [GENERAL] plus an empty [KERNEL] plus one instance section: the usual shape of a file. */
    private static String file(String services, String sectionName, int cy, int dc, int polled) {
        return general(services) + section("KERNEL", 0, 0, 0) + section(sectionName, cy, dc, polled);
    }

    private static String withProcesses(String text, String sectionName, int processes) {
        return text.replace("[" + sectionName + "]\n", "[" + sectionName + "]\nNumProcesses = " + processes + "\n");
    }

    /** A {@code [KERNEL_QAT]} of instances written {@code Cy:NAME:IsPolled:core}. */
    private static String kernelQat(String... instances) {
        int cy = 0;
        int dc = 0;
        StringBuilder sb = new StringBuilder();
        for (String i : instances) {
            String[] p = i.split(":");
            int n = p[0].equals("Cy") ? cy++ : dc++;
            sb.append(p[0]).append(n).append("Name = \"").append(p[1]).append("\"\n")
                    .append(p[0]).append(n).append("IsPolled = ").append(p[2]).append('\n')
                    .append(p[0]).append(n).append("CoreAffinity = ").append(p[3]).append('\n');
        }
        return "[KERNEL_QAT]\nNumberCyInstances = " + cy + "\nNumberDcInstances = " + dc + "\n" + sb;
    }

    private static String vf(String services, String... instances) {
        return general(services) + section("KERNEL", 0, 0, 0) + kernelQat(instances);
    }

    @Nested
    class OnAVf {

        @Test
        void theFixturesVfWithCyAndDcOnOneCoreIsClean() {
            assertClean(lint(VF_ZFS, "c6xxvf", 56));
        }

        @Test
        void cyAndDcOnTwoCoresIsRefusedAtTheSecondCoreNamingBothInstances() {
            String text = vf("cy;dc", "Cy:ZFS_CY0:0:5", "Dc:ZFS_DC0:0:6");
            Finding f = single(lint(text, "c6xxvf", 56), "capacity.exceeded");
            assertFinding(f, "capacity.exceeded", ERROR, nthLineOf(text, "Dc0CoreAffinity = 6", 1), "KERNEL_QAT",
                    "Dc0CoreAffinity");
            assertMessage(f, "ZFS_DC0 is on core 6 but this VF's only bank is already bound to core 5 by ZFS_CY0:"
                    + " give both the same core", "Don't have enough rings for instance ZFS_DC0");
        }

        @Test
        void theFixturesFirstFormWithCyAndDcOnCores0And1IsRefused() {
            assertMessage(single(lint(C62xFixture.vf(0, 1), "c6xxvf", 56), "capacity.exceeded"), "is on core 1",
                    "bound to core 0");
        }

        @Test
        void twoCyAndTwoDcOnOneCoreFillACyDcBankAndAThirdCyIsRefused() {
            assertNone(lint(vf("cy;dc", "Cy:A:0:5", "Cy:B:0:5", "Dc:C:0:5", "Dc:D:0:5"), "c6xxvf", 56),
                    "capacity.exceeded");
            String text = vf("cy;dc", "Cy:A:0:5", "Cy:B:0:5", "Cy:E:0:5", "Dc:C:0:5");
            Finding f = single(lint(text, "c6xxvf", 56), "capacity.exceeded");
            assertFinding(f, "capacity.exceeded", ERROR, nthLineOf(text, "NumberCyInstances = 3", 1), "KERNEL_QAT",
                    "NumberCyInstances");
            assertMessage(f, "E finds no free Cy position", "ring map cy;dc", "declare fewer Cy instances");
        }

        @Test
        void anInterruptModeBankRefusesAPolledInstanceWhateverTheCore() {
            String text = vf("cy;dc", "Cy:A:0:5", "Dc:B:1:5");
            Finding f = single(lint(text, "c6xxvf", 56), "capacity.exceeded");
            assertFinding(f, "capacity.exceeded", ERROR, nthLineOf(text, "Dc0IsPolled = 1", 1), "KERNEL_QAT",
                    "Dc0IsPolled");
            assertMessage(f, "B has IsPolled 1", "give them the same IsPolled");
        }

        @Test
        void polledKernelInstancesShareTheBankOnAnyCores() {
            assertNone(lint(vf("cy;dc", "Cy:A:1:5", "Dc:B:1:6"), "c6xxvf", 56), "capacity.exceeded");
        }

        @Test
        void theVfsRingMapIsItsPfsWhenThePfIsInTheSet() {
            String threeDc = vf("dc", "Dc:A:0:5", "Dc:B:0:5", "Dc:C:0:5");
            // alone, the VF's own "dc" stands for its PF's map: 8 Dc positions
            assertNone(lint(threeDc, "c6xxvf", 56), "capacity.exceeded");
            String pf = C62xFixture.pf(); // cy;dc: 2 Dc positions per VF bank
            List<FileReport> reports = DeviceSetLinter.lint(List.of(confFile("c6xx_dev0.conf", pf, 56),
                    confFile("c6xxvf_dev0.conf", threeDc, 56)));
            Finding f = single(reports.get(1).findings(), "capacity.exceeded");
            assertMessage(f, "C finds no free Dc position", "ring map cy;dc (the PF's)");
        }

        @Test
        void userProcessesEachGetTheSectionsInstances() {
            String eight = withProcesses(file("dc", "SSL", 0, 1, 1), "SSL", 8);
            assertNone(lint(eight, "c6xxvf", 56), "capacity.exceeded");
            String nine = withProcesses(file("dc", "SSL", 0, 1, 1), "SSL", 9);
            assertMessage(single(lint(nine, "c6xxvf", 56), "capacity.exceeded"), "D0", "finds no free Dc position");
        }

        @Test
        void instancesOfADisabledServiceAreNotACapacityProblem() {
            String text = file("dc", "KERNEL_QAT", 1, 1, 0);
            List<Finding> fs = lint(text, "c6xxvf", 56);
            single(fs, "instance.service-disabled");
            assertNone(fs, "capacity.exceeded");
        }

        @Test
        void aRefusalOfTheFileItselfIsLeftToItsOwnRuleAndNotRepeated() {
            String text = general("dc") + "[KERNEL_QAT]\nNumberDcInstances = 200000\n";
            List<Finding> fs = lint(text, "c6xxvf", 56);
            assertTrue(!withRule(fs, "instance.missing-key").isEmpty(), () -> LintFixtures.describe(fs));
            assertNone(fs, "capacity.exceeded");
            assertNone(fs, "vf.mixed-sections");
        }
    }

    @Nested
    class OnAPf {

        @ParameterizedTest
        @CsvSource({"c6xx,16", "c6xxpf,16", "dh895xcc,32", "c3xxx,16", "c4xxx,128"})
        void everyInterruptCoreTakesABankOfItsOwn(String device, int banks) {
            // instance n of each kind on core n: Cy n opens bank n, Dc n joins it (same section, same core)
            assertNone(lint(file("cy;dc", "KERNEL_QAT", banks, banks, 0), device, 1024), "capacity.exceeded");
            String text = file("cy;dc", "KERNEL_QAT", banks + 1, banks, 0);
            Finding f = single(lint(text, device, 1024), "capacity.exceeded");
            assertEquals(nthLineOf(text, "NumberCyInstances = " + (banks + 1), 1), f.line());
            assertMessage(f, "C" + banks + " (interrupt-mode, core " + banks + ", [KERNEL_QAT]) finds no bank",
                    "none of the " + banks + " banks", "use fewer distinct cores");
        }

        @Test
        void polledUserInstancesOnAC62xPfHold2Plus2PerBank() {
            String sixteen = withProcesses(file("cy;dc", "SSL", 2, 2, 1), "SSL", 16);
            assertNone(lint(sixteen, "c6xx", 56), "capacity.exceeded");
            String seventeen = withProcesses(file("cy;dc", "SSL", 2, 2, 1), "SSL", 17);
            assertMessage(single(lint(seventeen, "c6xx", 56), "capacity.exceeded"), "C0 (polled", "finds no bank");
        }

        @Test
        void theFindingPointsAtTheSectionHoldingTheInstanceThatFails() {
            String text = general("cy;dc") + section("KERNEL_QAT", 17, 0, 0) + section("SSL", 0, 1, 1);
            Finding f = single(lint(text, "c6xx", 56), "capacity.exceeded");
            assertFinding(f, "capacity.exceeded", ERROR, nthLineOf(text, "NumberCyInstances = 17", 1), "KERNEL_QAT",
                    "NumberCyInstances");
        }

        @Test
        void aPfThatOnlyHostsVfsIsClean() {
            assertClean(lint(LintFixtures.PF_HOST_ONLY, "c6xx", 56));
        }
    }

    @Nested
    class UnknownOrGen4 {

        @Test
        void noDeviceNoCapacityRule() {
            assertNone(lint(file("cy;dc", "KERNEL_QAT", 40, 40, 0)), "capacity.exceeded");
        }

        @Test
        void gen4HasAnotherRingModelAndIsLeftAlone() {
            List<Finding> fs = lint(file("asym;sym", "SSL", 40, 0, 1), "4xxx", 56);
            assertNone(fs, "capacity.exceeded");
            assertNone(fs, "general.services");
        }
    }

    @Nested
    class MixedSections {

        @Test
        void aVfWithKernelAndUserInstancesIsAnErrorAtTheUserSection() {
            String text = general("cy;dc") + section("KERNEL", 0, 0, 0) + section("KERNEL_QAT", 1, 0, 0)
                    + withProcesses(section("SSL", 0, 1, 1), "SSL", 1);
            Finding f = single(lint(text, "c6xxvf", 56), "vf.mixed-sections");
            assertFinding(f, "vf.mixed-sections", ERROR, nthLineOf(text, "[SSL]", 1), "SSL", null);
            assertMessage(f, "D0 of [SSL] cannot use this VF's only bank", "C0 of [KERNEL_QAT] holds it for the kernel",
                    "never shares a bank between kernel and user sections", "Don't have enough rings for instance D0");
            assertNone(lint(text, "c6xxvf", 56), "capacity.exceeded");
        }

        @Test
        void aVfWithInterruptModeInstancesInKernelAndKernelQatIsAnErrorAtTheSecond() {
            String text = general("cy;dc") + section("KERNEL", 1, 0, 0) + section("KERNEL_QAT", 0, 1, 0);
            Finding f = single(lint(text, "c6xxvf", 56), "vf.mixed-sections");
            assertFinding(f, "vf.mixed-sections", ERROR, nthLineOf(text, "[KERNEL_QAT]", 1), "KERNEL_QAT", null);
            assertMessage(f, "D0 of [KERNEL_QAT] cannot join this VF's only bank", "only within one section");
        }

        @Test
        void nearMissPolledKernelSectionsShareTheBank() {
            String text = general("cy;dc") + section("KERNEL", 1, 0, 1) + section("KERNEL_QAT", 0, 1, 1);
            List<Finding> fs = lint(text, "c6xxvf", 56);
            assertNone(fs, "vf.mixed-sections");
            assertNone(fs, "capacity.exceeded");
        }

        @Test
        void nearMissEmptySectionsDoNotCount() {
            assertNone(lint(VF_ZFS + withProcesses(section("SSL", 0, 0, 1), "SSL", 1), "c6xxvf", 56), "vf.mixed-sections");
        }

        @Test
        void nearMissAUserSectionWithoutNumProcessesPlacesNothing() {
            // adf_cfg_process_user_section reads a missing NumProcesses as 0: no process, no instance placed
            assertNone(lint(VF_ZFS + section("SSL", 0, 1, 1), "c6xxvf", 56), "vf.mixed-sections");
        }

        @Test
        void nearMissAPfMayServeSeveralSections() {
            String text = general("cy;dc") + section("KERNEL_QAT", 1, 0, 0) + withProcesses(section("SSL", 0, 1, 1), "SSL", 1);
            List<Finding> fs = lint(text, "c6xx", 56);
            assertNone(fs, "vf.mixed-sections");
            assertTrue(fs.isEmpty(), () -> LintFixtures.describe(fs));
        }
    }
}
