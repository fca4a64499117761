package org.qatwb.model.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qatwb.model.zfs.ZfsParam;

/** kernel.requests-pending, kernel.driver-errors and what the log says about the boot order. */
class KernelLogChecksTest {

    @Test
    void noRequestsPendingPasses() {
        assertEquals(CheckStatus.PASS, Host.c62x().check(Check.KERNEL_REQUESTS_PENDING).status());
    }

    @Test
    void requestsPendingWithChecksumAndEncryptionOnWarnsWithTheMitigation() {
        CheckResult r = Host.c62x().log(Host.QAT_STARTED, Host.ZFS_LOADED, Host.PENDING, Host.PENDING)
                .check(Check.KERNEL_REQUESTS_PENDING);
        assertEquals(CheckStatus.WARN, r.status());
        assertTrue(r.message().contains("2 time(s)") && r.message().contains("#14463"), r.message());
        List<Fix.ParamFix> fixes = r.fixes().stream().map(f -> assertInstanceOf(Fix.ParamFix.class, f)).toList();
        assertEquals(List.of(new Fix.ParamFix(ZfsParam.CHECKSUM, 1), new Fix.ParamFix(ZfsParam.ENCRYPT, 1)), fixes);
        assertEquals(2, r.details().size());
    }

    @Test
    void requestsPendingWithTheMitigationInPlacePasses() {
        CheckResult r = Host.c62x().params(0, 1, 1).log(Host.PENDING).check(Check.KERNEL_REQUESTS_PENDING);
        assertEquals(CheckStatus.PASS, r.status());
        assertTrue(r.message().contains("mitigation is in place"), r.message());
    }

    @Test
    void requestsPendingWithEverythingOffWarnsToTurnOnCompressionOnly() {
        CheckResult r = Host.c62x().params(1, 1, 1).log(Host.PENDING).check(Check.KERNEL_REQUESTS_PENDING);
        assertEquals(CheckStatus.WARN, r.status());
        assertTrue(((Fix.CommandFix) r.fixes().get(0)).commands().get(0).contains("--compress on --checksum off"));
    }

    @Test
    void anUnreadableKernelLogSkipsRequestsPendingAndLeavesTheJournalToDriverErrors() {
        Host h = Host.c62x().item("kernel_log", "denied", 0, "dmesg: read kernel buffer failed: Operation not permitted");
        CheckResult pending = h.check(Check.KERNEL_REQUESTS_PENDING);
        assertEquals(CheckStatus.SKIP, pending.status());
        assertTrue(pending.message().contains("--sudo"), pending.message());
        CheckResult errors = h.journal("Ioctl failed").check(Check.KERNEL_DRIVER_ERRORS);
        assertEquals(CheckStatus.WARN, errors.status(), errors.message());
        assertTrue(errors.message().contains("--sudo"), errors.message());
        CheckResult neither = h.absent("qat_journal").check(Check.KERNEL_DRIVER_ERRORS);
        assertEquals(CheckStatus.SKIP, neither.status(), neither.message());
    }

    @Test
    void driverErrorsAreExplainedAndWarnedEachFromWhereItIsWritten() {
        CheckResult r = Host.c62x().log(Host.QAT_STARTED,
                "[   20.1] Don't have enough rings for instance SSL3 in process SSL",
                "[   21.0] Don't have enough rings for instance SSL3 in process SSL")
                .journal("Processing /etc/c6xxvf_dev3.conf", "Failed to configure qat_dev3")
                .check(Check.KERNEL_DRIVER_ERRORS);
        assertEquals(CheckStatus.WARN, r.status());
        assertTrue(r.message().startsWith("2 kind(s) of driver error"), r.message());
        assertEquals(2, r.details().size());
        assertTrue(r.details().get(0).startsWith("2x kernel log: \"[   21.0] Don't have enough rings"), r.details().get(0));
        assertTrue(r.details().get(0).contains("capacity.exceeded"), r.details().get(0));
        assertTrue(r.details().get(1).startsWith("1x qat.service journal: \"Failed to configure qat_dev3\""),
                r.details().get(1));
        assertEquals(Restart.COMMAND, ((Fix.CommandFix) r.fixes().get(0)).commands().get(0));
    }

    @Test
    void linesOfOneKindNamingDifferentDevicesAreNotCountedAsTheLastOnesRepeats() {
        CheckResult r = Host.c62x().log(Host.QAT_STARTED)
                .journal("Failed to configure qat_dev3", "Failed to configure qat_dev5")
                .check(Check.KERNEL_DRIVER_ERRORS);
        assertTrue(r.details().get(0).startsWith("2x qat.service journal: the last: \"Failed to configure qat_dev5\""),
                r.details().get(0));
        assertTrue(r.details().get(0).contains("the kernel log says why"), r.details().get(0));
    }

