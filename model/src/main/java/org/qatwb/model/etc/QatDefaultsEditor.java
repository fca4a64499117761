package org.qatwb.model.etc;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.model.conf.RawLine;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * Switches one flag of {@code /etc/default/qat} ({@code SRIOV_ENABLE}, {@code ENABLE_KAPI}) and
 * keeps every other byte: the line that decides the value is rewritten in place (an assignment
 * gets the new value, Intel's commented {@code #SRIOV_ENABLE=1} is uncommented, an assignment is
 * commented out to switch off), and where no such line can be edited safely an assignment is
 * appended, since the last one wins when qat_service sources the file. To switch on in a CRLF
 * file, every line becomes LF first: the shell keeps the CR in each value, so no CRLF line of this
 * file does what it says ({@code SRIOV_ENABLE=1\r} counts as off).
 *
 * <p>Every result is read back with {@link QatDefaultsParser}, the reading qat_service gives it,
 * so an edit that would not have the intended effect (an {@code unset} further down, a value the
 * shell splits) falls back to the appended assignment, or is refused.
 */
public final class QatDefaultsEditor {

    private static final String VALUE = "(\"[^\"]*\"|'[^']*'|[^\\s#;'\"|&<>()`$\\\\]*)";
    private static final String TAIL = "([ \\t]*(?:#.*)?)";

    private QatDefaultsEditor() {
    }

    /** Why a CRLF file becomes LF when a flag is switched on. */
    static final String LF_WHY = "LF line endings (with CRLF every value ends in \\r, which qat_service does not read as 1)";

    /**
     * The text with {@code name} on ({@code =1}) or off.
     *
     * @throws IllegalArgumentException when no edit makes qat_service read the intended value
     *                                  (the file ends inside an unterminated quote, for example)
     */
    public static String set(String text, String name, boolean on) {
        return edit(text, name, on).text();
    }

    /** {@link #set}, with what changed in one line. */
    public static EtcEdit edit(String text, String name, boolean on) {
        if (!QatDefaultsParser.FLAGS.contains(name)) {
            throw new IllegalArgumentException(name + " is not a flag qat_service reads from " + QatDefaults.PATH);
        }
        if (read(text).enabled(name) == on) {
            return new EtcEdit(text, name + " is " + (on ? "on" : "off") + " already");
        }
        if (on && text.contains("\r\n")) {
            String lf = text.replace("\r\n", "\n");
            if (read(lf).enabled(name)) {
                return new EtcEdit(lf, LF_WHY);
            }
            EtcEdit e = edit(lf, name, true);
            return new EtcEdit(e.text(), e.change() + ", and " + LF_WHY);
        }
        List<RawLine> lines = RawLine.split(text);
        EtcEdit edited = on ? switchOn(lines, name) : switchOff(lines, name);
        if (edited != null && read(edited.text()).enabled(name) == on) {
            return edited;
        }
        String line = name + "=" + (on ? "1" : "0");
        EtcEdit appended = new EtcEdit(append(text, line), text.isEmpty() ? line : "add " + line + " at the end");
        if (read(appended.text()).enabled(name) != on) {
            throw new IllegalArgumentException("cannot set " + line + " in " + QatDefaults.PATH
                    + ": the shell would not read it that way (an unterminated quote?); edit the file by hand");
        }
        return appended;
    }

    /** The last live assignment gets the value 1; else the last commented {@code #NAME=...} is uncommented. */
    private static EtcEdit switchOn(List<RawLine> lines, String name) {
        Pattern assignment = Pattern.compile("([ \\t]*(?:export[ \\t]+)?" + name + "=)" + VALUE + TAIL);
        Pattern commented = Pattern.compile("#[ \\t]*((?:export[ \\t]+)?" + name + "=)" + VALUE + "[ \\t]*");
        int at = lastMatching(lines, assignment);
        if (at >= 0) {
            Matcher m = assignment.matcher(lines.get(at).text());
            m.matches();
            return new EtcEdit(rewrite(lines, at, m.group(1) + "1" + m.group(3)), "set " + name + "=1 on line "
                    + lines.get(at).number() + " (was " + Snippet.quote(m.group(2)) + ")");
        }
        at = lastMatching(lines, commented);
        if (at >= 0) {
            Matcher m = commented.matcher(lines.get(at).text());
            m.matches();
            return new EtcEdit(rewrite(lines, at, m.group(1) + "1"), "uncomment line " + lines.get(at).number() + ": "
                    + name + "=1");
        }
        return null;
    }

    /** The last live assignment is commented out, as Intel's file says to ("Comment or remove next line"). */
    private static EtcEdit switchOff(List<RawLine> lines, String name) {
        Pattern assignment = Pattern.compile("[ \\t]*(?:export[ \\t]+)?" + name + "=" + VALUE + TAIL);
        int at = lastMatching(lines, assignment);
        return at < 0 ? null : new EtcEdit(rewrite(lines, at, "#" + lines.get(at).text()),
                "comment out line " + lines.get(at).number() + ": " + lines.get(at).text().strip());
    }

    private static int lastMatching(List<RawLine> lines, Pattern p) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (p.matcher(lines.get(i).text()).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** Replaces one line's text, keeping its terminator. */
    private static String rewrite(List<RawLine> lines, int at, String newText) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            RawLine l = lines.get(i);
            out.append(i == at ? newText : l.text()).append(l.eol());
        }
        return out.toString();
    }

    private static String append(String text, String line) {
        boolean needsNewline = !text.isEmpty() && !text.endsWith("\n");
        return text + (needsNewline ? "\n" : "") + line + "\n";
    }

    private static QatDefaults read(String text) {
        try {
            return QatDefaultsParser.parse(text);
        } catch (ParseException e) {
            throw new IllegalStateException("the parser reads any text", e);
        }
    }
}
