package org.qatwb.model.lint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qatwb.model.lint.LintFixtures.VF_ZFS;
import static org.qatwb.model.lint.LintFixtures.assertClean;
import static org.qatwb.model.lint.LintFixtures.assertFinding;
import static org.qatwb.model.lint.LintFixtures.assertMessage;
import static org.qatwb.model.lint.LintFixtures.assertNone;
import static org.qatwb.model.lint.LintFixtures.edit;
import static org.qatwb.model.lint.LintFixtures.lineOf;
import static org.qatwb.model.lint.LintFixtures.lint;
import static org.qatwb.model.lint.LintFixtures.lint48;
import static org.qatwb.model.lint.LintFixtures.single;
import static org.qatwb.model.lint.LintFixtures.withRule;
import static org.qatwb.model.lint.Severity.ERROR;
import static org.qatwb.model.lint.Severity.WARNING;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.device.DriverRelease;

/** Line-level rules: what the driver's reader does with what the administrator typed. */
class SyntaxCheckTest {

    @Test
    void theBaseFixtureIsCleanForAZfsVf() {
        assertClean(lint(VF_ZFS, "c6xxvf", 56));
    }

    @Nested
    class Bom {

        private byte[] withBom(String text) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }

        @Test
        void aByteOrderMarkIsAnErrorOnLine1ButTheRestIsStillChecked() {
            String text = edit(VF_ZFS, "ConfigVersion = 2", "ConfigVersion = 3");
            ConfDocument doc = ConfDocument.parse(withBom(text));
            List<Finding> fs = ConfLinter.lint(doc, LintFixtures.ctx("c6xxvf", 56));
            Finding f = single(fs, "syntax.bom");
            assertFinding(f, "syntax.bom", ERROR, 1, null, null);
            assertMessage(f, "byte-order mark", "without BOM");
            // the rest of the file is read as text after the mark, so its own problems are still found
            assertEquals(lineOf(text, "ConfigVersion = 3"), single(fs, "general.config-version").line());
            assertNone(fs, "general.missing");
        }

        @Test
        void theMarkIsKeptWhenWritingBack() {
            byte[] bytes = withBom(VF_ZFS);
            assertArrayEquals(bytes, ConfDocument.parse(bytes).toBytes());
        }

