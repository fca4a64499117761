package org.qatwb.model.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.etc.QatDefaultsParser;
import org.qatwb.model.etc.VfBlacklistParser;

/** qat.kapi, qat.sriov and qat.vf-blacklist, with the file edits they offer. */
class EtcChecksTest {

    /** The edit of a failed (or, for qat.kapi where ZFS loads qat_api itself, warned) check. */
    private static Fix.FileFix fileFix(CheckResult r) {
        assertTrue(r.status() == CheckStatus.FAIL || r.status() == CheckStatus.WARN, r.message());
        return assertInstanceOf(Fix.FileFix.class, r.fixes().get(0));
    }

    @Test
    void kapiPassesWhenEnabled() {
        CheckResult r = Host.c62x().check(Check.QAT_KAPI);
        assertEquals(CheckStatus.PASS, r.status());
        assertEquals("ENABLE_KAPI=1 in /etc/default/qat (line 4)", r.message());
    }

    @Test
    void aCommentedKapiIsUncommentedInPlace() throws Exception {
        String text = "SRIOV_ENABLE=1\n#ENABLE_KAPI=1\n# end\n";
        // a zfs.ko without qat_api: then only qat_service loads it, and the restart is part of the fix
        CheckResult r = Host.c62x().ok("default_qat", text).ok("qat_modules", "intel_qat qat_c62x\n")
                .ok("zfs_depends", "updates/dkms/zfs.ko: updates/dkms/spl.ko\n").check(Check.QAT_KAPI);
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertTrue(r.message().contains("commented out"), r.message());
        Fix.FileFix fix = fileFix(r);
        assertEquals("/etc/default/qat", fix.path());
        assertEquals(text, fix.oldText());
        assertEquals("SRIOV_ENABLE=1\nENABLE_KAPI=1\n# end\n", fix.newText());
        assertTrue(QatDefaultsParser.parse(fix.newText()).kapiEnabled());
        assertTrue(fix.diff().contains("-#ENABLE_KAPI=1\n+ENABLE_KAPI=1\n"), fix.diff());
        assertEquals("systemctl restart qat", ((Fix.CommandFix) r.fixes().get(1)).commands().get(0));
    }

    @Test
    void aKapiSetToZeroIsRewrittenKeepingItsCommentAndExport() throws Exception {
        Fix.FileFix fix = fileFix(Host.c62x().ok("default_qat", "export ENABLE_KAPI=\"0\"  # off for now\n")
                .check(Check.QAT_KAPI));
        assertEquals("export ENABLE_KAPI=1  # off for now\n", fix.newText());
        assertTrue(fix.change().contains("line 1"), fix.change());
    }

    @Test
    void aMissingFileIsCreated() {
        CheckResult r = Host.c62x().absent("default_qat").check(Check.QAT_KAPI);
        assertTrue(r.message().contains("does not exist"), r.message());
        Fix.FileFix fix = fileFix(r);
        assertEquals("", fix.oldText());
        assertEquals("ENABLE_KAPI=1\n", fix.newText());
        assertTrue(fix.summary().startsWith("create /etc/default/qat"), fix.summary());
    }

    @Test
    void aCrlfFileIsOffEvenWithOneAndTheFixConvertsItsLineEndings() throws Exception {
        Fix.FileFix fix = fileFix(Host.c62x().ok("default_qat", "SRIOV_ENABLE=1\r\nENABLE_KAPI=1\r\n").check(Check.QAT_KAPI));
        assertEquals("SRIOV_ENABLE=1\nENABLE_KAPI=1\n", fix.newText());
        assertTrue(fix.change().contains("LF line endings"), fix.change());
        assertTrue(QatDefaultsParser.parse(fix.newText()).sriovEnabled());
    }

    @Test
    void aValueThatOnlyLooksOnIsAppendedAfter() throws Exception {
        // "1#x" is the value 1#x to the shell: rewriting the value in place would keep the #x
        Fix.FileFix fix = fileFix(Host.c62x().ok("default_qat", "ENABLE_KAPI=0#x").check(Check.QAT_KAPI));
        assertEquals("ENABLE_KAPI=0#x\nENABLE_KAPI=1\n", fix.newText());
        assertTrue(QatDefaultsParser.parse(fix.newText()).kapiEnabled());
    }

    @Test
    void kapiWarnsWhenTheFileCannotBeReadAndSkipsWithoutTheDriver() {
        CheckResult denied = Host.c62x().item("default_qat", "denied", 0, "permission denied: /etc/default/qat")
                .check(Check.QAT_KAPI);
        assertEquals(CheckStatus.WARN, denied.status());
        assertTrue(denied.message().contains("permission denied"), denied.message());
        assertEquals(CheckStatus.SKIP, Host.c62x().absent("adf_status").check(Check.QAT_KAPI).status());
    }

