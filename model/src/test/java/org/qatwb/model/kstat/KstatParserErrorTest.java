package org.qatwb.model.kstat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qatwb.model.parse.ParseException;

/** Input the parser must refuse: one line saying what and where. */
class KstatParserErrorTest {

    private static final String HEAD = "19 1 0x01 17 4624 1645575508916183 3447141868397572\n"
            + "name                            type data\n";

    private static ParseException fails(String text, int line, String... fragments) {
        ParseException e = assertThrows(ParseException.class, () -> KstatParser.parse(text));
        assertEquals(line, e.line(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        if (line > 0) assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), e.getMessage() + " should say " + f);
        return e;
    }

    @Test
    void inputWithoutAnyHeader() {
        fails("comp_requests 4 12\ncomp_total_in_bytes 4 4096\n", 0, "not a kstat file", "name type data");
        fails("", 0, "not a kstat file");
        fails("   \n\r\n", 0, "not a kstat file");
    }

    @Test
    void fileEndingAfterTheKidLine() {
        fails("19 1 0x01 17 4624 1645575508916183 3447141868397572\n", 1, "truncated", "name type data");
        fails("$ cat qat\n19 1 0x01 17 4624 1 2\n\n\n", 2, "truncated");
    }

    @Test
    void somethingElseWhereTheColumnHeaderBelongs() {
        fails("19 1 0x01 17 4624 1 2\ncomp_requests 4 12\n", 2, "expected the column header", "line 1");
    }

    @Test
    void kstatThatIsNotNamed() {
        fails("3 0 0x00 1 256 1 2\nraw data\n", 1, "type 0 (raw)", "not a named kstat");
        fails("7 3 0x01 1 80 1 2\nnread nwritten reads writes\n", 1, "type 3 (io)");
        fails("7 12 0x01 1 80 1 2\n", 1, "type 12 (unknown)");
    }

    @Test
    void kidLineWithMissingFields() {
        fails("19 1 0x01 17 4624 1645575508916183\nname type data\n", 1, "expected 7 fields", "found 6");
        fails("19 1 0x01 17 x 1 2\nname type data\n", 1, "field 5", "\"x\"");
        fails("19 1 0x01 17 4624 99999999999999999999 2\nname type data\n", 1, "crtime", "out of range");
    }

    @Test
    void rowCutAfterTheName() {
        fails(HEAD + "comp_requests 4 12\ncomp_total_in\n", 4, "truncated row \"comp_total_in\"", "data type");
    }

    @Test
    void rowCutAfterTheType() {
        fails(HEAD + "comp_requests 4 12\ncomp_total_in_bytes             4    \n", 4,
                "truncated row \"comp_total_in_bytes\"", "uint64 value");
    }

    @Test
    void valueThatIsNotANumber() {
        fails(HEAD + "comp_requests 4 12ab\n", 3, "\"comp_requests\"", "\"12ab\"", "not a uint64 number");
        fails(HEAD + "comp_requests 4 -1\n", 3, "\"-1\"", "not a uint64 number");
        fails(HEAD + "comp_requests 4 12 34\n", 3, "\"12 34\"");
        fails(HEAD + "delta 3 --5\n", 3, "not an int64 number");
        fails(HEAD + "arabic 2 \u0661\u0662\n", 3, "not a uint32 number");
    }

    @Test
    void valueOutOfItsTypesRange() {
        fails(HEAD + "a 4 1\nb 4 18446744073709551616\n", 4, "\"b\"", "out of range for uint64",
                "18446744073709551615");
        fails(HEAD + "c 1 2147483648\n", 3, "out of range for int32");
        fails(HEAD + "c 1 -2147483649\n", 3, "out of range for int32");
        fails(HEAD + "c 2 4294967296\n", 3, "out of range for uint32");
        fails(HEAD + "c 3 9223372036854775808\n", 3, "out of range for int64");
        fails(HEAD + "c 4 " + "9".repeat(5000) + "\n", 3, "out of range for uint64", "...");
    }

    @Test
    void typeCodeThatIsNotOneOfSpls() {
        fails(HEAD + "comp_requests uint64 12\n", 3, "expected a data type code", "\"uint64\"");
        fails(HEAD + "comp_requests 9 12\n", 3, "unknown data type \"9\"");
        fails(HEAD + "comp_requests 12345678901234567890 12\n", 3, "unknown data type");
    }

    @Test
    void twoCapturesPastedTogether() {
        fails(HEAD + "comp_requests 4 12\n" + HEAD + "comp_requests 4 13\n", 4, "second kstat header");
        fails(HEAD + "comp_requests 4 12\nname type data\n", 4, "second kstat header");
    }

    @Test
    void crlfDoesNotShiftLineNumbers() {
        fails((HEAD + "a 4 1\nb 4 x\n").replace("\n", "\r\n"), 4, "\"x\"");
    }
}
