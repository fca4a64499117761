package org.qatwb.model.agent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * The grammar of the agent's output, read incrementally: bytes go in as they arrive, in chunks
 * cut anywhere; events come out as soon as a line completes them.
 *
 * <p>A line is a frame line only if it starts with {@code @@} and the boundary; anything else
 * inside an item is content. A line is only buffered while it can still turn into a frame line
 * (at most the marker's length, then one frame line of at most {@link #MAX_FRAME_LINE} bytes);
 * content moves on at once, so memory is bounded by the item cap, and the items of one answer (or
 * one tick) by {@link AgentProtocol#MAX_ITEMS} and {@link AgentProtocol#TICK_CAP}. Once an error is raised the
 * scanner stays broken and raises it again.
 */
final class FrameScanner {

    /** Receives what the scanner recognises, in order. */
    interface Sink {
        void header(int version, AgentVerb verb) throws ParseException;

        void frame(AgentFrame frame) throws ParseException;

        void tick(int n) throws ParseException;

        void done() throws ParseException;
    }

    /** The longest frame line ("end NAME STATUS RC" with a long file name) accepted. */
    static final int MAX_FRAME_LINE = 4096;
    /** Bytes tolerated before the header (a login script that prints something) before giving up. */
    static final int MAX_PREAMBLE = 64 * 1024;
    static final String ENDED_EARLY = "output ended early (connection lost?)";

    private enum State { PREAMBLE, BETWEEN, CONTENT, DONE }

    private final byte[] marker;
    private final String boundary;
    private final int maxContent;
    private final Sink sink;

    private State state = State.PREAMBLE;
    private AgentVerb verb;
    /** The start of the current line while it may be a frame line; the marker, then the rest. */
    private byte[] line = new byte[128];
    private int lineLen;
    /** The rest of the current line is known not to be a frame line (content, or preamble). */
    private boolean plainLine;
    private int lineNo = 1;
    private long preamble;
    private String itemName;
    private byte[] content = new byte[4096];
    private int contentLen;
    private int lastTick;
    /** Items since the header, or since the last tick of a stream, and their bytes. */
    private int items;
    private long held;
    private ParseException failure;

    /**
     * @param boundary   the exec's boundary, 32 lowercase hex characters
     * @param maxContent the largest item accepted, in bytes (the agent's cap)
     */
    FrameScanner(String boundary, int maxContent, Sink sink) {
        this.boundary = AgentProtocol.requireBoundary(boundary);
        this.marker = ("@@" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.maxContent = maxContent;
        this.sink = sink;
    }

    AgentVerb verb() {
        return verb;
    }

    void feed(byte[] data, int off, int len) throws ParseException {
        if (failure != null) {
            throw failure;
        }
        try {
            scan(data, off, off + len);
        } catch (ParseException e) {
            failure = e;
            throw e;
        }
    }

    /** The end of the output: complains unless it ended where an output may end. */
    void finish() throws ParseException {
        if (failure != null) {
            throw failure;
        }
        boolean midLine = lineLen > 0 || plainLine;
        if (state == State.PREAMBLE) {
            failure = new ParseException(0, preamble == 0 && !midLine ? "no output from the agent"
                    : "no agent header in the output (is the boundary right?)");
        } else if (state == State.CONTENT || midLine || (state == State.BETWEEN && verb.endsWithDone())) {
            failure = new ParseException(0, ENDED_EARLY);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void scan(byte[] d, int i, int end) throws ParseException {
        while (i < end) {
            if (state == State.DONE) {
                throw new ParseException(lineNo, "output continues after 'done'");
            }
            if (plainLine) {
                int nl = indexOf(d, (byte) '\n', i, end);
                int stop = nl < 0 ? end : nl + 1;
                if (state == State.CONTENT) {
                    append(d, i, stop - i);
                } else {
                    skipPreamble(stop - i);
                }
                if (nl >= 0) {
                    plainLine = false;
                    lineNo++;
                }
                i = stop;
            } else if (lineLen < marker.length) {
                if (d[i] == marker[lineLen]) {
                    line[lineLen++] = d[i++];
                } else {
                    notAFrameLine(); // d[i] is not consumed: it may end the line
                }
            } else {
                int nl = indexOf(d, (byte) '\n', i, end);
                int stop = nl < 0 ? end : nl;
                if (lineLen + (stop - i) > MAX_FRAME_LINE) {
                    throw new ParseException(lineNo, "a frame line longer than " + MAX_FRAME_LINE + " bytes");
                }
                if (lineLen + (stop - i) > line.length) {
                    line = Arrays.copyOf(line, MAX_FRAME_LINE);
                }
                System.arraycopy(d, i, line, lineLen, stop - i);
                lineLen += stop - i;
                i = stop;
                if (nl >= 0) {
                    i++;
                    String rest = new String(line, marker.length, lineLen - marker.length, StandardCharsets.ISO_8859_1);
                    lineLen = 0;
                    frameLine(rest);
                    lineNo++;
                }
            }
        }
    }

    /** The line seen so far differs from the marker: it is content, preamble, or an error. */
    private void notAFrameLine() throws ParseException {
        switch (state) {
            case CONTENT -> append(line, 0, lineLen);
            case PREAMBLE -> skipPreamble(lineLen);
            default -> throw new ParseException(lineNo, "text outside a frame: the agent prints nothing but frames");
        }
        lineLen = 0;
        plainLine = true;
    }

    private void skipPreamble(int n) throws ParseException {
        preamble += n;
        if (preamble > MAX_PREAMBLE) {
            throw new ParseException(0, "no agent header in the first " + MAX_PREAMBLE + " bytes (is the boundary right?)");
        }
    }

    private void append(byte[] d, int off, int n) throws ParseException {
        // on top of the cap: one byte that says "more than the cap", and the agent's own newline
        if ((long) contentLen + n > (long) maxContent + 2) {
            throw new ParseException(lineNo, "item " + itemName + " is larger than " + maxContent + " bytes");
        }
        if (contentLen + n > content.length) {
            content = Arrays.copyOf(content, (int) Math.min((long) maxContent + 2,
                    Math.max((long) contentLen + n, 2L * content.length)));
        }
        System.arraycopy(d, off, content, contentLen, n);
        contentLen += n;
    }

    private void frameLine(String rest) throws ParseException {
        if (!rest.startsWith(" ") || rest.length() < 2) {
            throw bad("a frame line must be '@@BOUNDARY WORD...'", rest);
        }
        String[] w = rest.substring(1).split(" ", -1);
        for (String word : w) {
            if (word.isEmpty()) {
                throw bad("a frame line has single spaces between its words", rest);
            }
        }
        switch (state) {
            case PREAMBLE -> header(w, rest);
            case BETWEEN -> between(w, rest);
            case CONTENT -> end(w, rest);
            default -> throw new IllegalStateException(state.toString());
        }
    }

    private void header(String[] w, String rest) throws ParseException {
        if (w.length != 3 || !w[0].equals("agent")) {
            throw bad("expected the header 'agent VERSION COMMAND' first", rest);
        }
        Integer version = smallNumber(w[1], 9999);
        if (version == null) {
            throw bad("the agent version is not a number", rest);
        }
        if (version != AgentProtocol.VERSION) {
            throw new ParseException(lineNo, "the agent speaks protocol version " + version + ", this client reads "
                    + AgentProtocol.VERSION);
        }
        verb = AgentVerb.ofWire(w[2]).orElseThrow(() -> bad("unknown agent command", rest));
        state = State.BETWEEN;
        sink.header(version, verb);
    }

    private void between(String[] w, String rest) throws ParseException {
        switch (w[0]) {
            case "begin" -> {
                if (w.length != 2) {
                    throw bad("expected 'begin NAME'", rest);
                }
                itemName = name(w[1], rest);
                if (++items > AgentProtocol.MAX_ITEMS) {
                    throw new ParseException(lineNo, "more than " + AgentProtocol.MAX_ITEMS + " items in "
                            + (verb == AgentVerb.STREAM ? "one tick" : "one answer") + ": not an agent's output");
                }
                contentLen = 0;
                if (content.length > 65536) {
                    content = new byte[4096]; // do not keep a large item's buffer for the next one
                }
                state = State.CONTENT;
            }
            case "tick" -> {
                if (verb != AgentVerb.STREAM) {
                    throw bad("a tick in the output of " + verb.wire(), rest);
                }
                Integer n = w.length == 2 ? smallNumber(w[1], Integer.MAX_VALUE) : null;
                if (n == null || n != lastTick + 1) {
                    throw bad("expected 'tick " + (lastTick + 1) + "'", rest);
                }
                lastTick = n;
                items = 0;
                held = 0;
                sink.tick(n);
            }
            case "done" -> {
                if (w.length != 1 || !verb.endsWithDone()) {
                    throw bad(verb.endsWithDone() ? "expected 'done'" : "a stream never ends with 'done'", rest);
                }
                state = State.DONE;
                sink.done();
            }
            default -> throw bad("expected 'begin NAME'" + (verb.endsWithDone() ? " or 'done'" : " or 'tick N'"), rest);
        }
    }

    private void end(String[] w, String rest) throws ParseException {
        if (w.length != 4 || !w[0].equals("end")) {
            throw bad("item " + itemName + " is not closed before this frame line", rest);
        }
        if (!w[1].equals(itemName)) {
            throw bad("item " + itemName + " is closed with another name", rest);
        }
        ItemStatus status = ItemStatus.ofWire(w[2]).orElseThrow(() -> bad("unknown item status", rest));
        Integer rc = smallNumber(w[3], 255);
        if (rc == null) {
            throw bad("the exit status is not a number in 0..255", rest);
        }
        if (contentLen == 0 || content[contentLen - 1] != '\n') {
            throw bad("no newline before the end line of item " + itemName, rest);
        }
        int length = contentLen - 1;
        if (length > maxContent + 1) {
            throw new ParseException(lineNo, "item " + itemName + " is larger than " + maxContent + " bytes");
        }
        if (length == maxContent + 1) {
            // the agent stops one byte past the cap instead of counting: that byte means "cut here"
            status = ItemStatus.TRUNCATED;
            length = maxContent;
        }
        held += length;
        long cap = verb == AgentVerb.STREAM ? AgentProtocol.TICK_CAP : AgentProtocol.OUTPUT_CAP;
        if (held > cap) {
            throw new ParseException(lineNo, "the items of " + (verb == AgentVerb.STREAM ? "one tick" : "one answer")
                    + " hold more than " + (cap >> 20) + " MiB: not an agent's output");
        }
        state = State.BETWEEN;
        sink.frame(new AgentFrame(itemName, status, rc, Arrays.copyOf(content, length)));
    }

    /** An item name: visible ASCII, no blanks (the agent keeps file names with other bytes out). */
    private String name(String n, String rest) throws ParseException {
        for (int k = 0; k < n.length(); k++) {
            char c = n.charAt(k);
            if (c < 0x21 || c > 0x7e) {
                throw bad("an item name holds only visible ASCII characters", rest);
            }
        }
        return n;
    }

    /** A decimal number without sign or leading zeros (except 0 itself) up to max, or null. */
    private static Integer smallNumber(String s, int max) {
        if (s.isEmpty() || s.length() > 10 || (s.length() > 1 && s.charAt(0) == '0')) {
            return null;
        }
        long v = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return v <= max ? (int) v : null;
    }

    private ParseException bad(String what, String rest) {
        // the boundary is not secret, but quoting it in every message would only add noise
        return new ParseException(lineNo, what + ": " + Snippet.quote("@@..." + rest));
    }

    private static int indexOf(byte[] d, byte b, int from, int to) {
        for (int k = from; k < to; k++) {
            if (d[k] == b) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "FrameScanner[" + boundary + ", " + state + "]";
    }
}