    @Test
    void sriovIsNeededOnlyWhereVfsCarryTheInstances() throws Exception {
        assertEquals(CheckStatus.PASS, Host.c62x().check(Check.QAT_SRIOV).status());
        Host vfs = Host.c62x().ok("default_qat", "ENABLE_KAPI=1\n");
        Fix.FileFix fix = fileFix(vfs.check(Check.QAT_SRIOV));
        assertEquals("ENABLE_KAPI=1\nSRIOV_ENABLE=1\n", fix.newText());
        assertTrue(QatDefaultsParser.parse(fix.newText()).sriovEnabled());

        Host pfsOnly = Host.c62x().ok("default_qat", "ENABLE_KAPI=1\n").pfsOnly();
        for (int vf = 0; vf < 48; vf++) {
            pfsOnly.noConf("c6xxvf_dev" + vf + ".conf");
        }
        CheckResult r = pfsOnly.check(Check.QAT_SRIOV);
        assertEquals(CheckStatus.PASS, r.status());
        assertTrue(r.message().contains("no VF conf file"), r.message());
    }

    @Test
    void noBlacklistFilePasses() {
        assertEquals(CheckStatus.PASS, Host.c62x().check(Check.QAT_VF_BLACKLIST).status());
    }

    @Test
    void theCardsVfDriverBlacklistedFailsAndTheFixRemovesExactlyItsLine() throws Exception {
        String text = "# installed by QAT.L.4.24\nblacklist qat_c62xvf\nblacklist qat_dh895xccvf\n";
        CheckResult r = Host.c62x().ok("blacklist", text).vfModuleLoaded(false).vfsBoundTo("-")
                .check(Check.QAT_VF_BLACKLIST);
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertTrue(r.message().contains("qat_c62xvf is blacklisted") && r.message().contains("not loaded: 48 of the 48"
                + " c6xxvf VF(s) have no driver"), r.message());
        assertEquals(List.of("48 VF(s): 0000:3d:01.0, 0000:3d:01.1, 0000:3d:01.2, 0000:3d:01.3, 0000:3d:01.4,"
                + " 0000:3d:01.5 and 42 more without a driver"), r.details());
        Fix.FileFix fix = fileFix(r);
        assertEquals("/etc/modprobe.d/blacklist-qat-vfs.conf", fix.path());
        assertEquals("# installed by QAT.L.4.24\nblacklist qat_dh895xccvf\n", fix.newText());
        assertFalse(VfBlacklistParser.parse(fix.newText()).blocks("qat_c62xvf"));
        assertTrue(fix.change().contains("line 2"), fix.change());
        assertEquals(StandardCharsets.UTF_8, fix.charset());
        assertInstanceOf(Fix.CommandFix.class, r.fixes().get(1), "restart to create the VFs");
    }

    @Test
    void aContinuedBlacklistLineGoesWhole() throws Exception {
        Fix.FileFix fix = fileFix(Host.c62x().ok("blacklist", "blacklist \\\nqat-c62xvf\n# kept\n")
                .check(Check.QAT_VF_BLACKLIST));
        assertEquals("# kept\n", fix.newText());
    }

    @Test
    void anotherCardsVfDriverBlacklistedPasses() {
        CheckResult r = Host.c62x().ok("blacklist", "blacklist qat_dh895xccvf\n").check(Check.QAT_VF_BLACKLIST);
        assertEquals(CheckStatus.PASS, r.status());
        assertTrue(r.message().contains("qat_c62xvf is loaded and bound to all 48 c6xxvf VF(s)"), r.message());
    }

    @Test
    void theVfDriverBlacklistedWhereNoVfIsUsedPasses() {
        Host h = Host.c62x().pfsOnly().ok("blacklist", "blacklist qat_c62xvf\n");
        for (int vf = 0; vf < 48; vf++) {
            h.noConf("c6xxvf_dev" + vf + ".conf");
        }
        CheckResult r = h.check(Check.QAT_VF_BLACKLIST);
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertTrue(r.message().contains("the host needs no VF driver") && r.message().contains("free for guests"),
                r.message());
    }

    // ---- qat.kapi: ENABLE_KAPI=0 does not cut ZFS off when zfs.ko depends on qat_api ----

    @Test
    void kapiOffWhileZfsHoldsQatApiIsAWarningWithTheEditOnly() {
        CheckResult r = Host.c62x().ok("default_qat", "SRIOV_ENABLE=1\n#ENABLE_KAPI=1\n").check(Check.QAT_KAPI);
        assertEquals(CheckStatus.WARN, r.status(), r.message());
        assertTrue(r.message().startsWith("ENABLE_KAPI is commented out in /etc/default/qat, but ZFS is not cut off:"
                + " /sys/module/qat_api/holders/zfs"), r.message());
        assertEquals(1, r.fixes().size(), "no restart: ZFS does not need it");
        assertInstanceOf(Fix.FileFix.class, r.fixes().get(0));
    }

