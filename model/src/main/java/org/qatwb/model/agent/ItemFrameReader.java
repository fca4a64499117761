package org.qatwb.model.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.qatwb.model.parse.ParseException;

/**
 * Reads the output of a command whose items mean something as soon as each is complete (the
 * benchmark's {@code bench-run}: steps, progress, each pass's records): feed it chunks cut
 * anywhere, and it hands back every item those chunks completed, in order, until {@code done}.
 *
 * <p>Memory is bounded as {@link FrameScanner} bounds it: one item of at most the agent's cap plus
 * one frame line. Not thread safe: one reader per exec, fed by one thread.
 */
public final class ItemFrameReader {

    private final FrameScanner scanner;
    private final List<AgentFrame> completed = new ArrayList<>();
    private boolean done;

    /** A reader for an exec of {@code verb} given this boundary. */
    public ItemFrameReader(String boundary, AgentVerb verb) {
        Objects.requireNonNull(verb, "verb");
        if (!verb.endsWithDone()) {
            throw new IllegalArgumentException(verb.wire() + " is read tick by tick (StreamFrameReader)");
        }
        scanner = new FrameScanner(boundary, AgentProtocol.ITEM_CAP, new FrameScanner.Sink() {
            @Override
            public void header(int version, AgentVerb v) throws ParseException {
                if (v != verb) {
                    throw new ParseException(0, "expected the output of " + verb.wire() + ", the agent ran " + v.wire());
                }
            }

            @Override
            public void frame(AgentFrame frame) {
                completed.add(frame);
            }

            @Override
            public void tick(int n) throws ParseException {
                throw new ParseException(0, "a tick in the output of " + verb.wire());
            }

            @Override
            public void done() {
                done = true;
            }
        });
    }

    /**
     * Feeds a chunk.
     *
     * @return the items this chunk completed, oldest first (often none)
     */
    public List<AgentFrame> feed(byte[] chunk) throws ParseException {
        scanner.feed(chunk, 0, chunk.length);
        List<AgentFrame> out = List.copyOf(completed);
        completed.clear();
        return out;
    }

    /** Whether the agent's {@code done} line has been read: the answer is complete. */
    public boolean done() {
        return done;
    }

    /** The output's end of file: a ParseException unless it ended with {@code done}. */
    public void finish() throws ParseException {
        scanner.finish();
    }
}
