package org.qatwb.model.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.lint.LintFixtures.VF_ZFS;
import static org.qatwb.model.lint.LintFixtures.assertClean;
import static org.qatwb.model.lint.LintFixtures.assertFinding;
import static org.qatwb.model.lint.LintFixtures.assertMessage;
import static org.qatwb.model.lint.LintFixtures.assertNone;
import static org.qatwb.model.lint.LintFixtures.general;
import static org.qatwb.model.lint.LintFixtures.lint;
import static org.qatwb.model.lint.LintFixtures.section;
import static org.qatwb.model.lint.LintFixtures.single;
import static org.qatwb.model.lint.Severity.ERROR;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What fits on a device (DOMAIN.md section 4): per-bank figures times banks, one section per VF. */
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

    @Nested
    class OnAVf {

        @Test
        void cyDcInInterruptModeHolds1Plus1() {
            assertClean(lint(VF_ZFS, "c6xxvf", 56));
            String text = file("cy;dc", "KERNEL_QAT", 2, 1, 0);
            Finding f = single(lint(text, "c6xxvf", 56), "capacity.exceeded");
            assertFinding(f, "capacity.exceeded", ERROR, nthLineOf(text, "NumberCyInstances = 2", 1), "KERNEL_QAT",
                    "NumberCyInstances");
            assertMessage(f, "a c6xxvf VF (one bank) holds at most 1 Cy + 1 Dc interrupt-mode instances",
                    "ServicesEnabled = cy;dc", "declares 2 Cy + 1 Dc", "Don't have enough rings",
                    "move instances to another VF");
        }

        @Test
        void cyDcPolledHolds2Plus2() {
            assertNone(lint(file("cy;dc", "SSL", 2, 2, 1), "c6xxvf", 56), "capacity.exceeded");
            String text = file("cy;dc", "SSL", 2, 3, 1);
            Finding f = single(lint(text, "c6xxvf", 56), "capacity.exceeded");
            assertFinding(f, "capacity.exceeded", ERROR, nthLineOf(text, "NumberDcInstances = 3", 1), "SSL",
                    "NumberDcInstances");
            assertMessage(f, "at most 2 Cy + 2 Dc polled instances", "declares 2 Cy + 3 Dc");
        }

        @Test
        void dcSymHolds2Plus2OnlyWhenPolled() {
            assertNone(lint(file("dc;sym", "SSL", 2, 2, 2), "c6xxvf", 56), "capacity.exceeded");
            String text = file("dc;sym", "KERNEL_QAT", 2, 2, 0);
            assertMessage(single(lint(text, "c6xxvf", 56), "capacity.exceeded"), "at most 1 Cy + 1 Dc interrupt-mode");
        }

        @Test
        void oneInterruptModeInstanceLimitsTheWholeVf() {
            String text = general("cy;dc") + section("KERNEL", 2, 2, 1).replace("Dc1IsPolled = 1", "Dc1IsPolled = 0");
            assertMessage(single(lint(text, "c6xxvf", 56), "capacity.exceeded"), "interrupt-mode", "declares 2 Cy + 2 Dc");
        }

        @Test
        void userProcessesEachGetTheSectionsInstances() {
            String eight = withProcesses(file("dc", "SSL", 0, 1, 1), "SSL", 8);
            assertNone(lint(eight, "c6xxvf", 56), "capacity.exceeded");
            String nine = withProcesses(file("dc", "SSL", 0, 1, 1), "SSL", 9);
            assertMessage(single(lint(nine, "c6xxvf", 56), "capacity.exceeded"), "at most 0 Cy + 8 Dc", "declares 0 Cy + 9 Dc");
        }

        @Test
        void aHugeCountIsStillMoreThanTheVfHolds() {
            String text = general("dc") + "[KERNEL_QAT]\nNumberDcInstances = 200000\n";
            Finding f = single(lint(text, "c6xxvf", 56), "capacity.exceeded");
            assertFinding(f, "capacity.exceeded", ERROR, 6, "KERNEL_QAT", "NumberDcInstances");
            assertMessage(f, "at most 0 Cy + 8 Dc");
        }

        @Test
        void instancesOfADisabledServiceAreNotACapacityProblem() {
            String text = file("dc", "KERNEL_QAT", 1, 1, 0);
            List<Finding> fs = lint(text, "c6xxvf", 56);
            single(fs, "instance.service-disabled");
            assertNone(fs, "capacity.exceeded");
        }
    }

    @Nested
    class OnAPf {

        @ParameterizedTest
        @CsvSource({"c6xx,16", "c6xxpf,16", "dh895xcc,32", "c3xxx,16", "c4xxx,128"})
        void cyDcInterruptModeHoldsOnePairPerBank(String device, int banks) {
            assertNone(lint(file("cy;dc", "KERNEL_QAT", banks, banks, 0), device, 1024), "capacity.exceeded");
            String text = file("cy;dc", "KERNEL_QAT", banks + 1, banks, 0);
            Finding f = single(lint(text, device, 1024), "capacity.exceeded");
            assertEquals(nthLineOf(text, "NumberCyInstances = " + (banks + 1), 1), f.line());
            assertMessage(f, "PF (" + banks + " banks) holds at most " + banks + " Cy + " + banks + " Dc interrupt-mode",
                    "declares " + (banks + 1) + " Cy", "move instances to another device");
        }

        @Test
        void polledUserInstancesOnAC62xPfHold2Plus2PerBank() {
            String sixteen = withProcesses(file("cy;dc", "SSL", 2, 2, 1), "SSL", 16);
            assertNone(lint(sixteen, "c6xx", 56), "capacity.exceeded");
            String seventeen = withProcesses(file("cy;dc", "SSL", 2, 2, 1), "SSL", 17);
            assertMessage(single(lint(seventeen, "c6xx", 56), "capacity.exceeded"), "at most 32 Cy + 32 Dc polled",
                    "declares 34 Cy + 34 Dc");
        }

        @Test
        void theFindingPointsAtTheSectionHoldingTheExcessKind() {
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
        void aVfWithInstancesInTwoSectionsIsAnErrorAtTheSecond() {
            String text = general("cy;dc") + section("KERNEL", 0, 0, 0) + section("KERNEL_QAT", 1, 0, 0)
                    + section("SSL", 0, 1, 1);
            Finding f = single(lint(text, "c6xxvf", 56), "vf.mixed-sections");
            assertFinding(f, "vf.mixed-sections", ERROR, nthLineOf(text, "[SSL]", 1), "SSL", null);
            assertMessage(f, "[KERNEL_QAT] and [SSL]", "single bank", "keep instances in one section");
        }

        @Test
        void nearMissEmptySectionsDoNotCount() {
            assertNone(lint(VF_ZFS + section("SSL", 0, 0, 1), "c6xxvf", 56), "vf.mixed-sections");
        }

        @Test
        void nearMissAPfMayServeSeveralSections() {
            String text = general("cy;dc") + section("KERNEL_QAT", 1, 0, 0) + section("SSL", 0, 1, 1);
            List<Finding> fs = lint(text, "c6xx", 56);
            assertNone(fs, "vf.mixed-sections");
            assertTrue(fs.isEmpty(), () -> LintFixtures.describe(fs));
        }
    }
}
