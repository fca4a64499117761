package org.qatwb.model.snapshot;

import java.util.Locale;
import java.util.Objects;
import org.qatwb.model.parse.Snippet;

/**
 * Why part of a snapshot (or of a stream tick) is empty or incomplete: the item it is about, what
 * kind of problem it was, and one line for a user. Consumers ask {@link #item()} and {@link #kind()};
 * {@link #line()} is only for showing it ({@code "adf_status: denied: ..."}, the text the CLI prints
 * and the JSON's {@code warnings} hold).
 *
 * @param item    the agent's item ({@code adf_status}, {@code conf:/etc/c6xx_dev0.conf}), or for a
 *                fact built from several items its name ({@code persistence}, {@code dev_cfg})
 * @param kind    what went wrong
 * @param message one line, without the item
 */
public record SnapshotIssue(String item, Kind kind, String message) {

    /** What went wrong with an item, as the readers tell the cases apart. */
    public enum Kind {
        /** The agent's output lacks an item every agent prints: the item is empty. */
        MISSING,
        /** The agent could not read it (denied, failed, error): the item is empty. */
        NOT_READ,
        /** Cut at the agent's cap; what was read is used. */
        CUT,
        /** More than a client reads (lines, or the conf files' budget): the item is empty. */
        TOO_LARGE,
        /** Read, but it did not parse: the item is empty. */
        UNPARSEABLE,
        /** Some lines were skipped (or, past the bound, counted); the rest of the item is used. */
        BAD_LINES,
        /** Files that changed while they were read, refused whole: read again. */
        CHANGED_WHILE_READ,
        /** A fact the NAS gave no way to establish; the field says "unknown". */
        UNKNOWN,
        /** A bug of ours while reading it: the item is empty, the rest of the snapshot stands. */
        INTERNAL;

        /** The word used in JSON ({@code "not-read"}). */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether the item's value is still there despite the issue. */
        public boolean partial() {
            return this == CUT || this == BAD_LINES;
        }
    }

    public SnapshotIssue {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        // the readers escape what the NAS sent; this keeps a line one line whatever a reader forgot
        if (item.indexOf('\n') >= 0 || item.indexOf('\r') >= 0) {
            item = Snippet.oneLine(item);
        }
        if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
            message = Snippet.oneLine(message);
        }
    }

    /** {@code "item: message"}: how a user sees it. */
    public String line() {
        return item + ": " + message;
    }

    /** Whether it is about {@code name}. */
    public boolean about(String name) {
        return item.equals(name);
    }

    @Override
    public String toString() {
        return line();
    }
}