        @Test
        void nearMissNoMarkNoFinding() {
            assertNone(ConfLinter.lint(ConfDocument.parse(VF_ZFS.getBytes(StandardCharsets.US_ASCII)),
                    LintFixtures.ctx("c6xxvf", 56)), "syntax.bom");
        }
    }

    @Nested
    class NoEquals {

        @Test
        void aKeyLineWithoutEqualsIsAnError() {
            String text = edit(VF_ZFS, "ServicesEnabled = cy;dc", "ServicesEnabled cy;dc");
            List<Finding> fs = lint(text);
            Finding f = single(fs, "syntax.no-equals");
            assertFinding(f, "syntax.no-equals", ERROR, 3, "GENERAL", null);
            assertMessage(f, "ServicesEnabled cy;dc", "no '='", "write 'Key = value'");
            // the driver stored it as a junk key, so the real key is missing
            assertEquals("ServicesEnabledcy;dc", ConfDocument.parse(text).value("GENERAL", "ServicesEnabledcy;dc").orElseThrow());
            assertEquals(lineOf(text, "[GENERAL]"), single(fs, "general.services").line());
        }

        @Test
        void nearMissCommentsBlankLinesAndEqualsWithoutSpaces() {
            String text = edit(VF_ZFS, "ServicesEnabled = cy;dc", "# ServicesEnabled cy\n\nServicesEnabled=cy;dc");
            assertClean(lint(text, "c6xxvf", 56));
        }
    }

    @Nested
    class IndentedSection {

        @Test
        void in48AnIndentedHeaderIsNotAHeaderAndItsKeysStayInThePreviousSection() {
            String text = edit(VF_ZFS, "[KERNEL_QAT]", "  [KERNEL_QAT]");
            List<Finding> fs = lint48(text);
            Finding f = single(fs, "syntax.indented-section");
            assertFinding(f, "syntax.indented-section", ERROR, lineOf(text, "  [KERNEL_QAT]"), "KERNEL", null);
            assertMessage(f, "[KERNEL_QAT]", "[KERNEL]", "4.24 and 4.28 trim leading blanks", "start the line with '['");
            assertNone(fs, "syntax.no-equals");
            ConfDocument doc = ConfDocument.parse(text, DriverRelease.R4_8);
            assertTrue(doc.section("KERNEL_QAT").isEmpty());
            // the driver keeps the first NumberCyInstances of [KERNEL] and ignores the moved ones
            assertEquals("0", doc.value("KERNEL", "NumberCyInstances").orElseThrow());
            assertEquals(2, withRule(fs, "key.duplicate").size());
        }

        @Test
        void in424And428AnIndentedHeaderIsAHeaderAndOnlyAPortabilityWarning() {
            String text = edit(VF_ZFS, "[KERNEL_QAT]", "  [KERNEL_QAT]");
            List<Finding> fs = lint(text, "c6xxvf", 56);
            Finding f = single(fs, "syntax.indented-section");
            assertFinding(f, "syntax.indented-section", WARNING, lineOf(text, "  [KERNEL_QAT]"), "KERNEL_QAT", null);
            assertMessage(f, "driver 4.28 reads it as a header", "4.8 reads it as a key", "start the line with '['");
            assertEquals(1, fs.size(), () -> LintFixtures.describe(fs));
            assertEquals("1", ConfDocument.parse(text).value("KERNEL_QAT", "NumberCyInstances").orElseThrow());
        }

        @Test
        void aTabIndentedHeaderIsIndentedToo() {
            String text = edit(VF_ZFS, "[KERNEL_QAT]", "\t[KERNEL_QAT]");
            assertEquals(lineOf(text, "\t[KERNEL_QAT]"), single(lint(text), "syntax.indented-section").line());
        }

        @Test
        void nearMissHeaderInColumn1WithTrailingComment() {
            String text = edit(VF_ZFS, "[KERNEL_QAT]", "[KERNEL_QAT] # for ZFS");
            List<Finding> fs = lint(text, "c6xxvf", 56);
            assertClean(fs);
            assertTrue(ConfDocument.parse(text).section("KERNEL_QAT").isPresent());
        }
    }

    @Nested
    class BadSection {

        @Test
        void aHeaderWithoutClosingBracketIsRejectedAndKeysGoToThePreviousSection() {
            String text = edit(VF_ZFS, "[KERNEL_QAT]", "[KERNEL_QAT");
            List<Finding> fs = lint(text);
            Finding f = single(fs, "syntax.bad-section");
            assertFinding(f, "syntax.bad-section", ERROR, lineOf(text, "[KERNEL_QAT"), null, null);
            assertMessage(f, "[KERNEL_QAT", "no ']'", "write [NAME]");
            assertTrue(ConfDocument.parse(text).section("KERNEL_QAT").isEmpty());
        }

        @Test
        void anEmptyNameIsRejected() {
            String text = edit(VF_ZFS, "[KERNEL_QAT]", "[ ]");
            assertEquals(lineOf(text, "[ ]"), single(lint(text), "syntax.bad-section").line());
        }

        @Test
        void nearMissSpacesInsideBracketsAreDeleted() {
            String text = edit(VF_ZFS, "[KERNEL_QAT]", "[ KERNEL_QAT ]");
            assertNone(lint(text), "syntax.bad-section");
            assertTrue(ConfDocument.parse(text).section("KERNEL_QAT").isPresent());
        }
    }

    @Nested
    class BeforeSection {

        @Test
        void aKeyBeforeAnySectionIsReportedOnceAtTheFirstSuchLine() {
            String text = "ConfigVersion = 2\nServicesEnabled = dc\n" + VF_ZFS;
            List<Finding> fs = lint(text);
            Finding f = single(fs, "syntax.before-section");
            assertFinding(f, "syntax.before-section", ERROR, 1, null, "ConfigVersion");
            assertMessage(f, "ConfigVersion = 2", "crashes", "move it below [GENERAL]");
        }

        @Test
        void nearMissCommentsAndBlankLinesBeforeTheFirstHeader() {
            assertClean(lint("# header comment\n\n#ConfigVersion = 2\n" + VF_ZFS, "c6xxvf", 56));
        }
    }

    @Nested
    class TooLong {

        @Test
        void aValueOf128CharactersIsAnError() {
            String name = "N".repeat(128);
            String text = edit(VF_ZFS, "Cy0Name = \"ZFS0\"", "Cy0Name = \"" + name + "\"");
            Finding f = single(lint(text), "syntax.too-long");
            assertFinding(f, "syntax.too-long", ERROR, lineOf(text, "Cy0Name = \"" + name + "\""), "KERNEL_QAT", "Cy0Name");
            assertMessage(f, "value", "128 characters", "at most 127", "shorten it");
        }

        @Test
        void aKeyOf128CharactersIsAnError() {
            String key = "K".repeat(128);
            String text = edit(VF_ZFS, "statsGeneral = 1", key + " = 1");
            Finding f = single(lint(text), "syntax.too-long");
            assertFinding(f, "syntax.too-long", ERROR, lineOf(text, key + " = 1"), "GENERAL", key);
            assertMessage(f, "key", "128 characters", "shorten it");
        }

        @Test
        void aSectionNameOf128CharactersIsAnError() {
            String name = "S".repeat(128);
            String text = VF_ZFS + "[" + name + "]\nNumberCyInstances = 0\n";
            Finding f = single(lint(text), "syntax.too-long");
            assertFinding(f, "syntax.too-long", ERROR, lineOf(text, "[" + name + "]"), name, null);
            assertMessage(f, "section name", "128 characters", "shorten it");
        }

        @Test
        void nearMiss127CharactersIsAllowed() {
            String text = edit(VF_ZFS, "Cy0Name = \"ZFS0\"", "Cy0Name = \"" + "N".repeat(127) + "\"");
            text = edit(text, "statsGeneral = 1", "K".repeat(127) + " = 1\nstatsGeneral = 1");
            assertNone(lint(text), "syntax.too-long");
        }
    }

    @Nested
    class Tab {

        @Test
        void aTabInAKeyIsKeptByTheDriverSoTheKeyDoesNotMatch() {
            String text = edit(VF_ZFS, "NumberCyInstances = 1", "NumberCyInstances\t= 1");
            List<Finding> fs = lint48(text);
            Finding f = single(fs, "syntax.tab");
            assertFinding(f, "syntax.tab", WARNING, lineOf(text, "NumberCyInstances\t= 1"), "KERNEL_QAT",
                    "NumberCyInstances\t");
            assertMessage(f, "NumberCyInstances\\t= 1", "use spaces");
            // tabs are kept: the driver sees no NumberCyInstances, so Cy0's keys are orphans
            assertTrue(ConfDocument.parse(text, DriverRelease.R4_8).value("KERNEL_QAT", "NumberCyInstances").isEmpty());
            // 4.24 and 4.28 delete tabs like spaces: the same warning, but the key is read as meant
            assertEquals("1", ConfDocument.parse(text).value("KERNEL_QAT", "NumberCyInstances").orElseThrow());
            assertEquals(1, withRule(lint(text), "syntax.tab").size());
            assertEquals(3, withRule(fs, "instance.orphan-key").size());
        }

        @Test
        void aTabInAValueIsKeptToo() {
            String text = edit(VF_ZFS, "Dc0CoreAffinity = 0", "Dc0CoreAffinity =\t0");
            assertEquals("\t0", ConfDocument.parse(text, DriverRelease.R4_8).value("KERNEL_QAT", "Dc0CoreAffinity")
                    .orElseThrow());
            assertEquals("0", ConfDocument.parse(text).value("KERNEL_QAT", "Dc0CoreAffinity").orElseThrow());
            Finding f = single(lint(text), "syntax.tab");
            assertEquals(lineOf(text, "Dc0CoreAffinity =\t0"), f.line());
        }

        @Test
        void aTabInASectionHeaderIsReported() {
            String text = edit(VF_ZFS, "[KERNEL]", "[KERNEL]\t");
            Finding f = single(lint(text), "syntax.tab");
            assertFinding(f, "syntax.tab", WARNING, lineOf(text, "[KERNEL]\t"), "KERNEL", null);
        }

        @Test
        void nearMissTabsInCommentsAreHarmless() {
            String text = edit(VF_ZFS, "statsGeneral = 1", "#\ta\tcomment\nstatsGeneral = 1");
            assertNone(lint(text), "syntax.tab");
        }
    }

    @Nested
    class InlineComment {

        @Test
        void aHashAfterTheValueCutsIt() {
            String text = edit(VF_ZFS, "ServicesEnabled = cy;dc", "ServicesEnabled = dc # ;cy later");
            List<Finding> fs = lint(text);
            Finding f = single(fs, "syntax.inline-comment");
            assertFinding(f, "syntax.inline-comment", WARNING, 3, "GENERAL", "ServicesEnabled");
            assertMessage(f, "'dc'", "# ;cy later", "put comments on a line of their own");
            assertEquals("dc", ConfDocument.parse(text).value("GENERAL", "ServicesEnabled").orElseThrow());
            // and the cut matters: the Cy instance now has no service
            assertEquals(lineOf(text, "NumberCyInstances = 1"), single(fs, "instance.service-disabled").line());
        }

        @Test
        void aHashInsideQuotesStillCutsTheValue() {
            String text = edit(VF_ZFS, "Cy0Name = \"ZFS0\"", "Cy0Name = \"ZFS#0\"");
            assertEquals("\"ZFS", ConfDocument.parse(text).value("KERNEL_QAT", "Cy0Name").orElseThrow());
            assertMessage(single(lint(text), "syntax.inline-comment"), "'\"ZFS'");
        }

        @Test
        void aHashBeforeTheEqualsCutsTheKeyButTheLineStillCounts() {
            String text = edit(VF_ZFS, "statsGeneral = 1", "statsGeneral #= 0");
            assertEquals("0", ConfDocument.parse(text).value("GENERAL", "statsGeneral").orElseThrow());
            List<Finding> fs = lint(text);
            Finding f = single(fs, "syntax.inline-comment");
            assertFinding(f, "syntax.inline-comment", WARNING, lineOf(text, "statsGeneral #= 0"), "GENERAL", "statsGeneral");
            assertMessage(f, "statsGeneral = '0'", "start it with '#' in column 1");
            assertNone(fs, "syntax.spaces-in-key");
        }

        @Test
        void nearMissWholeLineComments() {
            String text = edit(VF_ZFS, "statsGeneral = 1", "# statsGeneral = 0 # off\nstatsGeneral = 1");
            assertNone(lint(text), "syntax.inline-comment");
        }
    }

    @Nested
    class SpacesInValue {

        @Test
        void innerSpacesAreDeleted() {
            String text = edit(VF_ZFS, "Cy0Name = \"ZFS0\"", "Cy0Name = \"SSL 0\"");
            assertEquals("SSL0", ConfDocument.parse(text).value("KERNEL_QAT", "Cy0Name").orElseThrow());
            Finding f = single(lint(text), "syntax.spaces-in-value");
            assertFinding(f, "syntax.spaces-in-value", WARNING, lineOf(text, "Cy0Name = \"SSL 0\""), "KERNEL_QAT",
                    "Cy0Name");
            assertMessage(f, "\"SSL 0\"", "'SSL0'", "write it without spaces");
        }

        @Test
        void spacesInAServicesListAreDeletedToo() {
            String text = edit(VF_ZFS, "ServicesEnabled = cy;dc", "ServicesEnabled = cy; dc");
            List<Finding> fs = lint(text, "c6xxvf", 56);
            assertMessage(single(fs, "syntax.spaces-in-value"), "'cy;dc'");
            assertNone(fs, "general.services");
        }

        @Test
        void nearMissSpacesAroundEqualsAndAtTheEnd() {
            assertNone(lint(edit(VF_ZFS, "Cy0Name = \"ZFS0\"", "Cy0Name   =   \"ZFS0\"   ")), "syntax.spaces-in-value");
            assertNone(lint(edit(VF_ZFS, "Cy0Name = \"ZFS0\"", "Cy0Name = \"ZFS0\"   # name")), "syntax.spaces-in-value");
        }
    }

    @Nested
    class SpacesInKey {

        @Test
        void innerSpacesOfAKeyAreDeleted() {
            String text = edit(VF_ZFS, "statsGeneral = 1", "stats General = 1");
            Finding f = single(lint(text), "syntax.spaces-in-key");
            assertFinding(f, "syntax.spaces-in-key", WARNING, lineOf(text, "stats General = 1"), "GENERAL", "statsGeneral");
            assertMessage(f, "'stats General'", "'statsGeneral'", "without spaces");
        }

        @Test
        void nearMissIndentedKeyWithSpaces() {
            assertNone(lint(edit(VF_ZFS, "statsGeneral = 1", "   statsGeneral = 1")), "syntax.spaces-in-key");
        }
    }

    @Nested
    class Empty {

        @Test
        void anEmptyValueIsIgnoredByTheDriver() {
            String text = edit(VF_ZFS, "DcIntermediateBufferSizeInKB = 64", "DcIntermediateBufferSizeInKB =");
            List<Finding> fs = lint(text);
            Finding f = single(fs, "syntax.empty");
            assertFinding(f, "syntax.empty", ERROR, lineOf(text, "DcIntermediateBufferSizeInKB ="), "GENERAL",
                    "DcIntermediateBufferSizeInKB");
            assertMessage(f, "empty value for DcIntermediateBufferSizeInKB", "ignores the line", "complete or remove it");
            assertTrue(ConfDocument.parse(text).value("GENERAL", "DcIntermediateBufferSizeInKB").isEmpty());
        }

        @Test
        void anEmptyKeyIsIgnoredByTheDriver() {
            String text = edit(VF_ZFS, "statsGeneral = 1", "= 1");
            Finding f = single(lint(text), "syntax.empty");
            assertFinding(f, "syntax.empty", ERROR, lineOf(text, "= 1"), "GENERAL", null);
            assertMessage(f, "'= 1'", "empty key", "complete or remove it");
        }

        @Test
        void aValueCutToNothingByAHashIsEmpty() {
            String text = edit(VF_ZFS, "ServicesEnabled = cy;dc", "ServicesEnabled = # cy;dc");
            List<Finding> fs = lint(text);
            Finding f = single(fs, "syntax.empty");
            assertMessage(f, "empty value for ServicesEnabled", "'#'");
            assertMessage(single(fs, "general.services"), "missing");
        }

        @Test
        void emptyQuotesBeforeACommentAreNotBlamedOnTheHash() {
            String text = edit(VF_ZFS, "Cy0Name = \"ZFS0\"", "Cy0Name = \"\" # to do");
            Finding f = single(lint(text), "syntax.empty");
            assertMessage(f, "empty value for Cy0Name");
            assertFalse(f.message().contains("'#' starts"), f.message());
        }

        @Test
        void nearMissZeroIsAValue() {
            assertNone(lint(edit(VF_ZFS, "statsGeneral = 1", "statsGeneral = 0")), "syntax.empty");
        }
    }

    @Nested
    class IndentedComments {

        @Test
        void aSpaceIndentedCommentIsIgnoredByTheDriverNotAKeyLine() {
            String text = edit(VF_ZFS, "statsGeneral = 1", "statsGeneral = 1\n    # tuned for ZFS\n    # statsDc = 1");
            assertClean(lint(text, "c6xxvf", 56));
            assertFalse(ConfDocument.parse(text).section("GENERAL").orElseThrow().effective().containsKey(""));
        }

        @Test
        void aTabIndentedCommentIsOnlyATabWarningNotADuplicateKey() {
            String text = edit(VF_ZFS, "statsGeneral = 1", "statsGeneral = 1\n\t# one\n\t# two");
            // 4.24/4.28 skip the trimmed comment; the warning says 4.8 would store it as a key
            List<Finding> newer = lint(text, "c6xxvf", 56);
            assertEquals(2, withRule(newer, "syntax.tab").size(), () -> LintFixtures.describe(newer));
            assertEquals(2, newer.size(), () -> LintFixtures.describe(newer));
            assertMessage(newer.get(0), "4.8 keeps the tab", "start comments in column 1");
            List<Finding> fs = ConfLinter.lint(ConfDocument.parse(text, DriverRelease.R4_8),
                    LintFixtures.ctx("c6xxvf", 56).withRelease(DriverRelease.R4_8));
            assertEquals(2, withRule(fs, "syntax.tab").size(), () -> LintFixtures.describe(fs));
            assertEquals(2, fs.size(), () -> LintFixtures.describe(fs));
            Finding f = withRule(fs, "syntax.tab").get(0);
            assertFinding(f, "syntax.tab", WARNING, lineOf(text, "\t# one"), "GENERAL", null);
            assertMessage(f, "# one", "start comments in column 1");
        }

        @Test
        void nearMissAnIndentedKeyWithACommentIsStillAKey() {
            String text = edit(VF_ZFS, "statsGeneral = 1", "    statsGeneral = 0 # off");
            List<Finding> fs = lint(text);
            assertEquals("0", ConfDocument.parse(text).value("GENERAL", "statsGeneral").orElseThrow());
            assertEquals(lineOf(text, "    statsGeneral = 0 # off"), single(fs, "syntax.inline-comment").line());
        }
    }

    @Nested
    class Crlf {

        private String crlf(String text) {
            return text.replace("\n", "\r\n");
        }

        @Test
        void aCrlfFileIsReadLikeItsLfTwin() {
            String text = crlf(VF_ZFS);
            assertClean(lint(text, "c6xxvf", 56));
            assertEquals("cy;dc", ConfDocument.parse(text).value("GENERAL", "ServicesEnabled").orElseThrow());
        }

        @Test
        void findingsInACrlfFileHaveTheSameLinesAsInLf() {
            String lf = edit(VF_ZFS, "Dc0CoreAffinity = 0", "Dc0CoreAffinity = 0\nCy0CoreAffinity = 5");
            Finding inLf = single(lint(lf), "key.duplicate");
            Finding inCrlf = single(lint(crlf(lf)), "key.duplicate");
            assertEquals(lineOf(lf, "Cy0CoreAffinity = 5"), inLf.line());
            assertEquals(inLf.line(), inCrlf.line());
            assertEquals(inLf.message(), inCrlf.message());
        }
    }

    @Test
    void terminalControlCharactersFromTheFileAreEscapedInEveryMessage() {
        String text = LintFixtures.edit(LintFixtures.VF_ZFS, "ConfigVersion = 2", "ConfigVersion = \u001b[31m3");
        for (Finding f : LintFixtures.lint(text)) {
            assertTrue(f.message().chars().noneMatch(Character::isISOControl), f.message());
        }
        assertTrue(LintFixtures.lint(text).stream().anyMatch(f -> f.message().contains("\\u001b[31m3")));
    }
}
