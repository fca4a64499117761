package org.qatwb.model.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qatwb.model.lint.LintFixtures.VF_ZFS;
import static org.qatwb.model.lint.LintFixtures.assertClean;
import static org.qatwb.model.lint.LintFixtures.assertFinding;
import static org.qatwb.model.lint.LintFixtures.assertMessage;
import static org.qatwb.model.lint.LintFixtures.assertNone;
import static org.qatwb.model.lint.LintFixtures.edit;
import static org.qatwb.model.lint.LintFixtures.lineOf;
import static org.qatwb.model.lint.LintFixtures.lint;
import static org.qatwb.model.lint.LintFixtures.single;
import static org.qatwb.model.lint.Severity.ERROR;
import static org.qatwb.model.lint.Severity.WARNING;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.conf.ConfDocument;

/** Repeated keys (first one wins) and repeated sections (merged). */
class DuplicateCheckTest {

    @Test
    void aRepeatedKeyIsAnErrorOnTheSecondLineAndTheFirstValueWins() {
        String text = edit(VF_ZFS, "Dc0CoreAffinity = 0", "Dc0CoreAffinity = 0\nCy0CoreAffinity = 7");
        List<Finding> fs = lint(text);
        Finding f = single(fs, "key.duplicate");
        int first = lineOf(text, "Cy0CoreAffinity = 0");
        assertFinding(f, "key.duplicate", ERROR, lineOf(text, "Cy0CoreAffinity = 7"), "KERNEL_QAT", "Cy0CoreAffinity");
        assertMessage(f, "line " + first, "'0'", "'7'", "delete one of the two lines");
        assertEquals("0", ConfDocument.parse(text).value("KERNEL_QAT", "Cy0CoreAffinity").orElseThrow());
    }

    @Test
    void firstWinsDecidesWhatTheOtherRulesSee() {
        // the administrator "fixed" the services by adding a second line below the first one
        String text = edit(VF_ZFS, "ServicesEnabled = cy;dc", "ServicesEnabled = dc\nServicesEnabled = cy;dc");
        List<Finding> fs = lint(text, "c6xxvf", 56);
        assertEquals(lineOf(text, "ServicesEnabled = cy;dc"), single(fs, "key.duplicate").line());
        Finding disabled = single(fs, "instance.service-disabled");
        assertEquals("NumberCyInstances", disabled.key());
        assertMessage(disabled, "ServicesEnabled = dc");
    }

    @Test
    void nearMissTheSameKeyInTwoSectionsIsNoDuplicate() {
        assertNone(lint(VF_ZFS), "key.duplicate"); // NumberCyInstances is in [KERNEL] and [KERNEL_QAT]
    }

    @Test
    void nearMissAnIgnoredEmptyLineDoesNotClaimTheKey() {
        String text = edit(VF_ZFS, "statsGeneral = 1", "statsGeneral =\nstatsGeneral = 1");
        List<Finding> fs = lint(text);
        assertNone(fs, "key.duplicate");
        assertEquals(lineOf(text, "statsGeneral ="), single(fs, "syntax.empty").line());
        assertEquals("1", ConfDocument.parse(text).value("GENERAL", "statsGeneral").orElseThrow());
    }

    @Test
    void aRepeatedSectionIsAWarningAndItsKeysAreMerged() {
        String text = VF_ZFS + "\n[KERNEL]\nNumberCyInstances = 4\n";
        List<Finding> fs = lint(text);
        Finding f = single(fs, "section.duplicate");
        int second = text.split("\n", -1).length - 2; // the header just before the last key line
        assertFinding(f, "section.duplicate", WARNING, second, "KERNEL", null);
        assertMessage(f, "[KERNEL]", "line " + lineOf(text, "[KERNEL]"), "join them into one section");
        // merged: the repeated key is a duplicate within the one section, and the first value counts
        Finding dup = single(fs, "key.duplicate");
        assertEquals(second + 1, dup.line());
        assertEquals("0", ConfDocument.parse(text).value("KERNEL", "NumberCyInstances").orElseThrow());
    }

    @Test
    void aKeyOnlyInTheSecondBlockOfASectionIsUsed() {
        String text = edit(VF_ZFS, "ServicesEnabled = cy;dc\n", "") + "\n[GENERAL]\nServicesEnabled = cy;dc\n";
        List<Finding> fs = lint(text, "c6xxvf", 56);
        assertEquals(1, fs.size(), () -> LintFixtures.describe(fs));
        single(fs, "section.duplicate");
    }

    @Test
    void nearMissDistinctSectionsAreClean() {
        assertClean(lint(VF_ZFS, "c6xxvf", 56));
    }
}
