package org.qatwb.model.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** qat.driver and qat.devices-up. */
class DriverChecksTest {

    @Test
    void theDriverPassesWhenAdfCtlListsKernelApiDevices() {
        CheckResult r = Host.c62x().check(Check.QAT_DRIVER);
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertTrue(r.message().contains("51 device(s)") && r.message().contains("C62x"), r.message());
    }

    @Test
    void noAdfCtlIsNoDriverWithTheBuildToRun() {
        CheckResult r = Host.c62x().absent("adf_status").check(Check.QAT_DRIVER);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("not installed"), r.message());
        Fix.CommandFix fix = assertInstanceOf(Fix.CommandFix.class, r.fixes().get(0));
        assertTrue(fix.commands().get(0).contains("--enable-kapi"), fix.commands().toString());
    }

    @Test
    void anAdfCtlThatFailsIsAWarningWithItsWords() {
        CheckResult r = Host.c62x().item("adf_status", "error", 1, "Ioctl failed\n").check(Check.QAT_DRIVER);
        assertEquals(CheckStatus.WARN, r.status());
        assertTrue(r.message().contains("Ioctl failed"), r.message());
    }

    @Test
    void gen4DevicesAloneHaveNoKernelApiForZfs() {
        CheckResult r = Host.c62x().ok("adf_status", "Checking status of all devices.\n"
                + "There is 1 QAT acceleration device(s) in the system:\n"
                + " qat_dev0 - type: 4xxx,  inst_id: 0,  node_id: 0,  bsf: 0000:6b:00.0,  #accel: 1 #engines: 9 state: up\n")
                .check(Check.QAT_DRIVER);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("no kernel API"), r.message());
    }

    @Test
    void noDeviceIsFineWhileTheServiceIsStoppedAndAFailureWhileItRuns() {
        String none = "Checking status of all devices.\nThere is 0 QAT acceleration device(s) in the system:\n";
        assertEquals(CheckStatus.PASS, Host.c62x().ok("adf_status", none).ok("qat_service", "inactive\n")
                .check(Check.QAT_DRIVER).status());
        assertEquals(CheckStatus.FAIL, Host.c62x().ok("adf_status", none).check(Check.QAT_DRIVER).status());
    }

    @Test
    void devicesUpPassesWithEveryDeviceUp() {
        CheckResult r = Host.c62x().check(Check.QAT_DEVICES_UP);
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertTrue(r.message().contains("48 of them VFs"), r.message());
    }

    @Test
    void aStoppedServiceFailsWithTheStartCommand() {
        CheckResult r = Host.c62x().ok("qat_service", "failed\n").check(Check.QAT_DEVICES_UP);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().startsWith("qat.service is failed"), r.message());
        assertEquals("systemctl start qat", ((Fix.CommandFix) r.fixes().get(0)).commands().get(0));
    }

    @Test
    void downDevicesAreNamedAndARestartWarnsThatZfsHoldsInstances() {
        CheckResult r = Host.c62x().down("qat_dev3", "qat_dev4").check(Check.QAT_DEVICES_UP);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().startsWith("2 of 51 device(s) down: qat_dev3, qat_dev4"), r.message());
        assertEquals(2, r.details().size());
        Fix.CommandFix restart = (Fix.CommandFix) r.fixes().get(0);
        assertEquals(Restart.COMMAND, restart.commands().get(0));
        assertTrue(restart.why().contains("turn it off first"), "the parameters are 0: " + restart.why());
        Fix.CommandFix quiet = (Fix.CommandFix) Host.c62x().down("qat_dev3").params(1, 1, 1).check(Check.QAT_DEVICES_UP)
                .fixes().get(0);
        assertTrue(!quiet.why().contains("turn it off first"), quiet.why());
    }

    @Test
    void anActiveServiceWithDevicesDownIsTheUsualFailureAndTheDriversReasonIsQuoted() {
        String rings = "[   12.345678] c6xxvf 0000:3d:01.0: Don't have enough rings for instance ZFS_DC0 in process KERNEL";
        CheckResult r = Host.c62x().down("qat_dev3").log(Host.QAT_STARTED, rings, Host.ZFS_LOADED)
                .check(Check.QAT_DEVICES_UP);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("qat.service is active all the same") && r.message().contains("exit 0"),
                r.message());
        assertTrue(r.message().contains("Don't have enough rings for instance ZFS_DC0")
                && r.message().contains("no bank could take the named instance"), r.message());
    }

    @Test
    void devicesDownWithoutADriverMessageSayWhereTheDriverExplainsWhy() {
        CheckResult r = Host.c62x().down("qat_dev3").check(Check.QAT_DEVICES_UP);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("journalctl -u qat") && r.message().contains("kernel log"), r.message());
    }

    @Test
    void missingVfsNameTheBlacklistAsTheirCauseRatherThanPilingOn() {
        CheckResult r = Host.c62x().pfsOnly().ok("blacklist", "blacklist qat_c62xvf\n").vfModuleLoaded(false)
                .vfsBoundTo("-").check(Check.QAT_DEVICES_UP);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("no VF although 48 VF conf file(s) exist")
                && r.message().contains("qat.vf-blacklist"), r.message());
        CheckResult noCause = Host.c62x().pfsOnly().check(Check.QAT_DEVICES_UP);
        assertTrue(noCause.message().contains("modprobe qat_c62xvf"), noCause.message());
    }

    @Test
    void devicesUpSkipsWithoutTheDriver() {
        CheckResult r = Host.c62x().absent("adf_status").check(Check.QAT_DEVICES_UP);
        assertEquals(CheckStatus.SKIP, r.status());
        assertEquals("not checked while qat.driver fails", r.message());
    }
}
