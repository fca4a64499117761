package org.qatwb.model.apply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * What the next boot's check will verify: the transactions staged (or deferred) since the last
 * boot, as the agent's item {@code tx_pending} lists them (docs/agent-protocol.md, "The boot check").
 *
 * @param transactions the pending transactions, oldest first
 * @param state        the newest one's state ({@code staged}, {@code deferred}; another word when a
 *                     transaction was finished otherwise and the list was not yet cleaned)
 * @param files        the files they write, each once, in order; empty when the agent could not read
 *                     their manifests (they are root's)
 */
public record PendingLayout(List<String> transactions, String state, List<String> files) {

    public PendingLayout {
        transactions = List.copyOf(transactions);
        Objects.requireNonNull(state, "state");
        files = List.copyOf(files);
    }

    /**
     * Parses item {@code tx_pending}: per transaction a line {@code ID STATE}, then one line
     * {@code file PATH} per file it writes or deletes. Empty when nothing is pending.
     */
    public static Optional<PendingLayout> parse(String text) throws ParseException {
        List<String> ids = new ArrayList<>();
        Set<String> files = new LinkedHashSet<>();
        String state = "";
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] w = line.strip().split(" +");
            if (w.length == 2 && w[0].equals("file") && ApplyPaths.isWritable(w[1])) {
                files.add(w[1]);
            } else if (w.length == 2 && TxId.isValid(w[0]) && w[1].matches("[a-z-]{1,32}")) {
                ids.add(w[0]);
                state = w[1];
            } else {
                throw new ParseException(n, "expected 'ID STATE' or 'file PATH': " + Snippet.quote(line));
            }
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(new PendingLayout(ids, state, new ArrayList<>(files)));
    }
}
