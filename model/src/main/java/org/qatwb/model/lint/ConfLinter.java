package org.qatwb.model.lint;

import java.util.List;
import org.qatwb.model.conf.ConfDocument;

/** Runs every single-file rule of the catalog over one conf document. */
public final class ConfLinter {

    private static final List<FileCheck> CHECKS = List.of(
            new SyntaxCheck(), new DuplicateCheck(), new GeneralCheck(), new InstanceCheck(), new CapacityCheck());

    private ConfLinter() {
    }

    /** The findings of one file, by line. */
    public static List<Finding> lint(ConfDocument doc, LintContext ctx) {
        Findings out = new Findings();
        for (FileCheck check : CHECKS) {
            check.check(doc, ctx, out);
        }
        return out.sorted();
    }
}
