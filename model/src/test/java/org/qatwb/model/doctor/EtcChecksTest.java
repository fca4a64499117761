package org.qatwb.model.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.qatwb.model.etc.QatDefaultsParser;
import org.qatwb.model.etc.VfBlacklistParser;

/** qat.kapi, qat.sriov and qat.vf-blacklist, with the file edits they offer. */
class EtcChecksTest {

    /** The edit of a failed check, read back as qat_service would source it. */
    private static Fix.FileFix fileFix(CheckResult r) {
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
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
        CheckResult r = Host.c62x().ok("default_qat", text).check(Check.QAT_KAPI);
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
        CheckResult r = Host.c62x().ok("blacklist", text).check(Check.QAT_VF_BLACKLIST);
        assertTrue(r.message().contains("blacklists qat_c62xvf"), r.message());
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
        assertTrue(r.message().contains("blocks only qat_dh895xccvf"), r.message());
    }

    @Test
    void theVfDriverBlacklistedWhereNoVfIsUsedPasses() {
        Host h = Host.c62x().pfsOnly().ok("blacklist", "blacklist qat_c62xvf\n");
        for (int vf = 0; vf < 48; vf++) {
            h.noConf("c6xxvf_dev" + vf + ".conf");
        }
        CheckResult r = h.check(Check.QAT_VF_BLACKLIST);
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertTrue(r.message().contains("no VF is used"), r.message());
    }
}
