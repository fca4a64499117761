package org.qatwb.model.agent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.qatwb.model.parse.Snippet;

/**
 * One item of the agent's output: its name, status, exit status and bytes.
 *
 * <p>The content is kept as bytes, not text: conf files must round-trip byte for byte (CRLF, no
 * final newline, Latin-1 or broken UTF-8 in comments), and {@code ConfDocument.parse(byte[])}
 * reads them losslessly from bytes. {@link #text()} is the UTF-8 view for everything meant for
 * humans or line-oriented parsers. The array is copied in and out, so a frame is immutable.
 *
 * @param name    the item's name ({@code adf_status}, {@code conf:/etc/c6xx_dev0.conf}, ...)
 * @param status  what the agent says about it
 * @param rc      the tool's exit status (0 for files), 0..255
 * @param content the item's bytes, without the newline the agent adds before the end line
 */
public record AgentFrame(String name, ItemStatus status, int rc, byte[] content) {

    public AgentFrame {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        content = content.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The number of bytes. */
    public int size() {
        return content.length;
    }

    /** The number of lines: newlines, plus one for a last line without one. */
    public int lines() {
        int n = 0;
        for (byte b : content) {
            if (b == '\n') {
                n++;
            }
        }
        return content.length > 0 && content[content.length - 1] != '\n' ? n + 1 : n;
    }

    /** Whether the item has more lines than a client reads ({@link AgentProtocol#MAX_ITEM_LINES}). */
    public boolean tooManyLines() {
        return lines() > AgentProtocol.MAX_ITEM_LINES;
    }

    /** The one line that says an item was not read for {@link #tooManyLines()}. */
    public String tooManyLinesWarning() {
        return name + ": " + tooManyLinesMessage();
    }

    /** {@link #tooManyLinesWarning()} without the item's name. */
    public String tooManyLinesMessage() {
        return "more than " + AgentProtocol.MAX_ITEM_LINES + " lines, more than the NAS's tools print there; not read";
    }

    /** The bytes as UTF-8 text; malformed sequences become U+FFFD. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** Whether the item was read (completely or cut at the cap): its bytes are the item's, not an error. */
    public boolean readable() {
        return status == ItemStatus.OK || status == ItemStatus.TRUNCATED;
    }

    /**
     * One line about an item that was not read: {@code NAME: STATUS (exit status RC): what it said},
     * the bytes escaped and cut as {@link Snippet#excerpt} does.
     */
    public String problem() {
        return name + ": " + problemMessage();
    }

    /** {@link #problem()} without the item's name: {@code STATUS (exit status RC): what it said}. */
    public String problemMessage() {
        String t = text().strip();
        return status.wire() + (rc != 0 ? " (exit status " + rc + ")" : "") + (t.isEmpty() ? "" : ": " + Snippet.excerpt(t));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentFrame f && name.equals(f.name) && status == f.status && rc == f.rc
                && Arrays.equals(content, f.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, status, rc, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "AgentFrame[" + name + " " + status.wire() + " rc=" + rc + ", " + content.length + " bytes]";
    }
}
