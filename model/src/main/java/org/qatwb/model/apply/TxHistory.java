package org.qatwb.model.apply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * The transactions a NAS keeps with their backups (the agent's {@code history}), newest first in
 * the NAS's own order (its sequence numbers: the ids' times are the clients' clocks), and the
 * first backup of each file qatwb ever wrote there (item {@code pristine}).
 */
public final class TxHistory {

    public static final String ITEM_PREFIX = "tx:";
    public static final String PRISTINE_ITEM = "pristine";
    /** A file name as the agent keeps backups: the last part of a path qatwb writes. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9_.-]{1,255}");

    /** What {@code history} says: the transactions, newest first, and the first backups. */
    public record Kept(List<TxRecord> transactions, List<PristineFile> pristine) {
        public Kept {
            transactions = List.copyOf(transactions);
            pristine = List.copyOf(pristine);
        }
    }

    private TxHistory() {
    }

    public static List<TxRecord> read(AgentOutput out) throws ParseException {
        return readKept(out).transactions();
    }

    public static Kept readKept(AgentOutput out) throws ParseException {
        List<TxRecord> records = new ArrayList<>();
        for (AgentFrame f : out.framesStartingWith(ITEM_PREFIX)) {
            if (f.readable()) {
                if (f.tooManyLines()) {
                    throw new ParseException(0, f.tooManyLinesWarning());
                }
                records.add(TxRecord.read(f.text()));
            }
        }
        Collections.reverse(records); // the agent lists them oldest first
        List<PristineFile> pristine = new ArrayList<>();
        for (AgentFrame f : out.framesStartingWith(PRISTINE_ITEM)) {
            if (f.readable() && f.name().equals(PRISTINE_ITEM)) {
                int n = 0;
                for (String line : f.text().split("\n")) {
                    n++;
                    if (!line.isBlank()) {
                        pristine.add(pristine(n, line));
                    }
                }
            }
        }
        return new Kept(records, pristine);
    }

    /** One line of pristine/sums: "SHA NAME ID", "- NAME ID" for a file that did not exist. */
    private static PristineFile pristine(int n, String line) throws ParseException {
        String[] w = line.trim().split(" ");
        if (w.length != 3 || !NAME.matcher(w[1]).matches() || !TxId.isValid(w[2])
                || !(w[0].equals("-") || w[0].matches("[0-9a-f]{64}"))) {
            throw new ParseException(n, "not a line of pristine/sums: " + Snippet.quote(line));
        }
        return new PristineFile(w[1], w[0].equals("-") ? Optional.empty() : Optional.of(w[0]), w[2]);
    }
}
