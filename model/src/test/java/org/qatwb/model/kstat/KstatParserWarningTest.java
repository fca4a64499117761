package org.qatwb.model.kstat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;

/** Input that parses, with a remark the administrator should see. */
class KstatParserWarningTest {

    private static void assertWarns(NamedKstat k, String prefix, String... fragments) {
        assertEquals(1, k.warnings().size(), k.warnings().toString());
        String w = k.warnings().get(0);
        assertTrue(w.startsWith(prefix), w);
        for (String f : fragments) assertTrue(w.contains(f), w + " should say " + f);
    }

    @Test
    void captureCutAfterACompleteRowKeepsItsCounters() throws ParseException {
        String text = "19 1 0x01 17 4624 1 2\nname type data\n"
                + "comp_requests 4 6378\ncomp_total_in_bytes 4 835977216\ncomp_total_out_bytes 4 145444956\n";
        NamedKstat k = KstatParser.parse(text);
        assertEquals(3, k.entries().size());
        assertEquals("835977216", k.entry("comp_total_in_bytes").orElseThrow().value());
        assertWarns(k, "line 1: ", "17", "3", "cut");
    }

    @Test
    void aShellPromptPastedAfterTheRowsIsNotATruncatedRow() throws ParseException {
        NamedKstat k = KstatParser.parse("19 1 0x01 1 272 1 2\nname type data\ncomp_requests 4 5\nroot@nas:~# exit\n");
        assertEquals(1, k.entries().size());
        assertWarns(k, "line 4: ", "not a kstat row", "root@nas");
    }

    @Test
    void moreRowsThanAnnounced() throws ParseException {
        NamedKstat k = KstatParser.parse("\n19 1 0x01 1 272 1 2\nname type data\na 4 1\nb 4 2\n");
        assertEquals(2, k.entries().size());
        assertWarns(k, "line 2: ", "announces 1", "2 were read");
    }

    @Test
    void columnHeaderWithoutTheKidLine() throws ParseException {
        NamedKstat k = KstatParser.parse("name type data\nqat_comp_req 4 16368\n");
        assertTrue(k.header().isEmpty());
        assertEquals(List.of(new KstatEntry("qat_comp_req", 4, "16368", 2)), k.entries());
        assertWarns(k, "line 1: ", "no kstat header line");
    }

    @Test
    void shellLinesBeforeTheHeaderAreReportedAndSkipped() throws ParseException {
        String text = "root@nas:~# cat /proc/spl/kstat/zfs/qat\r\n"
                + "19 1 0x01 1 272 1 2\r\nname type data\r\ncomp_requests 4 5\r\n";
        NamedKstat k = KstatParser.parse(text);
        assertEquals("5", k.entry("comp_requests").orElseThrow().value());
        assertWarns(k, "line 1: ", "ignored before the kstat header", "\"root@nas:~# cat /proc/spl/kstat/zfs/qat\"");
    }

    @Test
    void shellLineAndNoKidLineGiveTwoWarnings() throws ParseException {
        NamedKstat k = KstatParser.parse("$ cat qat\nname type data\nqat_x 4 1\n");
        assertEquals(2, k.warnings().size(), k.warnings().toString());
        assertTrue(k.warnings().get(0).startsWith("line 1: ignored"), k.warnings().toString());
        assertTrue(k.warnings().get(1).startsWith("line 2: no kstat header line"), k.warnings().toString());
    }

    @Test
    void longJunkIsQuotedShortAndOnOneLine() throws ParseException {
        NamedKstat k = KstatParser.parse("x".repeat(500) + "\u0085\u0007\nname type data\n");
        String w = k.warnings().get(0);
        assertTrue(w.length() < 140, w); // prefix + an 80-character excerpt
        assertTrue(w.chars().noneMatch(Character::isISOControl), w);
    }

    @Test
    void duplicateNamesAreKeptAndReported() throws ParseException {
        String text = "9 1 0x01 3 816 1 2\nname type data\ndc_fails 4 1\ncomp_requests 4 2\ndc_fails 4 3\n";
        NamedKstat k = KstatParser.parse(text);
        assertEquals(3, k.entries().size());
        assertEquals("1", k.entry("dc_fails").orElseThrow().value());
        assertWarns(k, "line 5: ", "duplicate name \"dc_fails\"", "first on line 3");
    }
}
