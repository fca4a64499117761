package org.qatwb.model.lint;

import static org.qatwb.model.conf.ConfGrammar.MAX_LENGTH;

import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.conf.ConfLine;
import org.qatwb.model.parse.Snippet;

/** Line-level rules: constructs the driver reads differently from what the administrator wrote. */
final class SyntaxCheck implements FileCheck {

    @Override
    public void check(ConfDocument doc, LintContext ctx, Findings out) {
        if (doc.hasBom()) {
            out.add(Rule.SYNTAX_BOM, 1, null, null, "the file starts with a UTF-8 byte-order mark: adf_ctl reads its"
                    + " 3 bytes as text at the start of line 1, so that line is neither a comment nor a header but a key"
                    + " before any section, and the tool stops; save the file as plain ASCII without BOM");
        }
        boolean beforeSectionReported = false;
        for (ConfLine line : doc.lines()) {
            if (line instanceof ConfLine.SectionHeader h) {
                if (indented(h.raw().text(), '[')) {
                    // read with 4.24/4.28, which trim the line first: a header here, a key line in 4.8
                    out.add(Rule.SYNTAX_INDENTED_SECTION, Severity.WARNING, h.number(), h.name(), null, "header "
                            + shorten(h.raw().text().strip()) + " is indented: driver " + doc.release().label()
                            + " reads it as a header (4.24 and 4.28 trim leading blanks), but 4.8 reads it as a key"
                            + " and would keep adding the following keys to the section before it; start the line"
                            + " with '['");
                }
                header(h, out);
            } else if (line instanceof ConfLine.Comment c && indented(c.raw().text(), '#')
                    && c.raw().text().substring(0, c.raw().text().indexOf('#')).indexOf('\t') >= 0) {
                out.add(Rule.SYNTAX_TAB, c.number(), null, null, "tab before the comment '"
                        + shorten(c.raw().text().strip()) + "': driver " + doc.release().label() + " trims it and skips"
                        + " the line, but 4.8 keeps the tab and stores it as a key; start comments in column 1");
            } else if (line instanceof ConfLine.Entry e && !e.spacesOnly()) {
                if (e.section() == null && e.stored() && !beforeSectionReported) {
                    // adf_ctl skips a line with an empty key or value before it looks for the section
                    beforeSectionReported = true;
                    out.add(Rule.SYNTAX_BEFORE_SECTION, e.number(), null, e.key(), "'" + shorten(e.raw().text())
                            + "' comes before any section header" + (e.indentedComment() ? " and driver "
                            + doc.release().label() + " keeps the blank before '#', so it reads the line as a key" : "")
                            + ": adf_ctl crashes on it; " + (e.indentedComment() ? "start the comment in column 1"
                                    : "move it below [GENERAL] or the section it belongs to"));
                }
                if (e.indentedComment()) {
                    indentedComment(e, out);
                    continue;
                }
                if (indented(e.raw().text(), '[')) {
                    out.add(Rule.SYNTAX_INDENTED_SECTION, e.number(), e.section(), null, "header "
                            + shorten(e.raw().text().strip()) + " is indented: driver 4.8 reads it as a key and keeps"
                            + " adding the following keys to " + describe(e.section())
                            + " (4.24 and 4.28 trim leading blanks and read it as a header); start the line with '['");
                    continue;
                }
                entry(e, out);
            }
        }
    }

    private static void header(ConfLine.SectionHeader h, Findings out) {
        String text = h.raw().text();
        if (h.name() == null) {
            out.add(Rule.SYNTAX_BAD_SECTION, h.number(), null, null, "'" + shorten(text) + "' is not a valid header"
                    + " (no ']' or an empty name): the driver prints 'Wrong section format' and adds the keys below"
                    + " to the previous section; write [NAME]");
            return;
        }
        if (h.name().length() >= MAX_LENGTH) {
            out.add(Rule.SYNTAX_TOO_LONG, h.number(), h.name(), null, "section name '" + shorten(h.name()) + "' is "
                    + h.name().length() + " characters: the driver allows at most " + (MAX_LENGTH - 1) + "; shorten it");
        }
        if (uncommented(text).indexOf('\t') >= 0) {
            out.add(Rule.SYNTAX_TAB, h.number(), h.name(), null, "tab in the section header: driver 4.8 keeps it in"
                    + " the name, 4.24 deletes it; remove the tab");
        }
    }

