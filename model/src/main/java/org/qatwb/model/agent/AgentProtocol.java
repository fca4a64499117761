package org.qatwb.model.agent;

import java.util.regex.Pattern;

/** The constants of the agent protocol that both sides must agree on (docs/agent-protocol.md). */
public final class AgentProtocol {

    /** The protocol version the agent prints in its header and this parser reads. */
    public static final int VERSION = 1;

    /** The agent's cap on one item's bytes (4 MiB); a larger item arrives cut, status {@code truncated}. */
    public static final int ITEM_CAP = 4 * 1024 * 1024;

    /**
     * What a client reads of one exec at most (24 MiB) before it fails the request. A snapshot of a
     * host with 51 devices is well under 1 MiB; zfs_get of 10,000 datasets about 4 MiB. Everything
     * read is kept a few times over while it is parsed, so this bounds the client's memory.
     */
    public static final int OUTPUT_CAP = 24 * 1024 * 1024;

    /**
     * The most lines a client reads of one item (131,072): an item at the cap would need lines of 32
     * bytes, shorter than any line a tool the agent runs prints there; short lines cost a client
     * object each, so more is refused rather than read.
     */
    public static final int MAX_ITEM_LINES = 128 * 1024;

    /**
     * What the items of one stream tick may hold together (16 MiB): a tick is the kstat and one
     * fw_counters per device, a few hundred KiB on a host with 51 devices.
     */
    public static final int TICK_CAP = 16 * 1024 * 1024;

    /**
     * The most items one output (or one tick of a stream) may hold: a snapshot of a host with 51
     * devices holds about 130, so more is not an agent's answer and would only cost memory.
     */
    public static final int MAX_ITEMS = 4096;

    private static final Pattern BOUNDARY = Pattern.compile("[0-9a-f]{32}");

    private AgentProtocol() {
    }

    /** Whether {@code s} is a boundary as the agent accepts it: 32 lowercase hex characters. */
    public static boolean isBoundary(String s) {
        return s != null && BOUNDARY.matcher(s).matches();
    }

    /** {@code boundary} itself, or an IllegalArgumentException: a bad boundary is a programming error. */
    public static String requireBoundary(String boundary) {
        if (!isBoundary(boundary)) {
            throw new IllegalArgumentException("a boundary is 32 lowercase hex characters");
        }
        return boundary;
    }
}
