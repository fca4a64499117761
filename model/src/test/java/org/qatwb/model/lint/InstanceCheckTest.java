package org.qatwb.model.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qatwb.model.lint.LintFixtures.VF_ZFS;
import static org.qatwb.model.lint.LintFixtures.assertClean;
import static org.qatwb.model.lint.LintFixtures.assertFinding;
import static org.qatwb.model.lint.LintFixtures.assertMessage;
import static org.qatwb.model.lint.LintFixtures.assertNone;
import static org.qatwb.model.lint.LintFixtures.edit;
import static org.qatwb.model.lint.LintFixtures.general;
import static org.qatwb.model.lint.LintFixtures.lineOf;
import static org.qatwb.model.lint.LintFixtures.lint;
import static org.qatwb.model.lint.LintFixtures.section;
import static org.qatwb.model.lint.LintFixtures.single;
import static org.qatwb.model.lint.LintFixtures.withRule;
import static org.qatwb.model.lint.Severity.ERROR;
import static org.qatwb.model.lint.Severity.WARNING;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Instance declarations: their keys, polling mode per section kind, services, core affinity. */
class InstanceCheckTest {

    /** A user-space VF: one [SSL] section, polled as user space must be. */
    private static final String USER_VF = general("cy;dc") + section("KERNEL", 0, 0, 0) + section("SSL", 1, 1, 1);

    @Nested
    class MissingKey {

        @Test
        void anInstanceBelowTheCountWithoutItsKeysIsAnErrorAtTheCount() {
            String text = edit(VF_ZFS, "NumberDcInstances = 1\nCy0Name", "NumberDcInstances = 2\nCy0Name");
            Finding f = single(lint(text), "instance.missing-key");
            assertFinding(f, "instance.missing-key", ERROR, lineOf(text, "NumberDcInstances = 2"), "KERNEL_QAT", "Dc1Name");
            assertMessage(f, "Dc1Name, Dc1IsPolled, Dc1CoreAffinity are missing", "NumberDcInstances = 2",
                    "add them or lower the count");
        }

        @Test
        void oneMissingKeyIsNamed() {
            String text = edit(VF_ZFS, "Cy0CoreAffinity = 0\n", "");
            Finding f = single(lint(text), "instance.missing-key");
            assertFinding(f, "instance.missing-key", ERROR, lineOf(text, "NumberCyInstances = 1"), "KERNEL_QAT",
                    "Cy0CoreAffinity");
            assertMessage(f, "Cy0CoreAffinity is missing", "add it");
        }

        @Test
        void aKeyWithAnEmptyValueDoesNotCount() {
            String text = edit(VF_ZFS, "Cy0Name = \"ZFS0\"", "Cy0Name = \"\"");
            assertEquals("Cy0Name", single(lint(text), "instance.missing-key").key());
        }

        @Test
        void nearMissEveryKeyPresent() {
            assertNone(lint(VF_ZFS), "instance.missing-key");
        }

        @Test
        void aHugeCountIsReportedForEightInstancesAndSummedUpForTheRest() {
            String text = general("dc") + "[SSL]\nNumberDcInstances = 1000\nNumProcesses = 1\n";
            List<Finding> fs = LintFixtures.withRule(lint(text), "instance.missing-key");
            assertEquals(9, fs.size());
            assertMessage(fs.get(7), "declares instance 7");
            assertMessage(fs.get(8), "992 more Dc instance(s) of the 1000", "lower the count");
            assertEquals("NumberDcInstances", fs.get(8).key());
        }
    }

    @Nested
    class OrphanKey {

        @Test
        void keysOfAnInstanceAtOrAboveTheCountAreWarnings() {
            String text = edit(VF_ZFS, "Dc0CoreAffinity = 0", "Dc0CoreAffinity = 0\nCy1Name = \"ZFS1\"\nCy1IsPolled = 0\n"
                    + "Cy1CoreAffinity = 0");
            List<Finding> fs = lint(text);
            List<Finding> orphans = withRule(fs, "instance.orphan-key");
            assertEquals(3, orphans.size(), () -> LintFixtures.describe(fs));
            Finding f = orphans.get(0);
            assertFinding(f, "instance.orphan-key", WARNING, lineOf(text, "Cy1Name = \"ZFS1\""), "KERNEL_QAT", "Cy1Name");
            assertMessage(f, "Cy1Name belongs to instance 1", "NumberCyInstances = 1", "raise the count or remove the line");
        }