    @Test
    void adfCtlsMessagesInTheKernelLogAndTheKernelsInTheJournalAreNotTheirs() {
        // a line that only quotes the other place's words is not that message: each is looked for where it is written
        CheckResult r = Host.c62x().log(Host.QAT_STARTED, "[ 20.2] QAT Error: Failed to configure qat_dev3")
                .journal("Don't have enough rings for instance SSL3 in process SSL").check(Check.KERNEL_DRIVER_ERRORS);
        assertEquals(CheckStatus.PASS, r.status(), r.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[ 5.1] c6xx 0000:3d:01.0: Failed to create rings for cy",
            "[ 5.1] c6xx 0000:3d:01.0: Failed to create rings for dc",
            "[ 5.2] c6xx 0000:3d:00.0: Failed to config device",
            "[ 5.3] c6xx 0000:3d:00.0: Unsupported device configuration",
            "[ 5.4] c6xx 0000:3d:00.0: Invalid ServicesEnabled asym;dc for ServicesProfile: 1",
            "[ 5.5] User instance SSL0 needs to be configured with IsPolled 1 or 2 for poll and epoll mode, respectively",
            "[ 5.6] c6xx 0000:3d:00.0: device qat_dev0 is busy",
            "[ 5.7] c6xx 0000:3d:00.0: Failed to start qat_dev0",
            "[ 5.8] Don't have enough rings for instance ZFS_DC0 in process KERNEL_QAT"})
    void everyKernelRefusalOfDomainSection8IsAProblem(String line) {
        DriverMessage m = DriverMessage.of(DriverMessage.Origin.KERNEL, line).orElseThrow(() -> new AssertionError(line));
        assertTrue(m.problem(), line);
        assertTrue(DriverMessage.of(DriverMessage.Origin.SERVICE, line).isEmpty(), "never looked for in the journal: " + line);
        CheckResult r = Host.c62x().log(Host.QAT_STARTED, line).check(Check.KERNEL_DRIVER_ERRORS);
        assertEquals(CheckStatus.WARN, r.status(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"QAT Error: Only version 2 config file supported", "QAT Error: No GENERAL section found",
            "Failed to configure qat_dev4", "Ioctl failed", "SRIOV is already enabled for qat_dev0", "QAT Error: new"})
    void everyAdfCtlAndQatServiceMessageIsLookedForInTheJournal(String line) {
        assertTrue(DriverMessage.of(DriverMessage.Origin.SERVICE, line).orElseThrow().problem(), line);
        assertTrue(DriverMessage.of(DriverMessage.Origin.KERNEL, line).isEmpty(), "never looked for in the kernel log: " + line);
        assertEquals(CheckStatus.WARN, Host.c62x().journal(line).check(Check.KERNEL_DRIVER_ERRORS).status(), line);
        assertEquals(CheckStatus.PASS, Host.c62x().log(Host.QAT_STARTED, line).check(Check.KERNEL_DRIVER_ERRORS).status(),
                line);
    }

    @Test
    void aJournalTheUserMayNotReadIsSaid() {
        CheckResult r = Host.c62x().journal("No journal files were opened due to insufficient permissions.")
                .check(Check.KERNEL_DRIVER_ERRORS);
        assertEquals(CheckStatus.PASS, r.status());
        assertTrue(r.message().contains("--sudo"), r.message());
    }

    @Test
    void harmlessMessagesAreExplainedWithoutAWarning() {
        CheckResult r = Host.c62x().log("[ 3.0] c6xx 0000:3d:00.0: Cannot use PF with IOMMU enabled",
                "[ 9.0] QAT: Stopping all acceleration devices.").check(Check.KERNEL_DRIVER_ERRORS);
        assertEquals(CheckStatus.PASS, r.status());
        assertTrue(r.message().contains("ZFS are not affected"), r.message());
        assertTrue(r.fixes().isEmpty());
    }

    @Test
    void theMostSpecificMessageExplainsALine() {
        assertEquals(DriverMessage.VERSION, DriverMessage.of(DriverMessage.Origin.SERVICE,
                "QAT Error: Only version 2 config file supported").orElseThrow());
        assertEquals(DriverMessage.SERVICES_PROFILE, DriverMessage.of(DriverMessage.Origin.KERNEL,
                "c6xx 0000:3d:00.0: Invalid ServicesEnabled dc for ServicesProfile: 1").orElseThrow());
        assertEquals(DriverMessage.QAT_ERROR, DriverMessage.of(DriverMessage.Origin.SERVICE, "QAT Error: something new")
                .orElseThrow());
        assertTrue(DriverMessage.of(DriverMessage.Origin.KERNEL, Host.PENDING).isEmpty(),
                "the requests-pending message has its own check");
    }

    @Test
    void theBootOrderComesFromTheFirstZfsLoad() {
        assertEquals(KernelLogFacts.BootOrder.QAT_FIRST, KernelLogFacts.bootOrder(List.of(Host.QAT_STARTED, Host.ZFS_LOADED)));
        assertEquals(KernelLogFacts.BootOrder.ZFS_FIRST,
                KernelLogFacts.bootOrder(List.of(Host.ZFS_LOADED, Host.QAT_STARTED, Host.ZFS_LOADED)));
        assertEquals(KernelLogFacts.BootOrder.UNKNOWN, KernelLogFacts.bootOrder(List.of(Host.QAT_STARTED)));
        assertEquals(KernelLogFacts.BootOrder.UNKNOWN, KernelLogFacts.bootOrder(List.of()));
    }
}