    @Test
    void kapiOffWithZfsNotLoadedReadsTheDependencyFromModulesDep() {
        CheckResult r = Host.c62x().ok("default_qat", "ENABLE_KAPI=0\n").ok("qat_modules", "intel_qat qat_c62x\n")
                .check(Check.QAT_KAPI);
        assertEquals(CheckStatus.WARN, r.status(), r.message());
        assertTrue(r.message().contains("modules.dep: zfs.ko depends on qat_api"), r.message());
    }

    @Test
    void kapiOffFailsWhereZfsDoesNotDependOnQatApi() {
        CheckResult r = Host.c62x().ok("default_qat", "ENABLE_KAPI=0\n").ok("qat_modules", "intel_qat qat_c62x\n")
                .ok("zfs_depends", "updates/dkms/zfs.ko: updates/dkms/spl.ko\n").check(Check.QAT_KAPI);
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertEquals(List.of("zfs.ko does not depend on qat_api here (modules.dep, /sys/module): nothing but qat_service"
                + " loads it"), r.details());
    }

    @Test
    void kapiOffWithoutModuleFactsFailsAsBefore() {
        CheckResult r = Host.c62x().ok("default_qat", "ENABLE_KAPI=0\n").without("qat_modules").without("zfs_depends")
                .check(Check.QAT_KAPI);
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
    }

    // ---- qat.vf-blacklist: what is loaded and bound, not only the file ----

    @Test
    void blacklistedButLoadedAndBoundWarnsThatItHoldsOnlyWhileSomethingLoadsItExplicitly() {
        CheckResult r = Host.c62x().ok("blacklist", "blacklist qat_c62xvf\n").check(Check.QAT_VF_BLACKLIST);
        assertEquals(CheckStatus.WARN, r.status(), "ZFS has its VFs: not a failure");
        assertTrue(r.message().contains("but loaded and bound to all 48 VF(s)") && r.message().contains("qat_service_vfs"),
                r.message());
        assertEquals("", fileFix(r).newText());
        assertEquals(1, r.fixes().size(), "nothing to restart");
    }

    @Test
    void notBlacklistedButNotLoadedFailsWithModprobe() {
        CheckResult r = Host.c62x().vfModuleLoaded(false).vfsBoundTo("-").check(Check.QAT_VF_BLACKLIST);
        assertEquals(CheckStatus.FAIL, r.status(), "the old check passed on the file alone");
        assertTrue(r.message().startsWith("qat_c62xvf is not loaded although"), r.message());
        assertEquals(List.of("modprobe qat_c62xvf", "systemctl restart qat"),
                ((Fix.CommandFix) r.fixes().get(0)).commands());
    }

    @Test
    void vfsPassedThroughToGuestsFailWhereZfsNeedsThem() {
        CheckResult r = Host.c62x().vfsBoundTo("vfio-pci").check(Check.QAT_VF_BLACKLIST);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("48 of the 48 c6xxvf VF(s) are bound to vfio-pci"), r.message());
        assertTrue(r.details().get(0).startsWith("48 VF(s): 0000:3d:01.0,") && r.details().get(0).endsWith(
                "and 42 more bound to vfio-pci"), r.details().toString());
    }

    @Test
    void someVfsUnboundWhileTheDriverIsLoadedWarn() {
        Host h = Host.c62x();
        String vfs = h.snapshot().modules().vfs().orElseThrow().stream()
                .map(v -> v.bsf() + " 0x37c9 " + (v.bsf().equals("0000:3d:01.0") ? "-" : "c6xxvf")).reduce("",
                        (a, b) -> a + b + "\n");
        CheckResult r = h.ok("pci_vfs", vfs).check(Check.QAT_VF_BLACKLIST);
        assertEquals(CheckStatus.WARN, r.status(), r.message());
        assertEquals(List.of("1 VF(s): 0000:3d:01.0 without a driver"), r.details());
    }

    @Test
    void notBlacklistedLoadedAndBoundPasses() {
        CheckResult r = Host.c62x().check(Check.QAT_VF_BLACKLIST);
        assertEquals(CheckStatus.PASS, r.status());
        assertEquals("qat_c62xvf is loaded and bound to all 48 c6xxvf VF(s)", r.message());
    }

    @Test
    void withoutModuleFactsOnlyTheFileIsJudgedAndTheMessageSaysSo() {
        CheckResult r = Host.c62x().ok("blacklist", "blacklist qat_c62xvf\n").without("pci_vfs")
                .check(Check.QAT_VF_BLACKLIST);
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("what is loaded could not be read"), r.message());
    }
}