        @Test
        void anOrphanIsNotCheckedAsAnInstance() {
            // polled keys beyond the count are ignored by the driver, so ZFS is not affected
            String text = edit(VF_ZFS, "Dc0CoreAffinity = 0", "Dc0CoreAffinity = 0\nDc1Name = \"x\"\nDc1IsPolled = 1\n"
                    + "Dc1CoreAffinity = 999");
            List<Finding> fs = lint(text, "c6xxvf", 4);
            assertNone(fs, "zfs.polled");
            assertNone(fs, "affinity.range");
        }

        @Test
        void nearMissRaisingTheCountAdoptsThem() {
            String text = edit(VF_ZFS, "Dc0CoreAffinity = 0", "Dc0CoreAffinity = 0\nCy1Name = \"ZFS1\"\nCy1IsPolled = 0\n"
                    + "Cy1CoreAffinity = 0");
            text = edit(text, "NumberCyInstances = 1", "NumberCyInstances = 2");
            assertNone(lint(text), "instance.orphan-key");
        }
    }

    @Nested
    class Polled {

        /** The allocator takes any value but 1 as interrupt mode (allocator.md 8.3); nothing else reads [KERNEL]'s. */
        @ParameterizedTest
        @CsvSource({"KERNEL,2", "KERNEL,3", "KERNEL_QAT,3", "KERNEL_QAT,0x2"})
        void kernelSectionsMean0And1AndTakeTheRestAsInterruptMode(String name, String polled) {
            String text = general("cy;dc") + section(name, 1, 0, 9).replace("Cy0IsPolled = 9", "Cy0IsPolled = " + polled);
            Finding f = single(lint(text), "instance.polled");
            assertFinding(f, "instance.polled", WARNING, lineOf(text, "Cy0IsPolled = " + polled), name, "Cy0IsPolled");
            assertMessage(f, "Cy0IsPolled = " + polled, "kernel section", "takes it as interrupt mode",
                    "only 0 (interrupt) and 1 (poll)");
        }

        /** The kernel QAT API refuses epoll for kernel instances at start (sal_crypto.c SalCtr_InstInit), 258 is 2 as a byte. */
        @ParameterizedTest
        @CsvSource({"2", "258"})
        void kernelQatRefusesEpollAtStart(int polled) {
            String text = general("cy;dc") + section("KERNEL_QAT", 1, 0, polled);
            Finding f = single(lint(text), "instance.polled");
            assertFinding(f, "instance.polled", ERROR, lineOf(text, "Cy0IsPolled = " + polled), "KERNEL_QAT", "Cy0IsPolled");
            assertMessage(f, "IsPolled 2 is not supported for kernel instance", "fails to start");
        }

        @ParameterizedTest
        @CsvSource({"SSL,0", "SHIM,3"})
        void userSectionsAcceptOnly1And2(String name, int polled) {
            String text = general("cy;dc") + section(name, 0, 1, polled).replace("[" + name + "]\n",
                    "[" + name + "]\nNumProcesses = 1\n");
            Finding f = single(lint(text), "instance.polled");
            assertFinding(f, "instance.polled", ERROR, lineOf(text, "Dc0IsPolled = " + polled), name, "Dc0IsPolled");
            assertMessage(f, "Dc0IsPolled = " + polled, "[" + name + "]", "IsPolled 1 or 2", "write 1 (poll) or 2 (epoll)");
        }

        /** A user section without NumProcesses gets no process: the driver never reads its instances. */
        @Test
        void aUserSectionWithoutProcessesIsOnlyWarnedAbout() {
            String text = general("cy;dc") + section("SSL", 0, 1, 0);
            Finding f = single(lint(text), "instance.polled");
            assertFinding(f, "instance.polled", WARNING, lineOf(text, "Dc0IsPolled = 0"), "SSL", "Dc0IsPolled");
            assertMessage(f, "does not read this one here", "NumProcesses gives [SSL] no process");
        }

        @ParameterizedTest
        @CsvSource({"KERNEL,0", "KERNEL,1", "SSL,1", "SSL,2", "KERNEL_QAT,0", "KERNEL_QAT,1"})
        void nearMissAllowedModes(String name, int polled) {
            assertNone(lint(general("cy;dc") + section(name, 1, 1, polled)), "instance.polled");
        }
    }

    @Nested
    class ZfsPolled {

        @Test
        void aPolledKernelQatInstanceIsAnErrorForZfs() {
            String text = edit(VF_ZFS, "Dc0IsPolled = 0", "Dc0IsPolled = 1");
            List<Finding> fs = lint(text);
            Finding f = single(fs, "zfs.polled");
            assertFinding(f, "zfs.polled", ERROR, lineOf(text, "Dc0IsPolled = 1"), "KERNEL_QAT", "Dc0IsPolled");
            // OpenZFS qat_compress.c qat_compress_impl: wait_for_completion without a timeout since 0.8.2
            assertMessage(f, "Dc0IsPolled = 1", "ZFS never polls", "forever", "no failure counter", "write Dc0IsPolled = 0");
            assertNone(fs, "instance.polled"); // 1 is a valid kernel mode, only ZFS cannot use it
        }