    /**
     * A comment that does not start in column 1 is not skipped, but the driver cuts it at '#' and
     * finds an empty key, so it ignores the line (with a warning). Only a tab in the indentation
     * matters: driver 4.8 keeps it and stores a key made of tabs.
     */
    private static void indentedComment(ConfLine.Entry e, Findings out) {
        String text = e.raw().text();
        if (text.substring(0, text.indexOf('#')).indexOf('\t') >= 0) {
            out.add(Rule.SYNTAX_TAB, e.number(), e.section(), null, "tab before the comment '" + shorten(text.strip())
                    + "': driver 4.8 keeps the tab and stores it as a key, 4.24 ignores the line;"
                    + " start comments in column 1");
        }
    }

    private static void entry(ConfLine.Entry e, Findings out) {
        String text = e.raw().text();
        String key = e.key().isEmpty() ? null : e.key();
        if (!e.hasEquals()) {
            out.add(Rule.SYNTAX_NO_EQUALS, e.number(), e.section(), null, "'" + shorten(text) + "' has no '=':"
                    + " the driver stores the whole line as a key with itself as value; write 'Key = value'"
                    + " or comment it out with '#'");
            return;
        }
        int eq = text.indexOf('=');
        int hash = text.indexOf('#');
        if (e.key().isEmpty() || e.value().isEmpty()) {
            String what = e.key().isEmpty() ? "'" + shorten(text.strip()) + "' has an empty key"
                    : "empty value for " + e.key() + (hash > eq && text.substring(eq + 1, hash).isBlank()
                            ? " (the '#' starts a comment, so nothing is left)" : "");
            out.add(Rule.SYNTAX_EMPTY, e.number(), e.section(), key, what + ": the driver prints"
                    + " 'Wrong key-value format' and ignores the line; complete or remove it");
        } else if (hash > eq) {
            String rest = text.substring(hash);
            out.add(Rule.SYNTAX_INLINE_COMMENT, e.number(), e.section(), key, "'#' after the value: the driver reads"
                    + " " + e.key() + " as '" + e.value() + "' and drops '" + shorten(rest) + "'; put comments on a"
                    + " line of their own");
        } else if (hash >= 0) {
            out.add(Rule.SYNTAX_INLINE_COMMENT, e.number(), e.section(), key, "'#' before the '=': the driver cuts the"
                    + " key there and still reads " + e.key() + " = '" + e.value() + "'; to disable the line, start it"
                    + " with '#' in column 1");
        }
        String keyPart = uncommented(text.substring(0, eq));
        String valuePart = uncommented(text.substring(eq + 1));
        if (uncommented(text).indexOf('\t') >= 0) {
            out.add(Rule.SYNTAX_TAB, e.number(), e.section(), key, "tab in '" + shorten(uncommented(text).strip())
                    + "': driver 4.8 keeps tabs inside keys and values (so the key or value does not match),"
                    + " 4.24 deletes them; use spaces");
        }
        if (hasInnerSpace(valuePart)) {
            out.add(Rule.SYNTAX_SPACES_IN_VALUE, e.number(), e.section(), key, "the driver deletes spaces: "
                    + "'" + valuePart.strip() + "' is read as '" + e.value() + "'; write it without spaces");
        }
        if (hasInnerSpace(keyPart)) {
            out.add(Rule.SYNTAX_SPACES_IN_KEY, e.number(), e.section(), key, "the driver deletes spaces: key '"
                    + keyPart.strip() + "' is read as '" + e.key() + "'; write it without spaces");
        }
        if (e.key().length() >= MAX_LENGTH) {
            out.add(Rule.SYNTAX_TOO_LONG, e.number(), e.section(), key, "key '" + shorten(e.key()) + "' is "
                    + e.key().length() + " characters: the driver allows at most " + (MAX_LENGTH - 1) + "; shorten it");
        }
        if (e.value().length() >= MAX_LENGTH) {
            out.add(Rule.SYNTAX_TOO_LONG, e.number(), e.section(), key, "value of " + shorten(e.key()) + " ('"
                    + shorten(e.value()) + "') is " + e.value().length() + " characters: the driver allows at most "
                    + (MAX_LENGTH - 1) + "; shorten it");
        }
    }

    /** Whether the line starts with blanks (spaces, tabs) and then {@code first}. */
    private static boolean indented(String t, char first) {
        int i = 0;
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        return i > 0 && i < t.length() && t.charAt(i) == first;
    }

    private static boolean hasInnerSpace(String s) {
        String t = s.strip();
        return t.indexOf(' ') >= 0;
    }

    private static String uncommented(String s) {
        int hash = s.indexOf('#');
        return hash >= 0 ? s.substring(0, hash) : s;
    }

    private static String describe(String section) {
        return section == null ? "no section (adf_ctl crashes)" : "[" + section + "]";
    }

    /** Input in a message: one line, control characters visible, cut when long. */
    static String shorten(String s) {
        return Snippet.excerpt(s);
    }
}
