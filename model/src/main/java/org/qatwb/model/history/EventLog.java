package org.qatwb.model.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of an {@link OffloadHistory}, oldest first, at most {@code limit} of them. Times are
 * kept in order like the samples' (an event stamped before the last one is stamped at the last
 * one's time), so that dropping the old ones is a look at the head.
 */
final class EventLog {

    private final ArrayDeque<HistoryEvent> events = new ArrayDeque<>();
    private final int limit;

    EventLog(int limit) {
        this.limit = limit;
    }

    HistoryEvent add(HistoryEvent e) {
        HistoryEvent last = events.peekLast();
        HistoryEvent kept = last != null && e.epochMillis() < last.epochMillis()
                ? new HistoryEvent(last.epochMillis(), e.kind(), e.label()) : e;
        if (events.size() == limit) {
            events.pollFirst();
        }
        events.addLast(kept);
        return kept;
    }

    /** Drops the events before {@code epochMillis}. */
    void dropBefore(long epochMillis) {
        while (!events.isEmpty() && events.peekFirst().epochMillis() < epochMillis) {
            events.pollFirst();
        }
    }

    /** The events in [from, to), oldest first. */
    List<HistoryEvent> between(long from, long to) {
        List<HistoryEvent> in = new ArrayList<>();
        for (HistoryEvent e : events) {
            if (e.epochMillis() >= to) break;
            if (e.epochMillis() >= from) in.add(e);
        }
        return in;
    }

    List<HistoryEvent> all() {
        return List.copyOf(events);
    }
}