        @Test
        void epollInKernelQatBreaksBothRules() {
            String text = edit(VF_ZFS, "Cy0IsPolled = 0", "Cy0IsPolled = 2");
            List<Finding> fs = lint(text);
            assertEquals(lineOf(text, "Cy0IsPolled = 2"), single(fs, "zfs.polled").line());
            assertEquals(lineOf(text, "Cy0IsPolled = 2"), single(fs, "instance.polled").line());
        }

        @Test
        void nearMissGen4DevicesAreNotUsedByZfs() {
            String text = edit(VF_ZFS, "Dc0IsPolled = 0", "Dc0IsPolled = 1").replace("cy;dc", "sym;dc");
            assertNone(lint(text, "4xxxvf", null), "zfs.polled");
            assertEquals(1, LintFixtures.withRule(lint(text, "c6xxvf", null), "zfs.polled").size());
        }

        @Test
        void nearMissPollingInKernelIsNotAZfsMatter() {
            String text = general("cy;dc") + section("KERNEL", 1, 1, 1) + section("KERNEL_QAT", 1, 1, 0);
            assertNone(lint(text), "zfs.polled");
        }
    }

    @Nested
    class ServiceDisabled {

        @Test
        void cyInstancesWithoutACryptoServiceAreAnError() {
            String text = edit(VF_ZFS, "ServicesEnabled = cy;dc", "ServicesEnabled = dc");
            Finding f = single(lint(text), "instance.service-disabled");
            assertFinding(f, "instance.service-disabled", ERROR, lineOf(text, "NumberCyInstances = 1"), "KERNEL_QAT",
                    "NumberCyInstances");
            assertMessage(f, "1 Cy instance(s) in [KERNEL_QAT]", "ServicesEnabled = dc", "no cy, sym or asym",
                    "enable the service or set NumberCyInstances = 0");
        }

        @Test
        void dcInstancesWithoutDcAreAnError() {
            String text = edit(VF_ZFS, "ServicesEnabled = cy;dc", "ServicesEnabled = cy");
            Finding f = single(lint(text), "instance.service-disabled");
            assertFinding(f, "instance.service-disabled", ERROR, lineOf(text, "NumberDcInstances = 1"), "KERNEL_QAT",
                    "NumberDcInstances");
            assertMessage(f, "has no dc", "set NumberDcInstances = 0");
        }

        @ParameterizedTest
        @CsvSource({"sym;dc", "dc;sym", "asym;dc", "dc;cy"})
        void nearMissSymOrAsymServeCyInstances(String services) {
            assertNone(lint(edit(VF_ZFS, "ServicesEnabled = cy;dc", "ServicesEnabled = " + services)),
                    "instance.service-disabled");
        }

        @Test
        void nearMissNoCyInstancesNoCryptoNeeded() {
            String text = general("dc") + section("KERNEL_QAT", 0, 1, 0);
            assertClean(lint(text, "c6xxvf", 56));
        }
    }

    @Nested
    class AffinityRange {

        @Test
        void aCoreAtOrAboveTheCoreCountIsAnError() {
            String text = edit(VF_ZFS, "Dc0CoreAffinity = 0", "Dc0CoreAffinity = 2");
            Finding f = single(lint(text, "c6xxvf", 2), "affinity.range");
            assertFinding(f, "affinity.range", ERROR, lineOf(text, "Dc0CoreAffinity = 2"), "KERNEL_QAT", "Dc0CoreAffinity");
            // adf_cfg_section.c adf_cfg_set_core_number_for_instance does not check the core; adf_cfg_setup_irq hints it
            assertMessage(f, "Dc0CoreAffinity = 2", "core 2", "cores 0..1", "the driver accepts it", "pick a core below 2");
        }

        @Test
        void nearMissTheLastCoreAndAnUnknownCoreCount() {
            String text = edit(VF_ZFS, "Dc0CoreAffinity = 0", "Dc0CoreAffinity = 55");
            assertNone(lint(text, "c6xxvf", 56), "affinity.range");
            assertNone(lint(text, "c6xxvf", null), "affinity.range");
        }

        @Test
        void aUserSectionMayNameARangeAndItsHighestCoreCounts() {
            String text = edit(USER_VF, "Cy0CoreAffinity = 0", "Cy0CoreAffinity = 0-31");
            assertClean(lint(text, "c6xxvf", 32));
            Finding f = single(lint(text, "c6xxvf", 16), "affinity.range");
            assertFinding(f, "affinity.range", ERROR, lineOf(text, "Cy0CoreAffinity = 0-31"), "SSL", "Cy0CoreAffinity");
            assertMessage(f, "Cy0CoreAffinity = 0-31", "core 31", "pick a core below 16");
        }

