package org.qatwb.model.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.snapshot.ZfsParam;

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
    void anUnreadableKernelLogSkipsBothChecks() {
        Host h = Host.c62x().item("kernel_log", "denied", 0, "dmesg: read kernel buffer failed: Operation not permitted");
        for (Check c : List.of(Check.KERNEL_REQUESTS_PENDING, Check.KERNEL_DRIVER_ERRORS)) {
            CheckResult r = h.check(c);
            assertEquals(CheckStatus.SKIP, r.status(), c.id());
            assertTrue(r.message().contains("--sudo"), r.message());
        }
    }

    @Test
    void driverErrorsAreExplainedAndWarned() {
        CheckResult r = Host.c62x().log(Host.QAT_STARTED,
                "[   20.1] QAT: Don't have enough rings for instance SSL3 in process SSL",
                "[   20.2] QAT: Failed to configure qat_dev3",
                "[   21.0] QAT: Don't have enough rings for instance SSL3 in process SSL").check(Check.KERNEL_DRIVER_ERRORS);
        assertEquals(CheckStatus.WARN, r.status());
        assertTrue(r.message().startsWith("2 kind(s) of driver error"), r.message());
        assertEquals(2, r.details().size());
        assertTrue(r.details().get(0).startsWith("2x \"[   21.0] QAT: Don't have enough rings"), r.details().get(0));
        assertTrue(r.details().get(0).contains("capacity.exceeded"), r.details().get(0));
        assertEquals(Restart.COMMAND, ((Fix.CommandFix) r.fixes().get(0)).commands().get(0));
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
        assertEquals(DriverMessage.SERVICES_PROFILE,
                DriverMessage.of("QAT Error: Invalid ServicesEnabled dc for ServicesProfile CRYPTO").orElseThrow());
        assertEquals(DriverMessage.QAT_ERROR, DriverMessage.of("QAT Error: something new").orElseThrow());
        assertTrue(DriverMessage.of(Host.PENDING).isEmpty(), "the requests-pending message has its own check");
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
