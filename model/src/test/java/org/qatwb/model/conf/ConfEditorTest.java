package org.qatwb.model.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Edits change only the lines they must, keeping each file's own style. */
class ConfEditorTest {

    private static final String VF = """
            # a VF for ZFS
            [GENERAL]
            ServicesEnabled = cy;dc
            ConfigVersion = 2

            [KERNEL_QAT]
            NumberCyInstances = 1
            NumberDcInstances = 1

            Cy0Name = "IPSec0"
            Cy0IsPolled = 1
            Cy0CoreAffinity = 0

            Dc0Name = "Dc0"
            Dc0IsPolled = 1
            Dc0CoreAffinity = 0

            [SSL]
            NumberCyInstances = 0
            NumberDcInstances = 0
            """;

    private static ConfEditor editor(String text) {
        return new ConfEditor(ConfDocument.parse(text));
    }

    /** Lines of the result that are not in the input, and input lines that are gone, sorted. */
    private static List<String> changed(String before, String after) {
        List<String> a = new ArrayList<>(List.of(before.split("\n", -1)));
        List<String> b = new ArrayList<>(List.of(after.split("\n", -1)));
        List<String> out = new ArrayList<>();
        for (String line : b) {
            if (!a.remove(line)) {
                out.add("+" + line);
            }
        }
        for (String line : a) {
            out.add("-" + line);
        }
        out.sort(null);
        return out;
    }

    private static List<String> sorted(String... lines) {
        List<String> l = new ArrayList<>(List.of(lines));
        l.sort(null);
        return l;
    }

    @Test
    void setRewritesOnlyTheValueOfTheFirstLine() {
        String out = editor(VF).set("KERNEL_QAT", "Cy0IsPolled", "0").toDocument().text();
        assertEquals(sorted("+Cy0IsPolled = 0", "-Cy0IsPolled = 1"), changed(VF, out));
    }

    @Test
    void setKeepsSpacingQuotesAndInlineComment() {
        String in = "[S]\nCy0Name   =  \"Old\"   # keep me\r\nX=1\n";
        String out = editor(in).set("S", "Cy0Name", "New").set("S", "X", "2").toDocument().text();
        assertEquals("[S]\nCy0Name   =  \"New\"   # keep me\r\nX=2\n", out);
    }

    @Test
    void setFillsAnEmptyValue() {
        assertEquals("[S]\nA = 5 # c\n", editor("[S]\nA =# c\n").set("S", "A", "5").toDocument().text());
        assertEquals("[S]\nA = 5\n", editor("[S]\nA =\n").set("S", "A", "5").toDocument().text());
    }

    @Test
    void setReplacesTabsAroundAValueBecauseTheDriverWouldKeepThem() {
        ConfDocument d = editor("[S]\nA =\t1\t\n").set("S", "A", "2").toDocument();
        assertEquals(Optional.of("2"), d.value("S", "A"));
    }

    @Test
    void setAddsAMissingKeyAtTheEndOfItsSectionWithTheFilesLineEnding() {
        String in = "[A]\r\nX = 1\r\n\r\n[B]\r\nY = 2\r\n";
        String out = editor(in).set("A", "Z", "3").toDocument().text();
        assertEquals("[A]\r\nX = 1\r\nZ = 3\r\n\r\n[B]\r\nY = 2\r\n", out);
    }

    @Test
    void setOnAFileWithoutFinalNewlineKeepsItWithout() {
        assertEquals("[A]\nX = 1\nZ = 3", editor("[A]\nX = 1").set("A", "Z", "3").toDocument().text());
    }

    @Test
    void setAddsToTheLastBlockOfAMergedSection() {
        String out = editor("[A]\nX = 1\n[B]\n[A]\nY = 2\n[C]\n").set("A", "Z", "3").toDocument().text();
        assertEquals("[A]\nX = 1\n[B]\n[A]\nY = 2\nZ = 3\n[C]\n", out);
    }

    @Test
    void removeDeletesEveryOccurrenceSoNoIgnoredDuplicateTakesOver() {
        ConfDocument d = editor("[S]\nA = 1\nB = 2\nA = 3\n").remove("S", "A").toDocument();
        assertEquals("[S]\nB = 2\n", d.text());
        assertEquals(Optional.empty(), d.value("S", "A"));
    }

