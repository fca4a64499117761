package org.qatwb.model.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.testutil.C62xFixture;

/** qat.conf-valid, qat.kernel-instances and zfs.instance-cap. */
class ConfChecksTest {

    private static final String POLLED_VF = C62xFixture.vf(0).replace("Cy0IsPolled = 0", "Cy0IsPolled = 1");

    @Test
    void confValidPassesOnTheFixture() {
        CheckResult r = Host.c62x().check(Check.QAT_CONF_VALID);
        assertEquals(CheckStatus.PASS, r.status(), r.message());
    }

    @Test
    void aListedDeviceWithoutItsConfFileFails() {
        CheckResult r = Host.c62x().noConf("c6xxvf_dev5.conf").check(Check.QAT_CONF_VALID);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("/etc/c6xxvf_dev5.conf"), r.message());
    }

    @Test
    void aFileTheDriverRefusesFailsWithTheFindingAndItsLine() {
        CheckResult r = Host.c62x().conf("c6xxvf_dev9.conf", C62xFixture.vf(18).replace("ConfigVersion = 2",
                "ConfigVersion = 3")).check(Check.QAT_CONF_VALID);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("/etc/c6xxvf_dev9.conf:4:") && r.message().contains("[general.config-version]"),
                r.message());
        assertEquals(Restart.COMMAND, ((Fix.CommandFix) r.fixes().get(0)).commands().get(0));
    }

    @Test
    void warningsOnlyWarn() {
        CheckResult r = Host.c62x().conf("c6xxvf_dev9.conf", C62xFixture.vf(18).replace("statsGeneral = 1",
                "statsGeneral = 1 # on")).check(Check.QAT_CONF_VALID);
        assertEquals(CheckStatus.WARN, r.status(), r.message());
        assertTrue(r.message().contains("[syntax.inline-comment]"), r.message());
    }

    @Test
    void aPolledKernelInstanceIsNotTheDriversProblem() {
        String bothPolled = POLLED_VF.replace("Dc0IsPolled = 0", "Dc0IsPolled = 1");
        assertEquals(CheckStatus.PASS, Host.c62x().conf("c6xxvf_dev0.conf", bothPolled).check(Check.QAT_CONF_VALID).status());
    }

    @Test
    void butAPolledAndAnInterruptModeInstanceOnOneVfAreRefusedByTheDriver() {
        // the VF's one bank takes the first instance's IsPolled (adf_cfg_can_be_shared): the Dc finds no bank
        CheckResult r = Host.c62x().conf("c6xxvf_dev0.conf", POLLED_VF).check(Check.QAT_CONF_VALID);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("[capacity.exceeded]"), r.message());
    }

    @Test
    void kernelInstancesPassWithOneInterruptCyAndDcPerVf() {
        CheckResult r = Host.c62x().check(Check.QAT_KERNEL_INSTANCES);
        assertEquals(CheckStatus.PASS, r.status());
        assertTrue(r.message().startsWith("48 Cy + 48 Dc interrupt-mode"), r.message());
    }

    @Test
    void aPolledKernelInstanceFailsAndTheFixRewritesOnlyItsLine() {
        CheckResult r = Host.c62x().conf("c6xxvf_dev0.conf", POLLED_VF).check(Check.QAT_KERNEL_INSTANCES);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("Cy0IsPolled in /etc/c6xxvf_dev0.conf (line 19)"), r.message());
        assertTrue(r.message().contains("47 Cy + 48 Dc"), r.message());
        Fix.FileFix fix = assertInstanceOf(Fix.FileFix.class, r.fixes().get(0));
        assertEquals("/etc/c6xxvf_dev0.conf", fix.path());
        assertEquals(POLLED_VF, fix.oldText());
        assertEquals(C62xFixture.vf(0), fix.newText(), "every other byte stays");
        assertEquals(StandardCharsets.ISO_8859_1, fix.charset());
        assertEquals("0", ConfDocument.parse(fix.bytes()).value("KERNEL_QAT", "Cy0IsPolled").orElseThrow());
        assertEquals(2, r.fixes().size(), "then the restart");
    }

    @Test
    void noInterruptInstanceAtAllFails() {
        CheckResult r = Host.c62x().confs(t -> t.replace("NumberCyInstances = 1", "NumberCyInstances = 0")
                .replace("NumberDcInstances = 1", "NumberDcInstances = 0")).check(Check.QAT_KERNEL_INSTANCES);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("nothing to offload to"), r.message());
    }

    @Test
    void aMissingKindFailsWhereZfsHasItOnAndWarnsWhereItIsOff() {
        Host noDc = Host.c62x().confs(t -> t.replace("NumberDcInstances = 1", "NumberDcInstances = 0"));
        CheckResult on = noDc.check(Check.QAT_KERNEL_INSTANCES);
        assertEquals(CheckStatus.FAIL, on.status());
        assertTrue(on.message().contains("no Dc instance: compression cannot be offloaded although ZFS has compress on"),
                on.message());
        CheckResult off = noDc.params(1, 0, 0).check(Check.QAT_KERNEL_INSTANCES);
        assertEquals(CheckStatus.WARN, off.status(), off.message());
    }

    @Test
    void instancesOfADisabledServiceDoNotCount() {
        CheckResult r = Host.c62x().confs(t -> t.replace("ServicesEnabled = cy;dc", "ServicesEnabled = cy")).params(1, 0, 0)
                .check(Check.QAT_KERNEL_INSTANCES);
        assertTrue(r.message().startsWith("48 Cy + 0 Dc"), r.message());
    }

    @Test
    void theCapPassesAtFortyEightAndWarnsAbove() {
        assertEquals(CheckStatus.PASS, Host.c62x().check(Check.ZFS_INSTANCE_CAP).status());
        CheckResult r = Host.c62x().confs(t -> t.replace("NumberDcInstances = 1", "NumberDcInstances = 2")
                .replace("Dc0CoreAffinity", "Dc1Name = \"ZFS1\"\nDc1IsPolled = 0\nDc1CoreAffinity = 3\nDc0CoreAffinity"))
                .check(Check.ZFS_INSTANCE_CAP);
        assertEquals(CheckStatus.WARN, r.status());
        assertTrue(r.message().contains("48 Cy and 96 Dc") && r.message().contains("48 Dc instance(s) stay idle"),
                r.message());
        assertTrue(r.details().stream().anyMatch(d -> d.startsWith("/etc/c6xxvf_dev24.conf:")), r.details().toString());
    }

    @Test
    void theConfChecksSkipWithoutTheDriver() {
        Host h = Host.c62x().absent("adf_status");
        for (Check c : List.of(Check.QAT_CONF_VALID, Check.QAT_KERNEL_INSTANCES, Check.ZFS_INSTANCE_CAP)) {
            assertEquals(CheckStatus.SKIP, h.check(c).status(), c.id());
        }
    }
}
