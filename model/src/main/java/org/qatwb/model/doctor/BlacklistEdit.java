package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.qatwb.model.etc.BlacklistEntry;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.etc.VfBlacklistParser;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * Removes the lines of {@code blacklist-qat-vfs.conf} that keep VF drivers from loading, and reads
 * the result back with {@link VfBlacklistParser} (as kmod would) to be sure nothing still blocks them.
 */
final class BlacklistEdit {

    private BlacklistEdit() {
    }

    /** The file without the lines that block {@code modules}, or empty when that does not unblock them. */
    static Optional<TextEdit> unblock(VfBlacklist b, Set<String> modules) {
        List<String> lines = TextEdit.lines(b.text());
        Set<Integer> doomed = new TreeSet<>();
        List<String> removed = new ArrayList<>();
        for (BlacklistEntry e : b.entries()) {
            if (!modules.contains(e.module())) {
                continue;
            }
            removed.add("line " + e.line() + " " + Snippet.quote(TextEdit.body(lines.get(e.line() - 1))));
            // kmod joins a line ending in a backslash with the next: the directive spans them all
            int n = e.line();
            doomed.add(n);
            while (n < lines.size() && TextEdit.body(lines.get(n - 1)).endsWith("\\")) {
                doomed.add(++n);
            }
        }
        if (doomed.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (!doomed.contains(i + 1)) {
                text.append(lines.get(i));
            }
        }
        TextEdit edit = new TextEdit(text.toString(), "remove " + String.join(", ", removed));
        try {
            VfBlacklist after = VfBlacklistParser.parse(edit.text());
            return modules.stream().anyMatch(after::blocks) ? Optional.empty() : Optional.of(edit);
        } catch (ParseException e) {
            return Optional.empty(); // never thrown for any text (the parser's contract)
        }
    }
}
