package org.qatwb.model.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qatwb.model.device.DriverRelease;

/** The reader reproduces adf_ctl's grammar (DOMAIN.md section 4), quirk by quirk. */
class ConfDocumentTest {

    private static ConfDocument doc(String text) {
        return ConfDocument.parse(text);
    }

    @Test
    void readsSectionsKeysAndValuesWithLineNumbers() {
        ConfDocument d = doc("""
                # comment
                [GENERAL]
                ServicesEnabled = cy;dc
                ConfigVersion = 2

                [KERNEL_QAT]
                NumberDcInstances = 1
                """);
        assertEquals(List.of("GENERAL", "KERNEL_QAT"), d.sections().stream().map(ConfSection::name).toList());
        assertEquals(Optional.of("cy;dc"), d.value("GENERAL", "ServicesEnabled"));
        assertEquals(3, d.section("GENERAL").orElseThrow().entry("ServicesEnabled").orElseThrow().number());
        assertInstanceOf(ConfLine.Comment.class, d.line(1));
        assertInstanceOf(ConfLine.Blank.class, d.line(5));
        assertEquals(7, d.lines().size());
    }

    @Test
    void inlineHashCutsKeyAndValue() {
        ConfDocument d = doc("[S]\nCy0Name = SSL#1\nNumProcesses = 4 # four\n");
        assertEquals(Optional.of("SSL"), d.value("S", "Cy0Name"));
        assertEquals(Optional.of("4"), d.value("S", "NumProcesses"));
    }

    @Test
    void spacesAreDeletedEverywhereButTabsStayIn48() {
        String text = "[S]\nCy0Name = \"SSL 0\"\nNumber Cy Instances = 1\nDc0Name =\tDc\t\n";
        ConfDocument d = ConfDocument.parse(text, DriverRelease.R4_8);
        assertEquals(Optional.of("SSL0"), d.value("S", "Cy0Name"));
        assertEquals(Optional.of("1"), d.value("S", "NumberCyInstances"));
        assertEquals(Optional.of("\tDc\t"), d.value("S", "Dc0Name"));
        // 4.24 and 4.28: utils.cpp remove_whitespaces erases tabs too
        for (DriverRelease r : List.of(DriverRelease.R4_24, DriverRelease.R4_28)) {
            assertEquals(Optional.of("Dc"), ConfDocument.parse(text, r).value("S", "Dc0Name"), r.label());
        }
        assertEquals(DriverRelease.NEWEST, doc(text).release(), "the newest release unless told");
    }

    @Test
    void surroundingQuotesAreStrippedOnlyAsAPair() {
        ConfDocument d = doc("[S]\nA = \"x\"\nB = \"x\nC = x\"\nD = \"\"\nE = \"\n");
        assertEquals(Optional.of("x"), d.value("S", "A"));
        assertEquals(Optional.of("\"x"), d.value("S", "B"));
        assertEquals(Optional.of("x\""), d.value("S", "C"));
        assertEquals(Optional.empty(), d.value("S", "D"), "empty after stripping: not stored");
        assertEquals(Optional.empty(), d.value("S", "E"), "a lone quote strips to empty");
    }

    @Test
    void firstDuplicateWinsAndDuplicateSectionsMerge() {
        ConfDocument d = doc("[S]\nA = 1\n[T]\nB = 2\n[S]\nA = 3\nC = 4\n");
        ConfSection s = d.section("S").orElseThrow();
        assertEquals(Optional.of("1"), s.value("A"));
        assertEquals(Optional.of("4"), s.value("C"));
        assertEquals(2, s.headers().size());
        assertEquals(3, s.entries().size());
        assertEquals(2, s.effective().size());
    }

    @Test
    void in48OnlyAFirstColumnBracketStartsASection() {
        ConfDocument d = ConfDocument.parse("[S]\nA = 1\n  [T]\nB = 2\n", DriverRelease.R4_8);
        assertTrue(d.section("T").isEmpty());
        ConfLine.Entry indented = assertInstanceOf(ConfLine.Entry.class, d.line(3));
        assertEquals("S", indented.section());
        assertEquals("[T]", indented.key(), "no '=': the whole cleaned line is the key");
        assertEquals(Optional.of("2"), d.value("S", "B"), "keys after an indented header stay in the previous section");
    }

