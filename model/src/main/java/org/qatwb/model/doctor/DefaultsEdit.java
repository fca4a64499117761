package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.QatDefaultsParser;
import org.qatwb.model.etc.ShellAssignment;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * Turns a flag of {@code /etc/default/qat} on ({@code ENABLE_KAPI=1}) with the smallest change a
 * human would make: rewrite the assignment in effect, else uncomment a commented one, else add a
 * line. The result is read back with {@link QatDefaultsParser}, as qat_service would source it; an
 * edit that would not turn the flag on is not offered.
 */
final class DefaultsEdit {

    /** One plain assignment on the line, perhaps exported and commented after: keep all but the value. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(\\s*(?:export\\s+)?)([A-Za-z_][A-Za-z0-9_]*)=(?:\"[^\"]*\"|'[^']*'|[^\\s;#'\"]*)(\\s*(?:#.*)?)");
    /** A commented-out single assignment: {@code #ENABLE_KAPI=1}, {@code # export SRIOV_ENABLE=1}. */
    private static final Pattern COMMENTED = Pattern.compile("\\s*#+\\s*(?:export\\s+)?[A-Za-z_][A-Za-z0-9_]*=\\S*\\s*");

    private DefaultsEdit() {
    }

    /** The file with {@code name=1} in effect, or empty when no plain edit achieves it. */
    static Optional<TextEdit> enable(QatDefaults d, String name) {
        if (!d.text().contains("\r\n")) {
            return firstThatWorks(d, d.text(), name);
        }
        // a CRLF file leaves "\r" in every value, which qat_service reads as not 1: LF first, then the edit
        String lf = d.text().replace("\r\n", "\n");
        String why = "LF line endings (with CRLF every value ends in \\r, which qat_service does not read as 1)";
        Optional<QatDefaults> again = parse(lf);
        if (again.filter(a -> a.enabled(name)).isPresent()) {
            return Optional.of(new TextEdit(lf, why));
        }
        return again.flatMap(a -> firstThatWorks(a, lf, name)).map(e -> new TextEdit(e.text(), e.change() + ", and " + why));
    }

    /** The smallest edit first: the assignment in effect, a commented one, a new line at the end. */
    private static Optional<TextEdit> firstThatWorks(QatDefaults d, String text, String name) {
        List<String> lines = TextEdit.lines(text);
        List<Optional<TextEdit>> candidates = new ArrayList<>();
        ShellAssignment active = d.active().get(name);
        if (active != null) {
            candidates.add(rewrite(lines.get(active.line() - 1), name).map(l -> new TextEdit(replace(lines, active.line(), l),
                    "set " + name + "=1 (line " + active.line() + ", was " + quoteValue(active.value()) + ")")));
        } else {
            List<ShellAssignment> commented = d.commented().stream().filter(a -> a.name().equals(name)).toList();
            if (!commented.isEmpty()) {
                int n = commented.get(commented.size() - 1).line();
                String line = lines.get(n - 1);
                candidates.add(Optional.of(line).filter(l -> COMMENTED.matcher(TextEdit.body(l)).matches())
                        .map(l -> new TextEdit(replace(lines, n, name + "=1" + TextEdit.eol(l)),
                                "uncomment line " + n + ": " + name + "=1")));
            }
        }
        String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        candidates.add(Optional.of(new TextEdit(text + sep + name + "=1\n",
                text.isEmpty() ? name + "=1" : "add " + name + "=1 at the end")));
        return candidates.stream().flatMap(Optional::stream).filter(e -> turnsOn(e, name)).findFirst();
    }

    private static String replace(List<String> lines, int number, String line) {
        List<String> out = new ArrayList<>(lines);
        out.set(number - 1, line);
        return String.join("", out);
    }

    private static Optional<String> rewrite(String line, String name) {
        Matcher m = ASSIGNMENT.matcher(TextEdit.body(line));
        if (!m.matches() || !m.group(2).equals(name)) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + name + "=1" + m.group(3) + TextEdit.eol(line));
    }

    private static String quoteValue(String v) {
        return v.isEmpty() ? "empty" : Snippet.quote(v);
    }

    private static boolean turnsOn(TextEdit e, String name) {
        return parse(e.text()).filter(d -> d.enabled(name)).isPresent();
    }

    private static Optional<QatDefaults> parse(String text) {
        try {
            return Optional.of(QatDefaultsParser.parse(text));
        } catch (ParseException e) {
            return Optional.empty(); // never thrown for any text (the parser's contract); nothing to offer then
        }
    }
}