        /**
         * A kernel instance takes the first core of a list or range (adf_cfg_set_core_number_for_instance
         * with process 0): the driver accepts {@code 0-31} there (found by nas-sim's LintDifferentialTest).
         */
        @Test
        void aKernelSectionTakesTheFirstCoreOfAList() {
            String text = edit(VF_ZFS, "Cy0CoreAffinity = 0", "Cy0CoreAffinity = 0-31");
            List<Finding> fs = lint(text, "c6xxvf", 16);
            assertNone(fs, "value.not-number");
            assertNone(fs, "affinity.range");
            String past = edit(VF_ZFS, "Cy0CoreAffinity = 0", "Cy0CoreAffinity = 20,1");
            Finding f = single(lint(past, "c6xxvf", 16), "affinity.range");
            assertMessage(f, "names core 20");
            Finding bad = single(lint(edit(VF_ZFS, "Cy0CoreAffinity = 0", "Cy0CoreAffinity = 3-1"), "c6xxvf", 16),
                    "value.not-number");
            assertFinding(bad, "value.not-number", ERROR, lineOf(VF_ZFS, "Cy0CoreAffinity = 0"), "KERNEL_QAT",
                    "Cy0CoreAffinity");
        }
    }

    /** adf_cfg_section.c adf_cfg_process_kernel_section: the count of every mapped service is required. */
    @Nested
    class MissingCount {

        // adf_cfg_create_rings_entries_for_cy_inst: adf_cfg_set_value fails on a missing NumberCyInstances and
        // adf_config_device logs "Failed to config device" in the kernel log
        @Test
        void aKernelSectionWithoutNumberCyInstancesRefusesTheDevice() {
            String text = edit(VF_ZFS, "NumberCyInstances = 1\n", "");
            Finding f = single(lint(text), "instance.missing-count");
            assertFinding(f, "instance.missing-count", ERROR, lineOf(text, "[KERNEL_QAT]"), "KERNEL_QAT",
                    "NumberCyInstances");
            assertMessage(f, "NumberCyInstances", "cy;dc", "Failed to config device", "add NumberCyInstances");
        }

        // adf_cfg_create_rings_entries_for_dc_inst: the same for NumberDcInstances when dc is mapped
        @Test
        void aKernelSectionWithoutNumberDcInstancesRefusesTheDevice() {
            String text = general("dc") + "[KERNEL]\nNumberCyInstances = 0\n";
            Finding f = single(lint(text), "instance.missing-count");
            assertFinding(f, "instance.missing-count", ERROR, lineOf(text, "[KERNEL]"), "KERNEL", "NumberDcInstances");
        }

        // a count whose service is not mapped is only warned about by the driver and read as 0
        @Test
        void nearMissTheCountOfAnUnmappedServiceMayBeMissing() {
            assertNone(lint(general("dc") + "[KERNEL_QAT]\nNumberDcInstances = 0\n"), "instance.missing-count");
            assertNone(lint(general("sym") + "[KERNEL]\nNumberCyInstances = 0\n"), "instance.missing-count");
        }
    }

    /**
     * OpenZFS qat_crypt.c qat_cy_init takes every instance cpaCyGetNumInstances counts; the driver's
     * sal_crypto.c Lac_GetCyNumInstancesByType counts asym-only instances too, and ZFS's symmetric
     * sessions on them fail.
     */
    @Nested
    class ZfsAsymOnly {

        @Test
        void asymOnlyCyInstancesInKernelQatAreAWarning() {
            String text = general("asym;dc") + section("KERNEL", 0, 0, 0) + section("KERNEL_QAT", 1, 1, 0);
            Finding f = single(lint(text, "c6xxvf", null), "zfs.asym-only");
            assertFinding(f, "zfs.asym-only", WARNING, lineOf(text, "NumberCyInstances = 1"), "KERNEL_QAT",
                    "NumberCyInstances");
            assertMessage(f, "asym;dc", "ZFS", "sym");
        }

        @Test
        void nearMissSymOrCyOrAnotherSection() {
            assertNone(lint(general("sym;dc") + section("KERNEL_QAT", 1, 1, 0)), "zfs.asym-only");
            assertNone(lint(general("cy") + section("KERNEL_QAT", 1, 0, 0)), "zfs.asym-only");
            assertNone(lint(general("asym") + section("KERNEL", 1, 0, 0)), "zfs.asym-only");
        }
    }
}