    @Test
    void in424And428LeadingBlanksAreTrimmedSoAnIndentedHeaderOrCommentIsOne() {
        // ini_config.cpp config::read_ini calls utils::trim_left (spaces and tabs) before looking at the first character
        String text = "[S]\nA = 1\n \t[KERNEL_QAT]\nB = 2\n\t# note = x\n   \n";
        for (DriverRelease r : List.of(DriverRelease.R4_24, DriverRelease.R4_28)) {
            ConfDocument d = ConfDocument.parse(text, r);
            assertEquals("KERNEL_QAT", assertInstanceOf(ConfLine.SectionHeader.class, d.line(3)).name(), r.label());
            assertEquals(Optional.of("2"), d.value("KERNEL_QAT", "B"), r.label());
            assertInstanceOf(ConfLine.Comment.class, d.line(5), r.label());
            assertInstanceOf(ConfLine.Blank.class, d.line(6), r.label());
            assertEquals(text, d.text(), "every byte kept");
        }
        ConfDocument old = ConfDocument.parse(text, DriverRelease.R4_8);
        assertEquals(Optional.of("2"), old.value("S", "B"));
        assertEquals(text, old.readAs(DriverRelease.R4_24).text());
        assertEquals(Optional.of("2"), old.readAs(DriverRelease.R4_24).value("KERNEL_QAT", "B"));
    }

    @Test
    void aHeaderWithoutClosingBracketKeepsThePreviousSection() {
        ConfDocument d = doc("[S]\n[T\nA = 1\n[]\nB = 2\n[ U ] trailing\nC = 3\n");
        assertNull(assertInstanceOf(ConfLine.SectionHeader.class, d.line(2)).name());
        assertNull(assertInstanceOf(ConfLine.SectionHeader.class, d.line(4)).name());
        assertEquals(Optional.of("1"), d.value("S", "A"));
        assertEquals(Optional.of("2"), d.value("S", "B"));
        assertEquals(Optional.of("3"), d.value("U", "C"), "spaces in the name are deleted, text after ']' ignored");
    }

    @Test
    void aLineWithoutEqualsIsKeyAndValueAtOnce() {
        ConfDocument d = doc("[S]\nLimitDevAccess\n");
        ConfLine.Entry e = assertInstanceOf(ConfLine.Entry.class, d.line(2));
        assertFalse(e.hasEquals());
        assertEquals(Optional.of("LimitDevAccess"), d.value("S", "LimitDevAccess"));
    }

    @Test
    void emptyKeyOrValueIsNotStored() {
        // 4.8: a line of spaces is a key line with nothing in it (4.24 trims it to an empty, skipped line)
        ConfDocument d = ConfDocument.parse("[S]\nA =\n= 1\nB = # nothing\n   \n", DriverRelease.R4_8);
        ConfSection s = d.section("S").orElseThrow();
        assertEquals(4, s.entries().size());
        assertTrue(s.effective().isEmpty());
        assertTrue(assertInstanceOf(ConfLine.Entry.class, d.line(5)).spacesOnly());
    }

    @Test
    void keysBeforeAnySectionHaveNoSection() {
        ConfDocument d = doc("A = 1\n[S]\n");
        assertNull(assertInstanceOf(ConfLine.Entry.class, d.line(1)).section());
    }

    @Test
    void crlfAndLoneCarriageReturns() {
        ConfDocument d = doc("[S]\r\nA = 1\r\n\r\n\rB = 2\r\nC = 3\r\r\n");
        assertEquals(Optional.of("1"), d.value("S", "A"));
        assertInstanceOf(ConfLine.Blank.class, d.line(3));
        assertInstanceOf(ConfLine.Blank.class, d.line(4), "a line starting with CR is skipped by the driver");
        assertEquals(Optional.of("3"), d.value("S", "C"));
        assertEquals("\r\n", d.dominantEol());
    }

    @Test
    void aByteOrderMarkIsKeptButDoesNotHideTheFirstHeader() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', 'S', ']', '\n', 'A', '=', '1', '\n'};
        ConfDocument d = ConfDocument.parse(bytes);
        assertTrue(d.hasBom());
        assertEquals(Optional.of("1"), d.value("S", "A"));
        assertEquals(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1), d.text());
    }

    @Test
    void valuesAreTypedByShapeAsTheDriverDoes() {
        assertEquals(ConfGrammar.ValueType.DECIMAL, ConfGrammar.typeOf("512"));
        assertEquals(ConfGrammar.ValueType.HEX, ConfGrammar.typeOf("0x1F"));
        assertEquals(ConfGrammar.ValueType.STRING, ConfGrammar.typeOf("0x"));
        assertEquals(ConfGrammar.ValueType.STRING, ConfGrammar.typeOf("0xG1"));
        assertEquals(ConfGrammar.ValueType.STRING, ConfGrammar.typeOf("cy;dc"));
        assertEquals(ConfGrammar.ValueType.STRING, ConfGrammar.typeOf("12345678901234567890"), "longer than a long");
        assertEquals(ConfGrammar.ValueType.STRING, ConfGrammar.typeOf("0x12345678901234567"));
        assertEquals(-1, ConfGrammar.decimal("9999999999999999999"));
        assertEquals(64, ConfGrammar.decimal("64"));
    }

    @Test
    void emptyInputIsAnEmptyDocument() {
        ConfDocument d = doc("");
        assertTrue(d.lines().isEmpty());
        assertTrue(d.sections().isEmpty());
        assertEquals("", d.text());
    }
}
