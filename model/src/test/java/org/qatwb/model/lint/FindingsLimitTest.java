package org.qatwb.model.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A file of many bad lines keeps memory to the limit: the first findings, and a count of the rest. */
class FindingsLimitTest {

    @Test
    void pastTheLimitTheFindingsAreCountedInOneError() {
        List<Finding> fs = LintFixtures.lint("[GENERAL]\n" + "a\n".repeat(100_000));
        assertEquals(Findings.MAX + 1, fs.size());
        Finding last = fs.get(fs.size() - 1);
        assertEquals(Rule.LINT_TOO_MANY_FINDINGS, last.rule());
        assertEquals(Severity.ERROR, last.severity());
        assertTrue(last.message().matches("\\d+ more finding\\(s\\) not listed, the first at line \\d+: past 1000 findings .*"),
                last.message());
        int more = Integer.parseInt(last.message().substring(0, last.message().indexOf(' ')));
        assertTrue(more >= 100_000 - Findings.MAX, last.message());
    }

    @Test
    void upToTheLimitNothingChanges() {
        List<Finding> fs = LintFixtures.lint("[GENERAL]\n" + "a\n".repeat(10));
        assertTrue(fs.stream().noneMatch(f -> f.rule() == Rule.LINT_TOO_MANY_FINDINGS));
    }
}
