package org.qatwb.model.conf;

/**
 * A line of a conf file as the driver's reader classifies it (DOMAIN.md section 4).
 *
 * <p>The classification follows {@code adf_ctl}'s reader exactly, quirks included, so that what the
 * product shows is what the driver will load.
 */
public sealed interface ConfLine permits ConfLine.Blank, ConfLine.Comment, ConfLine.SectionHeader, ConfLine.Entry {

    RawLine raw();

    default int number() {
        return raw().number();
    }

    /** An empty line (or one starting with CR): skipped by the driver. */
    record Blank(RawLine raw) implements ConfLine {
    }

    /** A line whose first character is {@code #}: skipped by the driver. */
    record Comment(RawLine raw) implements ConfLine {
    }

    /**
     * A line whose first character is {@code [}.
     *
     * @param name the section name after the driver's clean-up, or null when the driver rejects
     *             the header ("Wrong section format": no {@code ]} or an empty name) and keeps
     *             adding keys to the previous section
     */
    record SectionHeader(RawLine raw, String name) implements ConfLine {
    }

    /**
     * Any other line: a key and value as the driver reads them.
     *
     * @param section   the section the driver adds it to, or null before any section header
     *                  (where {@code adf_ctl} crashes)
     * @param key       key after the driver's clean-up (cut at {@code #}, spaces and CR deleted)
     * @param value     value after clean-up and stripping of surrounding double quotes; for a line
     *                  without {@code =} the driver uses the whole cleaned line as key and value
     * @param hasEquals whether the line contains {@code =}
     */
    record Entry(RawLine raw, String section, String key, String value, boolean hasEquals) implements ConfLine {

        /** Whether the driver stores this entry (it drops empty keys and values with a warning). */
        public boolean stored() {
            return !key.isEmpty() && !value.isEmpty();
        }

        /** A comment that does not start in column 1: the driver finds no key in it (see ConfGrammar). */
        public boolean indentedComment() {
            return ConfGrammar.isIndentedComment(raw.text());
        }

        /** A line of spaces only: the driver warns and ignores it, a reader sees a blank line. */
        public boolean spacesOnly() {
            return ConfGrammar.isSpacesOnly(raw.text());
        }
    }
}
