package org.qatwb.model.kstat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;

/** What a well-formed named kstat gives: header, rows in order, exact values. */
class KstatParserTest {

    @Test
    void readsTheHeaderLine() throws ParseException {
        KstatHeader h = KstatParser.parse(KstatFixtures.QAT_FULL).header().orElseThrow();
        assertEquals(new KstatHeader(23, 1, "0x01", 17, 4624, 8123456789012L, 9876543210987654L), h);
        assertTrue(h.named());
    }

    @Test
    void readsEveryRowInFileOrderWithItsLine() throws ParseException {
        NamedKstat k = KstatParser.parse(KstatFixtures.QAT_FULL);
        assertEquals(17, k.entries().size());
        assertEquals(new KstatEntry("comp_requests", 4, "1048576", 3), k.entries().get(0));
        assertEquals(new KstatEntry("cksum_fails", 4, "0", 19), k.entries().get(16));
        assertEquals(List.of(), k.warnings());
    }

    @Test
    void entryFindsByName() throws ParseException {
        NamedKstat k = KstatParser.parse(KstatFixtures.QAT_FULL);
        assertEquals("8589934592", k.entry("cksum_total_in_bytes").orElseThrow().value());
        assertTrue(k.entry("no_such_row").isEmpty());
    }

    @Test
    void keepsTheLargestUint64Exactly() throws ParseException {
        KstatEntry e = KstatParser.parse(KstatFixtures.ALL_TYPES).entry("uint64_max").orElseThrow();
        assertEquals("18446744073709551615", e.value());
        assertEquals(new BigInteger("18446744073709551615"), e.asBigInteger());
        assertEquals(-1L, e.asUnsignedLong());
        assertEquals("18446744073709551615", Long.toUnsignedString(e.asUnsignedLong()));
        assertEquals("18446744073709551614",
                Long.toUnsignedString(KstatParser.parse(KstatFixtures.ALL_TYPES).entry("ulong_value")
                        .orElseThrow().asUnsignedLong()));
    }

    @Test
    void keepsSignedValuesNegative() throws ParseException {
        NamedKstat k = KstatParser.parse(KstatFixtures.ALL_TYPES);
        assertEquals(BigInteger.valueOf(Long.MIN_VALUE), k.entry("memory_available_bytes").orElseThrow().asBigInteger());
        assertEquals(BigInteger.valueOf(Integer.MIN_VALUE), k.entry("int32_min").orElseThrow().asBigInteger());
        assertEquals(BigInteger.valueOf(-42), k.entry("long_value").orElseThrow().asBigInteger());
        assertEquals(4294967295L, k.entry("uint32_max").orElseThrow().asUnsignedLong());
    }

    @Test
    void negativeValuesAreNotUnsigned() throws ParseException {
        KstatEntry e = KstatParser.parse(KstatFixtures.ALL_TYPES).entry("long_value").orElseThrow();
        assertThrows(IllegalStateException.class, e::asUnsignedLong);
    }

    @Test
    void stringRowsKeepTheRestOfTheLine() throws ParseException {
        NamedKstat k = KstatParser.parse(KstatFixtures.ALL_TYPES);
        KstatEntry s = k.entry("string_value").orElseThrow();
        assertEquals("QAT c6xx, 3 PFs  (host)", s.value());
        assertEquals(7, s.dataType());
        assertFalse(s.numeric());
        assertThrows(IllegalStateException.class, s::asBigInteger);
        assertThrows(IllegalStateException.class, s::asUnsignedLong);
        assertEquals("", k.entry("empty_string").orElseThrow().value());
        assertEquals(9, k.entries().size());
        assertEquals(List.of(), k.warnings());
    }

    @Test
    void charRowsLoseSplsPadding() throws ParseException {
        // SPL prints char values with "%-16s"; the text block cannot hold the trailing blanks
        String text = "1 1 0x01 1 272 1 2\nname type data\nchar_value 0    abc" + " ".repeat(13) + "\n";
        KstatEntry e = KstatParser.parse(text).entries().get(0);
        assertEquals("abc", e.value());
        assertFalse(e.numeric());
    }

    @Test
    void crlfGivesTheSameResultAsLf() throws ParseException {
        String crlf = KstatFixtures.ALL_TYPES.replace("\n", "\r\n");
        assertEquals(KstatParser.parse(KstatFixtures.ALL_TYPES), KstatParser.parse(crlf));
    }

    @Test
    void fieldsAreSplitOnAnyBlanksNotOnColumns() throws ParseException {
        String text = "\t5 1 0x01 2 544 1 2\nname\ttype\tdata\n"
                + "a_name_much_longer_than_thirty_one_columns 4 12\n"
                + "  tabbed\t\t3\t-7\t\n";
        NamedKstat k = KstatParser.parse(text);
        assertEquals("12", k.entry("a_name_much_longer_than_thirty_one_columns").orElseThrow().value());
        assertEquals("-7", k.entry("tabbed").orElseThrow().value());
        assertEquals(List.of(), k.warnings());
    }

    @Test
    void blankLinesAndAByteOrderMarkAreIgnored() throws ParseException {
        String text = "\uFEFF\n19 1 0x01 1 272 1 2\n\nname type data\n\ncomp_requests 4 5\n\n\n";
        NamedKstat k = KstatParser.parse(text);
        assertEquals(List.of(new KstatEntry("comp_requests", 4, "5", 6)), k.entries());
        assertEquals(List.of(), k.warnings());
    }

    @Test
    void leadingZerosAreNormalisedToTheExactValue() throws ParseException {
        String text = "1 1 0x01 1 272 1 2\nname type data\nx 4 000018446744073709551615\n";
        assertEquals("18446744073709551615", KstatParser.parse(text).entries().get(0).value());
    }

    @Test
    void headerAndColumnsWithoutRowsIsAnEmptyKstat() throws ParseException {
        NamedKstat k = KstatParser.parse("19 1 0x01 0 0 1 2\nname type data\n");
        assertEquals(List.of(), k.entries());
        assertEquals(List.of(), k.warnings());
    }
}
