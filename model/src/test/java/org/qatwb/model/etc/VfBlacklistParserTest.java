package org.qatwb.model.etc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.parse.ParseException;

class VfBlacklistParserTest {

    private static List<String> types(VfBlacklist b) {
        return b.blockedModels().stream().map(DeviceModel::type).toList();
    }

    @Test
    void c62xVfModuleBlocksTheC6xxModel() throws ParseException {
        VfBlacklist b = VfBlacklistParser.parse("blacklist qat_c62xvf\n");

        assertEquals(List.of(new BlacklistEntry("qat_c62xvf", "blacklist", 1)), b.entries());
        assertEquals(List.of("c6xx"), types(b));
        assertTrue(b.blocks("qat_c62xvf"));
        assertTrue(b.blocks("qat-c62xvf"));
        assertFalse(b.blocks("qat_dh895xccvf"));
        assertEquals(List.of(), b.warnings());
    }

    @Test
    void handEditedFile() throws Exception {
        VfBlacklist b = VfBlacklistParser.parse(QatDefaultsParserTest.fixture("blacklist_hand_edited.conf"));

        assertEquals(List.of(
                new BlacklistEntry("qat_dh895xccvf", "blacklist", 2),
                new BlacklistEntry("qat_c62xvf", "blacklist", 3),
                new BlacklistEntry("qat_d15xxvf", "install", 5)), b.entries());
        assertEquals(List.of("dh895xcc", "c6xx", "d15xx"), types(b));
        assertFalse(b.blocks("qat_c3xxxvf"));
        assertEquals(List.of("line 6: not a blacklist or install line, ignored: \"options qat_c62x foo=1\""),
                b.warnings());
    }

    @Test
    void installCommandsBlockUnlessTheyLoadTheModuleThemselves() throws ParseException {
        VfBlacklist b = VfBlacklistParser.parse("""
                install qat_c62xvf /bin/true
                install qat_c3xxxvf /bin/false
                install qat_dh895xccvf /sbin/modprobe --ignore-install qat_dh895xccvf $CMDLINE_OPTS
                install qat_d15xxvf
                """);

        assertEquals(List.of("c6xx", "c3xxx"), types(b));
        assertEquals(List.of("install", "install"), b.entries().stream().map(BlacklistEntry::directive).toList());
        assertEquals(2, b.warnings().size());
        assertTrue(b.warnings().get(0).startsWith("line 3: install command for qat_dh895xccvf calls modprobe"));
        assertEquals("line 4: install without a module and a command, modprobe ignores it", b.warnings().get(1));
    }

    @Test
    void onlyAHashInTheFirstColumnIsAComment() throws ParseException {
        VfBlacklist b = VfBlacklistParser.parse("#blacklist qat_c62xvf\n  # blacklist qat_c62xvf\n\n   \n");

        assertEquals(List.of(), b.entries());
        assertEquals(List.of("line 2: a comment must start in the first column; modprobe reports this line as bad: "
                + "\"  # blacklist qat_c62xvf\""), b.warnings());
    }

    @Test
    void indentationTabsAndTrailingWordsAreFine() throws ParseException {
        VfBlacklist b = VfBlacklistParser.parse("  blacklist\tqat_c62xvf  # the installer did this\n");

        assertEquals(List.of(new BlacklistEntry("qat_c62xvf", "blacklist", 1)), b.entries());
        assertEquals(List.of(), b.warnings());
    }

    @Test
    void crlfKeepsTheCarriageReturnInTheNameSoNothingIsBlocked() throws ParseException {
        VfBlacklist b = VfBlacklistParser.parse("blacklist qat_c62xvf\r\nblacklist qat_dh895xccvf # x\r\n");

        assertFalse(b.blocks("qat_c62xvf"));
        assertTrue(b.blocks("qat_dh895xccvf"));
        assertEquals(List.of("line 1: modprobe reads the module name as \"qat_c62xvf\\r\" (a CRLF line ending?), "
                + "which blocks nothing"), b.warnings());
    }

    @Test
    void backslashNewlineJoinsLines() throws ParseException {
        VfBlacklist b = VfBlacklistParser.parse("blacklist \\\nqat_c62xvf\nblacklist qat_c3xxxvf\n");

        assertEquals(List.of(new BlacklistEntry("qat_c62xvf", "blacklist", 1),
                new BlacklistEntry("qat_c3xxxvf", "blacklist", 3)), b.entries());
    }

    @Test
    void eachModelOnceAndMisspeltVfModulesWarned() throws ParseException {
        VfBlacklist b = VfBlacklistParser.parse("blacklist qat_c62xvf\nblacklist qat_c62xvf\nblacklist qat_c6xxvf\n"
                + "blacklist nouveau\nblacklist\n");

        assertEquals(List.of("c6xx"), types(b));
        assertTrue(b.blocks("nouveau"));
        assertEquals(2, b.warnings().size());
        assertTrue(b.warnings().get(0).startsWith("line 3: qat_c6xxvf is not a QAT VF driver module (known: "),
                b.warnings().get(0));
        assertTrue(b.warnings().get(0).contains("qat_c62xvf"));
        assertEquals("line 5: blacklist without a module, modprobe ignores it", b.warnings().get(1));
    }

    @Test
    void emptyFileBlocksNothing() throws ParseException {
        VfBlacklist b = VfBlacklistParser.parse("");

        assertEquals(List.of(), b.entries());
        assertEquals(List.of(), b.blockedModels());
        assertEquals(List.of(), b.warnings());
    }
}
