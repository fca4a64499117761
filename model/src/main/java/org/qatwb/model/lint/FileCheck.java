package org.qatwb.model.lint;

import org.qatwb.model.conf.ConfDocument;

/** A group of rules that look at one conf file on its own. */
interface FileCheck {
    void check(ConfDocument doc, LintContext ctx, Findings out);
}
