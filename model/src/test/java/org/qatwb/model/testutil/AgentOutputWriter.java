package org.qatwb.model.testutil;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes agent output the way qatwb-agent.sh does (docs/agent-protocol.md), for tests of the
 * parsers: header, items (bytes, then the agent's own newline, then the end line), ticks, done.
 */
public final class AgentOutputWriter {

    public static final String BOUNDARY = "0123456789abcdef0123456789abcdef";

    private final String boundary;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public AgentOutputWriter(String boundary) {
        this.boundary = boundary;
    }

    public static AgentOutputWriter snapshot() {
        return new AgentOutputWriter(BOUNDARY).header("snapshot");
    }

    public static AgentOutputWriter stream() {
        return new AgentOutputWriter(BOUNDARY).header("stream");
    }

    public AgentOutputWriter header(String command) {
        return line("agent 1 " + command);
    }

    public AgentOutputWriter line(String words) {
        raw("@@" + boundary + " " + words + "\n");
        return this;
    }

    public AgentOutputWriter raw(String latin1) {
        return raw(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    public AgentOutputWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public AgentOutputWriter item(String name, String status, int rc, byte[] content) {
        line("begin " + name);
        raw(content);
        raw("\n@@" + boundary + " end " + name + " " + status + " " + rc + "\n");
        return this;
    }

    public AgentOutputWriter item(String name, String status, int rc, String utf8) {
        return item(name, status, rc, utf8.getBytes(StandardCharsets.UTF_8));
    }

    /** An item read in full. */
    public AgentOutputWriter ok(String name, String utf8) {
        return item(name, "ok", 0, utf8);
    }

    public AgentOutputWriter absent(String name) {
        return item(name, "absent", 0, new byte[0]);
    }

    public AgentOutputWriter tick(int n) {
        return line("tick " + n);
    }

    public AgentOutputWriter done() {
        return line("done");
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
