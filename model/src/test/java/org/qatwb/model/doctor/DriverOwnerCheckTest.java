package org.qatwb.model.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriverOwnerCheckTest {

    private static final String GEN4_IN_KERNEL = """
            dev 0000:6b:00.0 0x4940 pf 0 4xxx
            drv 4xxx qat_4xxx
            mod qat_4xxx - 0.6.0 -
            mod intel_qat - 0.6.0 -
            dep qat_4xxx kernel/drivers/crypto/intel/qat/qat_4xxx/qat_4xxx.ko
            """;

    @Test
    void everyCardOnIntelsDriverPassesAndNamesEachCardAndOwner() {
        CheckResult r = Host.c62x().check(Check.QAT_DRIVER_OWNER);
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertTrue(r.message().contains("3 PF(s) by Intel QAT 1.x out-of-tree 4.24.0 (qat_c62x)"), r.message());
        assertTrue(r.details().get(0).startsWith("0000:3d:00.0 (c6xx, Gen 2), node 0: Intel QAT 1.x out-of-tree 4.24.0"),
                r.details().toString());
        assertTrue(r.details().stream().anyMatch(d -> d.matches("\\d+ c6xxvf VF\\(s\\) owned by Intel QAT 1.x .*")),
                r.details().toString());
    }

    @Test
    void theCardOnTheKernelsOwnDriverWhileIntelsIsInstalledFailsWithTheReloadFix() {
        CheckResult r = Host.c62x().ok("qat_pci", Host.c62xPci("-").replace("dep intel_qat kernel/drivers/crypto/intel/qat/",
                "dep qat_api kernel/drivers/qat_api.ko\ndep intel_qat kernel/drivers/crypto/intel/qat/")).check(Check.QAT_DRIVER_OWNER);
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertTrue(r.message().contains("bound to the in-kernel qat_c62x"), r.message());
        Fix.CommandFix fix = (Fix.CommandFix) r.fixes().get(0);
        assertEquals("modinfo -n qat_c62x", fix.commands().get(0));
        assertTrue(fix.commands().contains("modprobe -r qat_c62x qat_c62xvf"), fix.commands().toString());
    }

    @Test
    void theKernelsQat4xxxBesideIntelsQat1DriverIsBlacklisted() {
        String both = Host.c62xPci("OE") + "dev 0000:6b:00.0 0x4940 pf 0 4xxx\ndrv 4xxx qat_4xxx\nmod qat_4xxx - 0.6.0 -\n";
        CheckResult r = Host.c62x().ok("qat_pci", both).check(Check.QAT_DRIVER_OWNER);
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertTrue(r.message().contains("QAT modules of both origins are loaded: in-kernel qat_4xxx"), r.message());
        assertTrue(r.fixes().get(0).summary().contains("blacklist qat_4xxx"), r.fixes().get(0).summary());
    }

    @Test
    void aStockBoxsGen4EndpointWarnsThatZfsCannotUseIt() {
        CheckResult r = Host.c62x().absent("adf_status").ok("qat_pci", GEN4_IN_KERNEL).check(Check.QAT_DRIVER_OWNER);
        assertEquals(CheckStatus.WARN, r.status(), r.message());
        assertTrue(r.message().startsWith("0000:6b:00.0 (4xxx, Gen 4) is owned by in-kernel qat_4xxx: ZFS cannot use it"),
                r.message());
        assertTrue(r.message().contains("QAT20.L.1.2.30"), r.message());
        assertEquals(List.of("0000:6b:00.0 (4xxx, Gen 4), node 0: in-kernel qat_4xxx; ZFS: nothing"), r.details());
    }

    @Test
    void aCardPassedThroughOrWithoutDriverFailsWhereIntelsDriverIsInstalled() {
        String pci = Host.c62xPci("OE").replaceFirst("0x37c8 pf 0 c6xx", "0x37c8 pf 0 vfio-pci")
                .replaceFirst("0x37c8 pf 0 c6xx", "0x37c8 pf 0 -");
        CheckResult r = Host.c62x().ok("qat_pci", pci).check(Check.QAT_DRIVER_OWNER);
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertTrue(r.message().contains("0000:3d:00.0 (c6xx, Gen 2) is bound to vfio-pci"), r.message());
        assertTrue(r.message().contains("0000:3f:00.0 (c6xx, Gen 2) has no driver: Intel's qat_c62x is not bound"), r.message());
        assertEquals(2, r.fixes().size());
        assertTrue(r.fixes().get(0).summary().contains("driverctl unset-override 0000:3d:00.0"), r.fixes().get(0).summary());
    }

    @Test
    void withoutTheItemOrWithoutQatOnTheBusItSkips() {
        assertEquals(CheckStatus.SKIP, Host.c62x().without("qat_pci").check(Check.QAT_DRIVER_OWNER).status());
        assertEquals(CheckStatus.SKIP, Host.c62x().ok("qat_pci", "").check(Check.QAT_DRIVER_OWNER).status());
        CheckResult bad = Host.c62x().ok("qat_pci", "dev nonsense\n").check(Check.QAT_DRIVER_OWNER);
        assertEquals(CheckStatus.WARN, bad.status());
        assertTrue(bad.message().startsWith("the PCI devices could not be used: qat_pci: line 1:"), bad.message());
    }
}