    @Test
    void addSectionAppendsAfterABlankLineAndIsIdempotent() {
        String out = editor("[A]\nX = 1\n").addSection("KERNEL_QAT").addSection("KERNEL_QAT").toDocument().text();
        assertEquals("[A]\nX = 1\n\n[KERNEL_QAT]\n", out);
        assertEquals("[A]\nX = 1\n\n[B]", editor("[A]\nX = 1").addSection("B").toDocument().text());
    }

    @Test
    void addInstanceAppendsABlockAndRaisesTheCount() {
        ConfEditor e = editor(VF);
        int n = e.addInstance("KERNEL_QAT", InstanceKind.DC, "Dc1", 0, 7);
        ConfDocument d = e.toDocument();
        assertEquals(1, n);
        assertEquals(Optional.of("2"), d.value("KERNEL_QAT", "NumberDcInstances"));
        assertEquals(Optional.of("Dc1"), d.value("KERNEL_QAT", "Dc1Name"));
        assertEquals(Optional.of("0"), d.value("KERNEL_QAT", "Dc1IsPolled"));
        assertEquals(Optional.of("7"), d.value("KERNEL_QAT", "Dc1CoreAffinity"));
        assertEquals(sorted("+NumberDcInstances = 2", "+", "+Dc1Name = \"Dc1\"", "+Dc1IsPolled = 0",
                "+Dc1CoreAffinity = 7", "-NumberDcInstances = 1"), changed(VF, d.text()));
        int dc1 = d.section("KERNEL_QAT").orElseThrow().entry("Dc1Name").orElseThrow().number();
        assertTrue(dc1 < d.section("SSL").orElseThrow().firstHeader().number(), "inside [KERNEL_QAT]");
    }

    @Test
    void addInstanceToASectionWithoutCountAddsTheCount() {
        ConfDocument d = new ConfEditor(ConfDocument.parse("[KERNEL_QAT]\n")).apply(
                new ConfEdit.AddInstance("KERNEL_QAT", InstanceKind.CY, "Cy0", 0, 3)).toDocument();
        assertEquals("[KERNEL_QAT]\nNumberCyInstances = 1\n\nCy0Name = \"Cy0\"\nCy0IsPolled = 0\nCy0CoreAffinity = 3\n",
                d.text());
    }

    @Test
    void addInstanceReusesLeftoverLinesOfTheSameIndex() {
        String in = "[S]\nNumberDcInstances = 0\nDc0Name = \"Old\"\nDc0IsPolled = 1\n";
        ConfDocument d = editor(in).apply(new ConfEdit.AddInstance("S", InstanceKind.DC, "New", 0, 2)).toDocument();
        assertEquals("[S]\nNumberDcInstances = 1\nDc0Name = \"New\"\nDc0IsPolled = 0\nDc0CoreAffinity = 2\n", d.text());
    }

    @Test
    void removeInstanceRenumbersTheOnesAboveAndClosesTheGap() {
        String in = """
                [S]
                NumberCyInstances = 3

                Cy0Name = "A"
                Cy0IsPolled = 0
                Cy0CoreAffinity = 0

                Cy1Name = "B"
                Cy1IsPolled = 0
                Cy1CoreAffinity = 1

                Cy2Name = "C"
                Cy2IsPolled = 0
                Cy2CoreAffinity = 2
                """;
        ConfDocument d = editor(in).apply(new ConfEdit.RemoveInstance("S", InstanceKind.CY, 1)).toDocument();
        assertEquals("""
                [S]
                NumberCyInstances = 2

                Cy0Name = "A"
                Cy0IsPolled = 0
                Cy0CoreAffinity = 0

                Cy1Name = "C"
                Cy1IsPolled = 0
                Cy1CoreAffinity = 2
                """, d.text());
    }

