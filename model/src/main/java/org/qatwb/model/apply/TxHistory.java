package org.qatwb.model.apply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.parse.ParseException;

/** The transactions a NAS keeps with their backups (the agent's {@code history}), newest first. */
public final class TxHistory {

    public static final String ITEM_PREFIX = "tx:";

    private TxHistory() {
    }

    public static List<TxRecord> read(AgentOutput out) throws ParseException {
        List<TxRecord> records = new ArrayList<>();
        for (AgentFrame f : out.framesStartingWith(ITEM_PREFIX)) {
            if (f.readable()) {
                if (f.tooManyLines()) {
                    throw new ParseException(0, f.tooManyLinesWarning());
                }
                records.add(TxRecord.read(f.text()));
            }
        }
        records.sort(Comparator.comparing(TxRecord::id).reversed());
        return List.copyOf(records);
    }
}
