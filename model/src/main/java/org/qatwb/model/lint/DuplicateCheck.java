package org.qatwb.model.lint;

import java.util.HashMap;
import java.util.Map;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfLine;
import org.qatwb.model.conf.ConfSection;

/** Repeated keys and sections: the driver keeps the first key and merges sections, silently. */
final class DuplicateCheck implements FileCheck {

    @Override
    public void check(ConfDocument doc, LintContext ctx, Findings out) {
        for (ConfSection s : doc.sections()) {
            ConfLine.SectionHeader first = s.firstHeader();
            for (ConfLine.SectionHeader h : s.headers().subList(1, s.headers().size())) {
                out.add(Rule.SECTION_DUPLICATE, h.number(), s.name(), null, "[" + s.name() + "] already started on line "
                        + first.number() + ": the driver merges both, and a key set in both keeps its first value;"
                        + " join them into one section");
            }
            Map<String, ConfLine.Entry> seen = new HashMap<>();
            for (ConfLine.Entry e : s.entries()) {
                if (!e.stored() || e.indentedComment()) {
                    continue;
                }
                ConfLine.Entry earlier = seen.putIfAbsent(e.key(), e);
                if (earlier != null) {
                    out.add(Rule.KEY_DUPLICATE, e.number(), s.name(), e.key(), e.key() + " is already set on line "
                            + earlier.number() + " ('" + earlier.value() + "'): the driver keeps that one and ignores"
                            + " this '" + e.value() + "'; delete one of the two lines");
                }
            }
        }
    }
}
