package org.qatwb.model.etc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.parse.Warnings;

/**
 * Reads {@code /etc/default/qat} the way qat_service's {@code . /etc/default/qat} does for simple
 * assignments: quotes, {@code export}, {@code ;}, trailing comments, later assignments win, and
 * blanks around {@code =} make a command rather than an assignment. Anything beyond simple
 * assignments (expansions, conditionals, pipes) is reported, not evaluated.
 */
public final class QatDefaultsParser {

    /** The variables qat_service reads from the file and tests with {@code == 1}. */
    static final Set<String> FLAGS = Set.of("SRIOV_ENABLE", "ENABLE_KAPI", "LEGACY_LOADED");

    private QatDefaultsParser() {
    }

    private record Note(int line, String text) {
    }

    /**
     * Never throws for any text: a sourced file cannot be "unreadable", it only sets fewer
     * variables. The clause is kept so that every parser has the same contract.
     */
    public static QatDefaults parse(String text) throws ParseException {
        Objects.requireNonNull(text, "text");
        Map<String, ShellAssignment> active = new LinkedHashMap<>();
        List<ShellAssignment> commented = new ArrayList<>();
        Warnings<Note> notes = new Warnings<>();

        ShellLexer.Result lexed = ShellLexer.lex(text);
        for (ShellLexer.Command command : lexed.commands()) {
            if (command.unterminated()) {
                notes.add(new Note(command.line(), "unterminated quote: the shell stops reading the file "
                        + "here with a syntax error, nothing from this line on is set: " + Snippet.quote(command.source())));
                break;
            }
            interpret(command, active, notes);
        }
        for (ShellLexer.Comment comment : lexed.comments()) {
            commented.addAll(commentedAssignments(comment));
        }
        for (ShellAssignment a : active.values()) {
            if (FLAGS.contains(a.name()) && !QatDefaults.isOne(a.value()) && !a.value().equals("0")) {
                notes.add(new Note(a.line(), a.name() + "=" + Snippet.quote(a.value()) + " counts as off: "
                        + "qat_service tests [ $" + a.name() + " == 1 ], so only 1 turns it on"
                        + (a.value().indexOf('\r') >= 0 ? " (the \\r comes from a CRLF line ending)" : "")));
            }
        }
        notes.sort(Comparator.comparingInt(Note::line));
        return new QatDefaults(active, commented, notes.lines(n -> "line " + n.line() + ": " + n.text()), text);
    }

    private static void interpret(ShellLexer.Command command, Map<String, ShellAssignment> active, List<Note> notes) {
        List<ShellLexer.Word> words = command.words();
        String quoted = Snippet.quote(command.source().strip());
        if (words.isEmpty() && !command.operator()) {
            return;
        }
        if (words.size() == 1 && words.get(0).text().equals("\r")) {
            return; // an empty line of a CRLF file: bash complains about a command "\r" and goes on
        }
        if (command.operator()) {
            notes.add(new Note(command.line(), "not a simple assignment (uses a shell operator), "
                    + "not evaluated: " + quoted));
            return;
        }
        ShellLexer.Word first = words.get(0);
        if (first.text().equals("export") && !first.isAssignment()) {
            for (ShellLexer.Word w : words.subList(1, words.size())) {
                if (w.isAssignment()) {
                    assign(w, active, notes);
                } else if (!ShellLexer.NAME.matcher(w.text()).matches()) {
                    notes.add(new Note(w.line(), "export argument " + Snippet.quote(w.text()) + " ignored"));
                }
            }
            return;
        }
        if (first.text().equals("unset") && !first.isAssignment()) {
            for (ShellLexer.Word w : words.subList(1, words.size())) {
                active.remove(w.text());
            }
            return;
        }
        if (words.stream().allMatch(ShellLexer.Word::isAssignment)) {
            words.forEach(w -> assign(w, active, notes));
            return;
        }
        boolean spacedEquals = words.size() >= 2
                && (ShellLexer.NAME.matcher(first.text()).matches() && words.get(1).text().startsWith("=")
                    || first.isAssignment() && first.value().isEmpty());
        if (spacedEquals) {
            String name = first.isAssignment() ? first.name() : first.text();
            notes.add(new Note(command.line(), "blanks around '=' make this a command, not an assignment "
                    + "(sh allows none): " + name + " is not set: " + quoted));
            return;
        }
        notes.add(new Note(command.line(), "not an assignment, ignored: " + quoted));
    }

    private static void assign(ShellLexer.Word w, Map<String, ShellAssignment> active, List<Note> notes) {
        ShellAssignment a = new ShellAssignment(w.name(), w.value(), w.line());
        if (w.expansion()) {
            notes.add(new Note(w.line(), a.name() + ": the value uses shell expansion ($ or `), taken literally as "
                    + Snippet.quote(a.value())));
        }
        ShellAssignment earlier = active.put(a.name(), a);
        if (earlier != null) {
            notes.add(new Note(w.line(), a.name() + " is set again (also at line " + earlier.line()
                    + "); the later value " + Snippet.quote(a.value()) + " wins"));
        }
    }

    /** {@code #SRIOV_ENABLE=1}, {@code # export ENABLE_KAPI=1}: assignments someone switched off. */
    private static List<ShellAssignment> commentedAssignments(ShellLexer.Comment comment) {
        String body = comment.text().replaceFirst("^[#\\s]*", "").replaceFirst("\r$", "");
        List<ShellLexer.Command> commands = ShellLexer.lex(body).commands();
        if (commands.size() != 1 || commands.get(0).operator() || commands.get(0).unterminated()) {
            return List.of();
        }
        List<ShellLexer.Word> words = commands.get(0).words();
        if (!words.isEmpty() && words.get(0).text().equals("export")) {
            words = words.subList(1, words.size());
        }
        if (words.isEmpty() || !words.stream().allMatch(ShellLexer.Word::isAssignment)) {
            return List.of();
        }
        return words.stream().map(w -> new ShellAssignment(w.name(), w.value(), comment.line())).toList();
    }
}