    @Test
    void removeTheLastInstanceLeavesNoDoubleBlank() {
        ConfDocument d = editor(VF).removeInstance("KERNEL_QAT", InstanceKind.DC, 0).toDocument();
        assertTrue(!d.text().contains("\n\n\n"), d.text());
        assertEquals(Optional.of("0"), d.value("KERNEL_QAT", "NumberDcInstances"));
        assertTrue(d.value("KERNEL_QAT", "Dc0Name").isEmpty());
    }

    @Test
    void untouchedLinesStayByteIdenticalInACrlfFileWithTabsAndTrailingSpaces() {
        String in = "#\tcomment \r\n[GENERAL]\r\nServicesEnabled = dc  \r\nConfigVersion\t= 2\r\n[KERNEL_QAT]\r\n"
                + "NumberDcInstances = 0\r\n";
        ConfEditor e = editor(in);
        e.set("GENERAL", "ServicesEnabled", "cy;dc");
        e.addInstance("KERNEL_QAT", InstanceKind.DC, "Dc0", 0, 1);
        String out = e.toDocument().text();
        assertTrue(out.startsWith("#\tcomment \r\n[GENERAL]\r\nServicesEnabled = cy;dc  \r\nConfigVersion\t= 2\r\n"), out);
        assertTrue(out.endsWith("Dc0CoreAffinity = 1\r\n"));
        assertTrue(!out.replace("\r\n", "").contains("\n"), "every added line uses CRLF");
    }

    @Test
    void renumberingKeepsACommentBeforeTheEqualsSignAndLeavesLookAlikeKeysAlone() {
        String in = "[S]\nNumberCyInstances = 2\nCy0Name = a\nCy0IsPolled = 0\nCy0CoreAffinity = 0\n"
                + "Cy1Name # note = b\nCy1IsPolled = 0\nCy1CoreAffinity = 1\nCy01Name = other\n";
        String out = editor(in).removeInstance("S", InstanceKind.CY, 0).toDocument().text();
        assertTrue(out.contains("Cy0Name # note = b\n"), out);
        assertTrue(out.contains("Cy01Name = other\n"), "the driver reads Cy01Name as its own key: " + out);
    }

    @Test
    void hexCountsAreCountsAsTheDriverReadsThem() {
        ConfDocument d = editor("[S]\nNumberDcInstances = 0x0\n").apply(
                new ConfEdit.AddInstance("S", InstanceKind.DC, "Dc0", 0, 1)).toDocument();
        assertEquals(Optional.of("1"), d.value("S", "NumberDcInstances"));
    }

    @Test
    void invalidInputIsRefusedBeforeAnythingChanges() {
        ConfEditor e = editor(VF);
        assertThrows(IllegalArgumentException.class, () -> e.set("KERNEL_QAT", "Cy0Name", "two words"));
        assertThrows(IllegalArgumentException.class, () -> e.set("KERNEL_QAT", "Cy0Name", "a#b"));
        assertThrows(IllegalArgumentException.class, () -> e.set("KERNEL_QAT", "Cy0Name", "q\"uote"));
        assertThrows(IllegalArgumentException.class, () -> e.set("KERNEL_QAT", "Cy0Name", ""));
        assertThrows(IllegalArgumentException.class, () -> e.set("KERNEL_QAT", "Cy0Name", "x".repeat(128)));
        assertThrows(IllegalArgumentException.class, () -> e.set("KERNEL_QAT", "Bad Key", "1"));
        assertThrows(IllegalArgumentException.class, () -> e.set("NOPE", "A", "1"));
        assertThrows(IllegalArgumentException.class, () -> e.addSection("A]B"));
        assertThrows(IllegalArgumentException.class, () -> e.removeInstance("KERNEL_QAT", InstanceKind.CY, 1));
        assertThrows(IllegalArgumentException.class, () -> e.addInstance("KERNEL_QAT", InstanceKind.CY, "C", 3, 0));
        assertThrows(IllegalArgumentException.class, () -> e.addInstance("KERNEL_QAT", InstanceKind.CY, "C", 0, -1));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> e.set("KERNEL_QAT", "Cy0Name", "caf\u00e9"));
        assertTrue(ex.getMessage().contains("Cy0Name"), ex.getMessage());
        assertEquals(VF, e.toDocument().text());
    }
}
