package org.qatwb.model.agent;

import java.util.ArrayList;
import java.util.List;
import org.qatwb.model.parse.ParseException;

/**
 * Reads the output of {@code stream} as it arrives: feed it chunks of bytes, cut anywhere (even
 * inside the boundary), and it hands back a {@link StreamTick} for every {@code tick N} line
 * completed by that chunk.
 *
 * <p>Memory is bounded: one item of at most {@code maxItemBytes} plus one frame line. After a
 * {@link ParseException} the reader is broken and every later call raises it again. Not thread
 * safe: one reader per stream, fed by one thread.
 */
public final class StreamFrameReader {

    private final FrameScanner scanner;
    private final List<AgentFrame> pending = new ArrayList<>();
    private final List<StreamTick> completed = new ArrayList<>();

    /** A reader for an exec given this boundary, with the agent's item cap. */
    public StreamFrameReader(String boundary) {
        this(boundary, AgentProtocol.ITEM_CAP);
    }

    /**
     * @param maxItemBytes the largest item accepted; a larger one is a ParseException (the agent
     *                     never sends more than {@link AgentProtocol#ITEM_CAP})
     */
    public StreamFrameReader(String boundary, int maxItemBytes) {
        if (maxItemBytes < 0) {
            throw new IllegalArgumentException("maxItemBytes < 0");
        }
        scanner = new FrameScanner(boundary, maxItemBytes, new FrameScanner.Sink() {
            @Override
            public void header(int version, AgentVerb verb) throws ParseException {
                if (verb != AgentVerb.STREAM) {
                    throw new ParseException(0, "expected the output of stream, the agent ran " + verb.wire());
                }
            }

            @Override
            public void frame(AgentFrame frame) {
                pending.add(frame);
            }

            @Override
            public void tick(int n) {
                completed.add(new StreamTick(n, pending));
                pending.clear();
            }

            @Override
            public void done() {
                throw new IllegalStateException("the scanner accepts no 'done' in a stream");
            }
        });
    }

    /** Feeds a whole chunk. */
    public List<StreamTick> feed(byte[] chunk) throws ParseException {
        return feed(chunk, 0, chunk.length);
    }

    /**
     * Feeds {@code len} bytes of {@code chunk} from {@code off}.
     *
     * @return the ticks this chunk completed, oldest first (often none)
     */
    public List<StreamTick> feed(byte[] chunk, int off, int len) throws ParseException {
        if (off < 0 || len < 0 || off > chunk.length - len) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", chunk " + chunk.length);
        }
        scanner.feed(chunk, off, len);
        List<StreamTick> out = List.copyOf(completed);
        completed.clear();
        return out;
    }

    /**
     * The stream's end of file. A stream that ends between ticks ended cleanly (the client closed
     * stdin, or the agent stopped); one that ends inside a tick lost its connection.
     *
     * @throws ParseException "output ended early (connection lost?)", or when no header came at all
     */
    public void finish() throws ParseException {
        scanner.finish();
        if (!pending.isEmpty()) {
            throw new ParseException(0, FrameScanner.ENDED_EARLY);
        }
    }
}
